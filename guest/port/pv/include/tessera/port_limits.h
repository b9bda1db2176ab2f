/* SPDX-License-Identifier: BSD-2-Clause */
/* pv port constants visible to applications. */
#ifndef TESSERA_PORT_LIMITS_H
#define TESSERA_PORT_LIMITS_H

/* An upcall frame, newlib's printf and a margin. */
#define TESSERA_PORT_MINIMUM_STACK_SIZE (8u * 1024u)
#define TESSERA_PORT_STACK_ALIGNMENT    16u

/* The highest vector rtems_interrupt_catch takes. */
#define TESSERA_PORT_MAXIMUM_VECTOR_NUMBER 31u /* virtual interrupt lines 0-31 */

#endif
