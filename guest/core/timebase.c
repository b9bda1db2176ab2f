/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The time base: ticks counted, uptime, realtime and whether the time of day
 * is set. With a clock driver, uptime advances in whole ticks refined by the
 * port's nanosecond clock within the current tick, so that it agrees with
 * tick-based timeouts; without one it is the port clock. Below dispatching
 * (which charges processor time with it) and the clock manager (clock.c).
 */
#include <rtems.h>

#include "clock_impl.h"
#include "thread.h"
#include "watchdog.h"

#include <port.h>

static uint64_t boot_ns;
static uint64_t last_tick_ns;
static uint64_t realtime_offset_ns;
static bool tod_set;

void exec_clock_init(void)
{
    boot_ns = port_clock_monotonic_ns();
    last_tick_ns = boot_ns;
    realtime_offset_ns = EXEC_SECONDS_1970_TO_1988 * EXEC_NS_PER_S;
    tod_set = false;
    exec_ticks_since_boot = 0;
    exec_watchdog_list_init(&exec_watchdog_ticks);
    exec_watchdog_list_init(&exec_watchdog_realtime);
}

uint32_t exec_clock_ns_per_tick(void)
{
    return exec_config.microseconds_per_tick * 1000u;
}

bool exec_tod_is_set(void)
{
    return tod_set;
}

uint64_t exec_clock_uptime_ns(void)
{
    uint64_t now = port_clock_monotonic_ns();
    uint64_t within;

    if (!exec_config.clock_driver) {
        return now - boot_ns;
    }
    within = now > last_tick_ns ? now - last_tick_ns : 0;
    if (within >= exec_clock_ns_per_tick()) {
        within = exec_clock_ns_per_tick() - 1u;
    }
    return exec_ticks_since_boot * exec_clock_ns_per_tick() + within;
}

uint64_t exec_clock_realtime_ns(void)
{
    return realtime_offset_ns + exec_clock_uptime_ns();
}

void exec_clock_count_tick(void)
{
    exec_ticks_since_boot++;
    last_tick_ns = port_clock_monotonic_ns();
}

void exec_clock_set_realtime(uint64_t ns)
{
    /* Against the tick count, not the uptime: the time of day stays aligned to
     * ticks, so wake_when and fire_when deadlines fall on ticks. */
    realtime_offset_ns = ns - exec_ticks_since_boot * exec_clock_ns_per_tick();
    tod_set = true;
}
