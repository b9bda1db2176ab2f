/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Basic definitions RTEMS applications (and RTEMS's own test programs)
 * expect to reach through <rtems.h>.
 */
#ifndef TESSERA_RTEMS_SCORE_BASEDEFS_H
#define TESSERA_RTEMS_SCORE_BASEDEFS_H

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

/* Objects the C runtime must not zero (no effect here: nothing outlives a
 * restart that the kernel does not reload anyway). */
#define RTEMS_NOINIT            __attribute__((__section__(".noinit")))
#define RTEMS_ALIGNED(n)        __attribute__((__aligned__(n)))
#define RTEMS_ARRAY_SIZE(array) (sizeof(array) / sizeof((array)[0]))

/* The strictest alignment a structure needs on this CPU. */
#define CPU_STRUCTURE_ALIGNMENT RTEMS_ALIGNED(16)

#endif
