/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Clock manager and the tick. With a clock driver, uptime advances in whole
 * ticks refined by the port's nanosecond clock within the current tick, so
 * that it agrees with tick-based timeouts; without one it is the port clock.
 */
#include <rtems.h>

#include "clock_impl.h"
#include "directive.h"
#include "dispatch.h"
#include "sched.h"
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

static void timeslice(void)
{
    struct exec_thread *t = exec_executing;

    if (t == &exec_idle_thread || !t->timeslice || !t->preemptible ||
        t->state != EXEC_STATE_READY) {
        return;
    }
    if (t->budget > 1) {
        t->budget--;
        return;
    }
    t->budget = exec_config.ticks_per_timeslice;
    exec_sched_rotate(t);
    exec_sched_note_change();
}

static void tick(void)
{
    exec_ticks_since_boot++;
    last_tick_ns = port_clock_monotonic_ns();
    timeslice();
    exec_watchdog_expire(&exec_watchdog_ticks, exec_ticks_since_boot);
    exec_watchdog_expire(&exec_watchdog_realtime, exec_clock_realtime_ns());
}

void exec_tick_isr(void)
{
    port_isr_level level = port_interrupt_disable();

    tick();
    port_interrupt_restore(level);
}

rtems_status_code rtems_clock_tick(void)
{
    port_isr_level level = exec_directive_lock();

    exec_dispatch_disable_level++;
    tick();
    exec_dispatch_disable_level--;
    exec_dispatch();
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_clock_set(const rtems_time_of_day *time_of_day)
{
    rtems_status_code status = exec_tod_validate(time_of_day, rtems_clock_get_ticks_per_second());
    port_isr_level level;
    uint64_t ns;

    if (status != RTEMS_SUCCESSFUL) {
        return status;
    }
    ns = exec_tod_to_seconds(time_of_day) * EXEC_NS_PER_S +
         (uint64_t)time_of_day->ticks * exec_clock_ns_per_tick();
    level = exec_directive_lock();
    /* Against the tick count, not the uptime: the time of day stays aligned to
     * ticks, so wake_when and fire_when deadlines fall on ticks. */
    realtime_offset_ns = ns - exec_ticks_since_boot * exec_clock_ns_per_tick();
    tod_set = true;
    exec_watchdog_expire(&exec_watchdog_realtime, exec_clock_realtime_ns());
    exec_dispatch();
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_clock_get_tod(rtems_time_of_day *time_of_day)
{
    uint64_t ns;

    if (time_of_day == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (!tod_set) {
        return RTEMS_NOT_DEFINED;
    }
    ns = exec_clock_realtime_ns();
    exec_seconds_to_tod(ns / EXEC_NS_PER_S, time_of_day);
    time_of_day->ticks = (uint32_t)(ns % EXEC_NS_PER_S) / exec_clock_ns_per_tick();
    return RTEMS_SUCCESSFUL;
}

static void ns_to_timeval(uint64_t ns, struct timeval *tv)
{
    tv->tv_sec = (time_t)(ns / EXEC_NS_PER_S);
    tv->tv_usec = (suseconds_t)(ns % EXEC_NS_PER_S / 1000u);
}

static void ns_to_timespec(uint64_t ns, struct timespec *ts)
{
    ts->tv_sec = (time_t)(ns / EXEC_NS_PER_S);
    ts->tv_nsec = (long)(ns % EXEC_NS_PER_S);
}

rtems_status_code rtems_clock_get_tod_timeval(struct timeval *time_of_day)
{
    if (time_of_day == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (!tod_set) {
        return RTEMS_NOT_DEFINED;
    }
    ns_to_timeval(exec_clock_realtime_ns(), time_of_day);
    return RTEMS_SUCCESSFUL;
}

rtems_status_code rtems_clock_get_seconds_since_epoch(rtems_interval *the_interval)
{
    if (the_interval == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (!tod_set) {
        return RTEMS_NOT_DEFINED;
    }
    *the_interval =
        (rtems_interval)(exec_clock_realtime_ns() / EXEC_NS_PER_S - EXEC_SECONDS_1970_TO_1988);
    return RTEMS_SUCCESSFUL;
}

rtems_interval rtems_clock_get_ticks_per_second(void)
{
    return 1000000u / exec_config.microseconds_per_tick;
}

rtems_interval rtems_clock_get_ticks_since_boot(void)
{
    return (rtems_interval)exec_ticks_since_boot;
}

rtems_status_code rtems_clock_get_uptime(struct timespec *uptime)
{
    if (uptime == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    ns_to_timespec(exec_clock_uptime_ns(), uptime);
    return RTEMS_SUCCESSFUL;
}

void rtems_clock_get_uptime_timeval(struct timeval *uptime)
{
    ns_to_timeval(exec_clock_uptime_ns(), uptime);
}

time_t rtems_clock_get_uptime_seconds(void)
{
    return (time_t)(exec_clock_uptime_ns() / EXEC_NS_PER_S);
}

uint64_t rtems_clock_get_uptime_nanoseconds(void)
{
    return exec_clock_uptime_ns();
}

void rtems_clock_get_realtime(struct timespec *time_snapshot)
{
    ns_to_timespec(exec_clock_realtime_ns(), time_snapshot);
}

void rtems_clock_get_realtime_timeval(struct timeval *time_snapshot)
{
    ns_to_timeval(exec_clock_realtime_ns(), time_snapshot);
}

void rtems_clock_get_monotonic(struct timespec *time_snapshot)
{
    ns_to_timespec(exec_clock_uptime_ns(), time_snapshot);
}

void rtems_clock_get_monotonic_timeval(struct timeval *time_snapshot)
{
    ns_to_timeval(exec_clock_uptime_ns(), time_snapshot);
}
