/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Benchmark timer, as RTEMS's timing tests use it: initialize, run the code
 * under test, read the elapsed time. Here the unit is the nanosecond (the
 * port's monotonic clock; exact under QEMU -icount shift=0), saturating at
 * UINT32_MAX (4.29 s). Part of Tessera's test support (guest/testsupport).
 */
#ifndef TESSERA_RTEMS_BTIMER_H
#define TESSERA_RTEMS_BTIMER_H

#include <stdbool.h>
#include <stdint.h>
#include <rtems/rtems/status.h>

typedef uint32_t benchmark_timer_t;

/* Starts a measurement. */
void benchmark_timer_initialize(void);

/*
 * Time since benchmark_timer_initialize(), minus the cost of an empty
 * initialize/read pair unless subtraction is disabled.
 */
benchmark_timer_t benchmark_timer_read(void);

/* find_flag true: read() returns raw times (used to measure overheads). */
void benchmark_timer_disable_subtracting_average_overhead(bool find_flag);

/* Does nothing, at the cost of a call (the tests' loop-overhead baseline). */
rtems_status_code benchmark_timer_empty_function(void);

#endif
