/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The helpers of RTEMS's test support library that RTEMS's test programs
 * call (names and behaviour as those programs expect; Tessera's own code in
 * guest/testsupport/test_support.c).
 */
#ifndef TESSERA_TEST_SUPPORT_H
#define TESSERA_TEST_SUPPORT_H

#include <stdarg.h>

#include <rtems.h>

/* A path name one character longer than PATH_MAX allows (all 'E'). */
const char *Get_Too_Long_Name(void);

/* The longest path name PATH_MAX allows, its NUL included (all 'L'). */
const char *Get_Longest_Name(void);

/* Busy-waits until the tick count has advanced by ticks. */
void rtems_test_spin_for_ticks(rtems_interval ticks);

/* Busy-waits until the next clock tick. */
void rtems_test_spin_until_next_tick(void);

typedef void (*rtems_time_test_method_t)(int iteration, void *argument);

/*
 * Times iterations calls of operation with the benchmark timer, subtracts
 * the cost of as many empty calls, and prints "description - T" with T the
 * time of one call less overhead.
 */
void rtems_time_test_measure_operation(const char *description, rtems_time_test_method_t operation,
                                       void *argument, int iterations, int overhead);

/* printf whose lines do not interleave with other tasks' locked_printf. */
void locked_print_initialize(void);
int locked_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int locked_vprintf(const char *fmt, va_list ap);

#endif
