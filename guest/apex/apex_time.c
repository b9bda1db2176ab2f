/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ARINC 653 time management: TIMED_WAIT, PERIODIC_WAIT, GET_TIME,
 * REPLENISH, and deadline monitoring.
 *
 * Process time is the executive's clock tick (CONFIGURE_MICROSECONDS_PER_
 * TICK): delays round up to whole ticks, deadlines are tick numbers. Each
 * process with a TIME_CAPACITY has a watchdog on the executive's tick list,
 * armed at its deadline; if it fires, the process missed it: the kernel's
 * health monitor hears DEADLINE_MISSED with the process's id as detail, and
 * the partition's table decides (propagate: the error handler sees it).
 */
#include <stddef.h>

#include "apex_impl.h"
#include "thread.h"

static uint64_t tick_ns(void)
{
    return (uint64_t)rtems_configuration_get_microseconds_per_tick() * 1000u;
}

uint64_t apex_ticks(SYSTEM_TIME_TYPE ns)
{
    uint64_t t = tick_ns();

    return ((uint64_t)ns + t - 1) / t;
}

/* The current tick has partly gone: one more makes the wait at least ns. */
uint64_t apex_timeout_ticks(SYSTEM_TIME_TYPE ns)
{
    return apex_ticks(ns) + 1;
}

SYSTEM_TIME_TYPE apex_ticks_to_ns(uint64_t ticks)
{
    return (SYSTEM_TIME_TYPE)(ticks * tick_ns());
}

uint64_t apex_now_ticks(void)
{
    rtems_interrupt_level level;
    uint64_t now;

    rtems_interrupt_local_disable(level);
    now = exec_ticks_since_boot;
    rtems_interrupt_local_enable(level);
    return now;
}

uint64_t apex_release_base(const struct apex_process *p)
{
    struct apex_schedule s;
    rtems_interrupt_level level;
    uint64_t now, wall, boundary;

    rtems_interrupt_local_disable(level);
    now = exec_ticks_since_boot;
    wall = pv_clock_ns();
    rtems_interrupt_local_enable(level);
    if (p->attr.PERIOD == INFINITE_TIME_VALUE) {
        return now;
    }
    apex_schedule_read(&s);
    if (s.period == 0 || wall <= s.period_start) {
        return now;
    }
    boundary = s.period_start + (wall - s.period_start + s.period - 1) / s.period * s.period;
    /* Ticks count from the tick timer's start, boundaries from the major
     * frame's: the boundary becomes a wait from now, rounded up as every
     * wait is, so the release is never before the boundary and less than
     * two ticks after it. */
    return now + apex_timeout_ticks((SYSTEM_TIME_TYPE)(boundary - wall));
}

void apex_sleep_until(struct apex_process *p, uint64_t tick)
{
    uint64_t now;

    p->blocked = true;
    while ((now = apex_now_ticks()) < tick) {
        (void)rtems_task_wake_after((rtems_interval)(tick - now));
    }
    p->blocked = false;
}

/* Tick context: the process did not finish its job in time. */
static void deadline_missed(struct exec_watchdog *w)
{
    struct apex_process *p =
        (struct apex_process *)((char *)w - offsetof(struct apex_process, deadline));

    p->deadline_tick = 0;
    (void)pv_hm_raise(PV_HM_DEADLINE_MISSED, (uint32_t)p->task);
}

void apex_deadline_init(struct apex_process *p)
{
    exec_watchdog_init(&p->deadline, deadline_missed);
}

static void arm_at(struct apex_process *p, uint64_t tick)
{
    rtems_interrupt_level level;

    rtems_interrupt_local_disable(level);
    p->deadline_tick = tick;
    exec_watchdog_insert(&exec_watchdog_ticks, &p->deadline, tick);
    rtems_interrupt_local_enable(level);
}

void apex_deadline_arm(struct apex_process *p, uint64_t from)
{
    if (p->attr.TIME_CAPACITY == INFINITE_TIME_VALUE) {
        apex_deadline_disarm(p);
    } else {
        arm_at(p, from + apex_ticks(p->attr.TIME_CAPACITY));
    }
}

void apex_deadline_disarm(struct apex_process *p)
{
    rtems_interrupt_level level;

    rtems_interrupt_local_disable(level);
    exec_watchdog_remove(&p->deadline);
    p->deadline_tick = 0;
    rtems_interrupt_local_enable(level);
}

void TIMED_WAIT(SYSTEM_TIME_TYPE DELAY_TIME, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_process *p = apex_process_self();

    if (!apex_may_block()) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    if (DELAY_TIME < 0) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    *RETURN_CODE = NO_ERROR;
    if (DELAY_TIME == 0) {
        (void)rtems_task_wake_after(RTEMS_YIELD_PROCESSOR);
    } else {
        apex_sleep_until(p, apex_now_ticks() + apex_timeout_ticks(DELAY_TIME));
    }
}

void PERIODIC_WAIT(RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_process *p = apex_process_self();

    if (!apex_may_block() || p->attr.PERIOD == INFINITE_TIME_VALUE) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    p->release += apex_ticks(p->attr.PERIOD);
    apex_deadline_arm(p, p->release);
    *RETURN_CODE = NO_ERROR;
    apex_sleep_until(p, p->release);
}

void GET_TIME(SYSTEM_TIME_TYPE *SYSTEM_TIME, RETURN_CODE_TYPE *RETURN_CODE)
{
    *SYSTEM_TIME = (SYSTEM_TIME_TYPE)rtems_clock_get_uptime_nanoseconds();
    *RETURN_CODE = NO_ERROR;
}

void REPLENISH(SYSTEM_TIME_TYPE BUDGET_TIME, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_process *p = apex_process_self();
    uint64_t deadline;

    if (p == NULL || apex_initialising()) {
        *RETURN_CODE = NO_ACTION;
        return;
    }
    if (BUDGET_TIME < INFINITE_TIME_VALUE) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    *RETURN_CODE = NO_ERROR;
    if (p->attr.TIME_CAPACITY == INFINITE_TIME_VALUE) {
        return; /* no deadline to move */
    }
    if (BUDGET_TIME == INFINITE_TIME_VALUE) {
        if (p->attr.PERIOD != INFINITE_TIME_VALUE) {
            *RETURN_CODE = INVALID_MODE;
        } else {
            apex_deadline_disarm(p);
        }
        return;
    }
    deadline = apex_now_ticks() + apex_ticks(BUDGET_TIME);
    /* A periodic process's deadline never passes its next release point. */
    if (p->attr.PERIOD != INFINITE_TIME_VALUE &&
        deadline > p->release + apex_ticks(p->attr.PERIOD)) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    arm_at(p, deadline);
}
