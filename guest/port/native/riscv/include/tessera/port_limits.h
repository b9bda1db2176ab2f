/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Native RISC-V port constants visible to applications. A thread's stack
 * area also holds its context (384 bytes: the FP registers' room is there
 * for every thread, used by RTEMS_FLOATING_POINT ones) and,
 * since interrupts run on the interrupted thread's stack, the deepest
 * interrupt frame (160 bytes and native_trap's frames); newlib's printf
 * needs a little over 1 KiB of it. 8 KiB as on the other ports.
 */
#ifndef TESSERA_PORT_LIMITS_H
#define TESSERA_PORT_LIMITS_H

#define TESSERA_PORT_MINIMUM_STACK_SIZE (8u * 1024u)
#define TESSERA_PORT_STACK_ALIGNMENT    16u

/* The highest vector rtems_interrupt_catch takes: scause's supervisor
 * software interrupt, the only one an application can have (native.h). */
#define TESSERA_PORT_MAXIMUM_VECTOR_NUMBER 1u

#endif
