/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Clock manager and the tick's work: timeslicing and the watchdogs. The time
 * base it reads and advances is timebase.c.
 */
#include <rtems.h>

#include "clock_impl.h"
#include "directive.h"
#include "dispatch.h"
#include "scheduler.h"
#include "thread.h"
#include "watchdog.h"

#include <port.h>

/* run: the executing thread ran during the tick's period, so the tick is
 * part of its timeslice. */
static void tick(bool run)
{
    struct exec_thread *executing = exec_executing;

    exec_clock_count_tick();
    if (run && executing != &exec_idle_thread) {
        exec_sched_timeslice(executing, exec_config.ticks_per_timeslice);
    }
    exec_watchdog_expire(&exec_watchdog_ticks, exec_ticks_since_boot);
    exec_watchdog_expire(&exec_watchdog_realtime, exec_clock_realtime_ns());
}

void exec_tick_isr(void)
{
    port_isr_level level = port_interrupt_disable();

    tick(true);
    port_interrupt_restore(level);
}

void exec_missed_tick_isr(void)
{
    port_isr_level level = port_interrupt_disable();

    tick(false);
    port_interrupt_restore(level);
}

rtems_status_code rtems_clock_tick(void)
{
    port_isr_level level = exec_directive_lock();

    exec_dispatch_disable_level++;
    tick(true);
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
    exec_clock_set_realtime(ns);
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
    if (!exec_tod_is_set()) {
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
    if (!exec_tod_is_set()) {
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
    if (!exec_tod_is_set()) {
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
