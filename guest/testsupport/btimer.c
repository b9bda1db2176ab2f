/* SPDX-License-Identifier: BSD-2-Clause */
/* Benchmark timer (<rtems/btimer.h>) on the port's monotonic ns clock. */
#include <port.h>
#include <rtems/btimer.h>

static uint64_t start_ns;
static bool subtract_overhead = true;
/* Cost of an empty initialize/read pair, measured on the first initialize. */
static uint64_t overhead_ns;
static bool calibrated;

static void calibrate(void)
{
    /* Best of a few, so one interrupt in between does not count. */
    uint64_t best = UINT64_MAX;
    for (int i = 0; i < 8; i++) {
        uint64_t t0 = port_clock_monotonic_ns();
        uint64_t t1 = port_clock_monotonic_ns();
        if (t1 - t0 < best) {
            best = t1 - t0;
        }
    }
    overhead_ns = best;
    calibrated = true;
}

void benchmark_timer_initialize(void)
{
    if (!calibrated) {
        calibrate();
    }
    start_ns = port_clock_monotonic_ns();
}

benchmark_timer_t benchmark_timer_read(void)
{
    uint64_t elapsed = port_clock_monotonic_ns() - start_ns;
    if (subtract_overhead) {
        elapsed = elapsed > overhead_ns ? elapsed - overhead_ns : 0;
    }
    return elapsed > UINT32_MAX ? UINT32_MAX : (benchmark_timer_t)elapsed;
}

void benchmark_timer_disable_subtracting_average_overhead(bool find_flag)
{
    subtract_overhead = !find_flag;
}

rtems_status_code benchmark_timer_empty_function(void)
{
    return RTEMS_SUCCESSFUL;
}
