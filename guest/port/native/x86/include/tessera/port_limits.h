/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Native x86 port constants visible to applications. A thread's stack area
 * also holds its context (about 560 bytes with the FXSAVE image) and, since
 * interrupts run on the interrupted thread's stack, the deepest interrupt
 * frame; newlib's printf needs a little over 1 KiB of it.
 */
#ifndef TESSERA_PORT_LIMITS_H
#define TESSERA_PORT_LIMITS_H

#define TESSERA_PORT_MINIMUM_STACK_SIZE (8u * 1024u)
#define TESSERA_PORT_STACK_ALIGNMENT    16u

/* The highest vector rtems_interrupt_catch takes: the last software one. */
#define TESSERA_PORT_MAXIMUM_VECTOR_NUMBER 0x3eu

#endif
