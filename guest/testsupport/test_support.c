/* SPDX-License-Identifier: BSD-2-Clause */
/* RTEMS's test support helpers (see include/test_support.h). */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <rtems/btimer.h>
#include <test_support.h>
#include <tmtests_empty_function.h>

static char too_long_name[PATH_MAX + 2];
static char longest_name[PATH_MAX + 1];

const char *Get_Too_Long_Name(void)
{
    memset(too_long_name, 'E', PATH_MAX + 1);
    too_long_name[PATH_MAX + 1] = '\0';
    return too_long_name;
}

const char *Get_Longest_Name(void)
{
    memset(longest_name, 'L', PATH_MAX - 1);
    longest_name[PATH_MAX - 1] = '\0';
    return longest_name;
}

void rtems_test_spin_for_ticks(rtems_interval ticks)
{
    rtems_interval start = rtems_clock_get_ticks_since_boot();

    while (rtems_clock_get_ticks_since_boot() - start < ticks) {
    }
}

void rtems_test_spin_until_next_tick(void)
{
    rtems_interval start = rtems_clock_get_ticks_since_boot();

    while (rtems_clock_get_ticks_since_boot() == start) {
    }
}

void benchmark_timer_empty_operation(int iteration, void *argument)
{
    (void)iteration;
    (void)argument;
}

void rtems_time_test_measure_operation(const char *description, rtems_time_test_method_t operation,
                                       void *argument, int iterations, int overhead)
{
    benchmark_timer_t loop_overhead;
    benchmark_timer_t total;

    benchmark_timer_initialize();
    for (int i = 0; i < iterations; i++) {
        benchmark_timer_empty_operation(i, argument);
    }
    loop_overhead = benchmark_timer_read();

    benchmark_timer_initialize();
    for (int i = 0; i < iterations; i++) {
        operation(i, argument);
    }
    total = benchmark_timer_read();

    printf("%s - %" PRId32 "\n", description,
           (int32_t)((total - loop_overhead) / (uint32_t)iterations) - overhead);
}

/* stdout's own (recursive, inheriting) stream lock keeps a line whole. */
void locked_print_initialize(void)
{
}

int locked_vprintf(const char *fmt, va_list ap)
{
    int n;

    flockfile(stdout);
    n = vprintf(fmt, ap);
    fflush(stdout);
    funlockfile(stdout);
    return n;
}

int locked_printf(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = locked_vprintf(fmt, ap);
    va_end(ap);
    return n;
}
