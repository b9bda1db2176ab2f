/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The CPU constants of RTEMS's <rtems/score/cpu.h> that applications and
 * RTEMS's test programs test. Every supported CPU (x86, SPARC, RISC-V with
 * F/D, lp64d) has floating-point hardware whose context the executive keeps
 * for RTEMS_FLOATING_POINT tasks, switched at every switch from or to such
 * a task, never deferred (guest/port/cpu/<arch>), and every port catches
 * interrupts by vector number (rtems_interrupt_catch).
 */
#ifndef TESSERA_RTEMS_SCORE_CPU_H
#define TESSERA_RTEMS_SCORE_CPU_H

#include <rtems/score/basedefs.h>

#define CPU_HARDWARE_FP                TRUE
#define CPU_SOFTWARE_FP                FALSE
#define CPU_ALL_TASKS_ARE_FP           FALSE
#define CPU_USE_DEFERRED_FP_SWITCH     FALSE
#define CPU_SIMPLE_VECTORED_INTERRUPTS TRUE
#define CPU_SIZEOF_POINTER             __SIZEOF_POINTER__

/* The port's vectors; the core is built for every port, so not there. */
#ifndef TESSERA_EXEC_CORE
#include <tessera/port_limits.h>

#define CPU_INTERRUPT_MAXIMUM_VECTOR_NUMBER TESSERA_PORT_MAXIMUM_VECTOR_NUMBER
#endif

#endif
