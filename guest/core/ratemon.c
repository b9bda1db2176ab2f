/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Rate monotonic manager. A period belongs to the task that created it. Its
 * watchdog marks each deadline: if the owner is waiting in
 * rtems_rate_monotonic_period() the next period starts and the owner runs;
 * otherwise the deadline is missed, the period expires and one more job is
 * postponed (the next deadline is armed right away, so periods never drift).
 * A late owner then gets RTEMS_TIMEOUT without blocking, once per postponed
 * job, as in RTEMS.
 */
#include <rtems.h>

#include "chain.h"
#include "clock_impl.h"
#include "directive.h"
#include "dispatch.h"
#include "objects.h"
#include "thread.h"
#include "watchdog.h"

#include <port.h>

static struct exec_period *period_lock(rtems_id id, port_isr_level *level)
{
    return EXEC_OBJECT_LOCK(struct exec_period, &exec_periods_info, id, level);
}

static void reset_statistics(struct exec_period *p)
{
    p->count = 0;
    p->missed_count = 0;
    p->min_cpu = UINT64_MAX;
    p->max_cpu = 0;
    p->total_cpu = 0;
    p->min_wall = UINT64_MAX;
    p->max_wall = 0;
    p->total_wall = 0;
}

/* A new period begins now for the owner; its deadline is next_length away. */
static void release_job(struct exec_period *p)
{
    p->initiated_ns = exec_clock_uptime_ns();
    p->cpu_initiated_ns = exec_thread_cpu_time_used(p->owner);
    exec_watchdog_insert(&exec_watchdog_ticks, &p->timer, exec_ticks_since_boot + p->next_length);
}

static void since_initiated(const struct exec_period *p, uint64_t *wall, uint64_t *cpu)
{
    uint64_t now = exec_clock_uptime_ns();
    uint64_t used = exec_thread_cpu_time_used(p->owner);

    *wall = now > p->initiated_ns ? now - p->initiated_ns : 0;
    *cpu = used > p->cpu_initiated_ns ? used - p->cpu_initiated_ns : 0;
}

static void update_statistics(struct exec_period *p)
{
    uint64_t wall, cpu;

    p->count++;
    if (p->state == RATE_MONOTONIC_EXPIRED) {
        p->missed_count++;
    }
    since_initiated(p, &wall, &cpu);
    p->total_cpu += cpu;
    p->min_cpu = cpu < p->min_cpu ? cpu : p->min_cpu;
    p->max_cpu = cpu > p->max_cpu ? cpu : p->max_cpu;
    p->total_wall += wall;
    p->min_wall = wall < p->min_wall ? wall : p->min_wall;
    p->max_wall = wall > p->max_wall ? wall : p->max_wall;
}

static bool owner_waits_for(const struct exec_period *p)
{
    return (p->owner->state & EXEC_STATE_PERIOD) != 0 && p->owner->wait.buffer == p;
}

static void period_timeout(struct exec_watchdog *w)
{
    struct exec_period *p = EXEC_CONTAINER_OF(w, struct exec_period, timer);

    if (owner_waits_for(p)) {
        p->owner->wait.buffer = NULL;
        release_job(p);
        exec_thread_unblock(p->owner, RTEMS_SUCCESSFUL);
        return;
    }
    if (p->postponed_jobs != UINT32_MAX) {
        p->postponed_jobs++;
    }
    p->state = RATE_MONOTONIC_EXPIRED;
    exec_watchdog_insert(&exec_watchdog_ticks, &p->timer, exec_ticks_since_boot + p->next_length);
}

static void cancel(struct exec_period *p)
{
    exec_watchdog_remove(&p->timer);
    p->postponed_jobs = 0;
    p->state = RATE_MONOTONIC_INACTIVE;
}

rtems_status_code rtems_rate_monotonic_create(rtems_name name, rtems_id *id)
{
    struct exec_period *p;
    port_isr_level level;

    if (name == 0) {
        return RTEMS_INVALID_NAME;
    }
    if (id == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    p = EXEC_OBJECT_ALLOCATE_LOCK(struct exec_period, &exec_periods_info, name, &level);
    if (p == NULL) {
        return RTEMS_TOO_MANY;
    }
    p->owner = exec_executing;
    p->state = RATE_MONOTONIC_INACTIVE;
    p->postponed_jobs = 0;
    p->next_length = 0;
    exec_watchdog_init(&p->timer, period_timeout);
    reset_statistics(p);
    *id = p->object.id;
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_rate_monotonic_ident(rtems_name name, rtems_id *id)
{
    port_isr_level level = exec_directive_lock();
    rtems_status_code status =
        exec_object_ident(&exec_periods_info, name, RTEMS_SEARCH_LOCAL_NODE, id);

    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_rate_monotonic_cancel(rtems_id id)
{
    struct exec_period *p;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    p = period_lock(id, &level);
    if (p == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (p->owner != exec_executing) {
        status = RTEMS_NOT_OWNER_OF_RESOURCE;
    } else {
        cancel(p);
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_rate_monotonic_delete(rtems_id id)
{
    struct exec_period *p;
    port_isr_level level;

    p = period_lock(id, &level);
    if (p == NULL) {
        return RTEMS_INVALID_ID;
    }
    cancel(p);
    exec_object_free(&exec_periods_info, &p->object);
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

static rtems_status_code status_of_state(rtems_rate_monotonic_period_states state)
{
    switch (state) {
    case RATE_MONOTONIC_INACTIVE:
        return RTEMS_NOT_DEFINED;
    case RATE_MONOTONIC_EXPIRED:
        return RTEMS_TIMEOUT;
    default:
        return RTEMS_SUCCESSFUL;
    }
}

/* The owner finished a job late (or an earlier one was postponed). */
static rtems_status_code release_postponed(struct exec_period *p, rtems_interval length)
{
    p->state = RATE_MONOTONIC_EXPIRED;
    update_statistics(p);
    p->state = RATE_MONOTONIC_ACTIVE;
    p->next_length = length;
    if (p->postponed_jobs > 0) {
        p->postponed_jobs--;
    }
    /*
     * The deadline of the postponed job is armed already and, as in RTEMS,
     * the statistics keep counting from the last release on time.
     */
    return RTEMS_TIMEOUT;
}

rtems_status_code rtems_rate_monotonic_period(rtems_id id, rtems_interval length)
{
    struct exec_period *p;
    struct exec_thread *executing;
    rtems_status_code status = RTEMS_SUCCESSFUL;
    rtems_id missed = 0;
    port_isr_level level;

    p = period_lock(id, &level);
    if (p == NULL) {
        return RTEMS_INVALID_ID;
    }
    executing = exec_executing;
    if (p->owner != executing) {
        status = RTEMS_NOT_OWNER_OF_RESOURCE;
    } else if (length == RTEMS_PERIOD_STATUS) {
        status = status_of_state(p->state);
    } else if (p->state == RATE_MONOTONIC_INACTIVE) {
        p->state = RATE_MONOTONIC_ACTIVE;
        p->next_length = length;
        release_job(p);
    } else if (p->state == RATE_MONOTONIC_EXPIRED || p->postponed_jobs > 0) {
        status = release_postponed(p, length);
        missed = p->object.id;
    } else {
        update_statistics(p);
        p->next_length = length;
        exec_thread_block(executing, NULL, EXEC_STATE_PERIOD, 0);
        executing->wait.buffer = p;
        exec_dispatch();
        status = executing->wait.status;
    }
    status = exec_directive_unlock(level, status);
    if (missed != 0) {
        /* pv: reported to the health monitor, one hypercall per miss. */
        port_error_report(PORT_ERROR_DEADLINE_MISSED, missed);
    }
    return status;
}

static void to_timespec(uint64_t ns, struct timespec *ts)
{
    ts->tv_sec = (time_t)(ns / EXEC_NS_PER_S);
    ts->tv_nsec = (long)(ns % EXEC_NS_PER_S);
}

rtems_status_code rtems_rate_monotonic_get_status(rtems_id id,
                                                  rtems_rate_monotonic_period_status *status)
{
    struct exec_period *p;
    port_isr_level level;

    if (status == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    p = period_lock(id, &level);
    if (p == NULL) {
        return RTEMS_INVALID_ID;
    }
    status->owner = p->owner->object.id;
    status->state = p->state;
    status->postponed_jobs_count = p->postponed_jobs;
    if (p->state == RATE_MONOTONIC_INACTIVE) {
        to_timespec(0, &status->since_last_period);
        to_timespec(0, &status->executed_since_last_period);
    } else {
        uint64_t wall, cpu;

        since_initiated(p, &wall, &cpu);
        to_timespec(wall, &status->since_last_period);
        to_timespec(cpu, &status->executed_since_last_period);
    }
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

/* A minimum that was never set reads as 0, not as a huge time. */
static uint64_t minimum(uint64_t value)
{
    return value == UINT64_MAX ? 0 : value;
}

rtems_status_code rtems_rate_monotonic_get_statistics(rtems_id id,
                                                      rtems_rate_monotonic_period_statistics *stats)
{
    struct exec_period *p;
    port_isr_level level;

    if (stats == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    p = period_lock(id, &level);
    if (p == NULL) {
        return RTEMS_INVALID_ID;
    }
    stats->count = p->count;
    stats->missed_count = p->missed_count;
    to_timespec(minimum(p->min_cpu), &stats->min_cpu_time);
    to_timespec(p->max_cpu, &stats->max_cpu_time);
    to_timespec(p->total_cpu, &stats->total_cpu_time);
    to_timespec(minimum(p->min_wall), &stats->min_wall_time);
    to_timespec(p->max_wall, &stats->max_wall_time);
    to_timespec(p->total_wall, &stats->total_wall_time);
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_rate_monotonic_reset_statistics(rtems_id id)
{
    struct exec_period *p;
    port_isr_level level;

    p = period_lock(id, &level);
    if (p == NULL) {
        return RTEMS_INVALID_ID;
    }
    reset_statistics(p);
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

void rtems_rate_monotonic_reset_all_statistics(void)
{
    for (uint32_t index = 1; index <= exec_periods_info.maximum; index++) {
        (void)rtems_rate_monotonic_reset_statistics(
            exec_object_build_id(OBJECTS_CLASSIC_API, OBJECTS_RTEMS_PERIODS, index));
    }
}
