/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Host port constants visible to applications. Host C library functions
 * (printf) need far more stack than a target's, hence the large minimum.
 */
#ifndef TESSERA_PORT_LIMITS_H
#define TESSERA_PORT_LIMITS_H

#define TESSERA_PORT_MINIMUM_STACK_SIZE (64u * 1024u)
#define TESSERA_PORT_STACK_ALIGNMENT    16u

/* The highest vector rtems_interrupt_catch takes (the port has 32). */
#define TESSERA_PORT_MAXIMUM_VECTOR_NUMBER 31u

#endif
