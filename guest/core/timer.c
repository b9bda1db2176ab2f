/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Timer manager. Interval timers count ticks, time-of-day timers wait on the
 * realtime clock. Plain timers run their routine in the tick's interrupt
 * context; "server" timers are queued to the timer server task, which runs
 * the routines in task context.
 */
#include <rtems.h>

#include "chain.h"
#include "clock_impl.h"
#include "directive.h"
#include "dispatch.h"
#include "objects.h"
#include "task.h"
#include "thread.h"
#include "watchdog.h"

#include <port.h>

static struct exec_chain server_queue;
static rtems_id server_id;

static struct exec_timer *timer_lock(rtems_id id, port_isr_level *level)
{
    return EXEC_OBJECT_LOCK(struct exec_timer, &exec_timers_info, id, level);
}

static void stop(struct exec_timer *timer)
{
    exec_watchdog_remove(&timer->watchdog);
    if (timer->server_pending) {
        exec_node_extract(&timer->server_node);
        timer->server_pending = false;
    }
}

static void fire(struct exec_watchdog *w)
{
    struct exec_timer *timer = EXEC_CONTAINER_OF(w, struct exec_timer, watchdog);

    timer->stop_time = (rtems_interval)exec_ticks_since_boot;
    if (timer->the_class & TIMER_CLASS_BIT_ON_TASK) {
        if (!timer->server_pending) {
            timer->server_pending = true;
            exec_chain_append(&server_queue, &timer->server_node);
            (void)rtems_event_system_send(server_id, RTEMS_EVENT_SYSTEM_SERVER);
        }
        return;
    }
    timer->routine(timer->object.id, timer->user_data);
}

rtems_status_code rtems_timer_create(rtems_name name, rtems_id *id)
{
    struct exec_timer *timer;
    port_isr_level level;

    if (name == 0) {
        return RTEMS_INVALID_NAME;
    }
    if (id == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    timer = EXEC_OBJECT_ALLOCATE_LOCK(struct exec_timer, &exec_timers_info, name, &level);
    if (timer == NULL) {
        return RTEMS_TOO_MANY;
    }
    timer->the_class = TIMER_DORMANT;
    exec_watchdog_init(&timer->watchdog, fire);
    timer->routine = NULL;
    timer->user_data = NULL;
    timer->initial = 0;
    timer->start_time = 0;
    timer->stop_time = 0;
    timer->server_pending = false;
    *id = timer->object.id;
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_timer_ident(rtems_name name, rtems_id *id)
{
    port_isr_level level = exec_directive_lock();
    rtems_status_code status =
        exec_object_ident(&exec_timers_info, name, RTEMS_SEARCH_ALL_NODES, id);

    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_timer_cancel(rtems_id id)
{
    struct exec_timer *timer;
    port_isr_level level;

    timer = timer_lock(id, &level);
    if (timer == NULL) {
        return RTEMS_INVALID_ID;
    }
    stop(timer);
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_timer_delete(rtems_id id)
{
    struct exec_timer *timer;
    port_isr_level level;

    timer = timer_lock(id, &level);
    if (timer == NULL) {
        return RTEMS_INVALID_ID;
    }
    stop(timer);
    exec_object_free(&exec_timers_info, &timer->object);
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

static rtems_status_code fire_after(rtems_id id, rtems_interval ticks,
                                    rtems_timer_service_routine_entry routine, void *user_data,
                                    Timer_Classes the_class)
{
    struct exec_timer *timer;
    port_isr_level level;

    if (ticks == 0) {
        return RTEMS_INVALID_NUMBER;
    }
    if (routine == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    timer = timer_lock(id, &level);
    if (timer == NULL) {
        return RTEMS_INVALID_ID;
    }
    stop(timer);
    timer->the_class = the_class;
    timer->routine = routine;
    timer->user_data = user_data;
    timer->initial = ticks;
    timer->start_time = (rtems_interval)exec_ticks_since_boot;
    exec_watchdog_insert(&exec_watchdog_ticks, &timer->watchdog, exec_ticks_since_boot + ticks);
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

static rtems_status_code fire_when(rtems_id id, const rtems_time_of_day *wall_time,
                                   rtems_timer_service_routine_entry routine, void *user_data,
                                   Timer_Classes the_class)
{
    struct exec_timer *timer;
    rtems_status_code status;
    uint64_t seconds;
    port_isr_level level;

    if (!exec_tod_is_set()) {
        return RTEMS_NOT_DEFINED;
    }
    if (routine == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    /* Unlike wake_when, the ticks member is checked (RTEMS 6 does too). */
    status = exec_tod_validate(wall_time, rtems_clock_get_ticks_per_second());
    if (status != RTEMS_SUCCESSFUL) {
        return status;
    }
    seconds = exec_tod_to_seconds(wall_time);
    level = exec_directive_lock();
    timer = (struct exec_timer *)(void *)exec_object_get(&exec_timers_info, id);
    if (seconds <= exec_clock_realtime_ns() / EXEC_NS_PER_S) {
        status = RTEMS_INVALID_CLOCK;
    } else if (timer == NULL) {
        status = RTEMS_INVALID_ID;
    } else {
        stop(timer);
        timer->the_class = the_class;
        timer->routine = routine;
        timer->user_data = user_data;
        timer->initial = (rtems_interval)(seconds - EXEC_SECONDS_1970_TO_1988);
        timer->start_time = (rtems_interval)exec_ticks_since_boot;
        exec_watchdog_insert(&exec_watchdog_realtime, &timer->watchdog, seconds * EXEC_NS_PER_S);
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_timer_fire_after(rtems_id id, rtems_interval ticks,
                                         rtems_timer_service_routine_entry routine, void *user_data)
{
    return fire_after(id, ticks, routine, user_data, TIMER_INTERVAL);
}

rtems_status_code rtems_timer_fire_when(rtems_id id, const rtems_time_of_day *wall_time,
                                        rtems_timer_service_routine_entry routine, void *user_data)
{
    return fire_when(id, wall_time, routine, user_data, TIMER_TIME_OF_DAY);
}

rtems_status_code rtems_timer_server_fire_after(rtems_id id, rtems_interval ticks,
                                                rtems_timer_service_routine_entry routine,
                                                void *user_data)
{
    if (server_id == RTEMS_ID_NONE) {
        return RTEMS_INCORRECT_STATE;
    }
    return fire_after(id, ticks, routine, user_data, TIMER_INTERVAL_ON_TASK);
}

rtems_status_code rtems_timer_server_fire_when(rtems_id id, const rtems_time_of_day *wall_time,
                                               rtems_timer_service_routine_entry routine,
                                               void *user_data)
{
    if (server_id == RTEMS_ID_NONE) {
        return RTEMS_INCORRECT_STATE;
    }
    return fire_when(id, wall_time, routine, user_data, TIMER_TIME_OF_DAY_ON_TASK);
}

rtems_status_code rtems_timer_reset(rtems_id id)
{
    struct exec_timer *timer;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    timer = timer_lock(id, &level);
    if (timer == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (timer->the_class != TIMER_INTERVAL && timer->the_class != TIMER_INTERVAL_ON_TASK) {
        status = RTEMS_NOT_DEFINED;
    } else {
        stop(timer);
        timer->start_time = (rtems_interval)exec_ticks_since_boot;
        exec_watchdog_insert(&exec_watchdog_ticks, &timer->watchdog,
                             exec_ticks_since_boot + timer->initial);
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_timer_get_information(rtems_id id, rtems_timer_information *the_info)
{
    struct exec_timer *timer;
    port_isr_level level;

    if (the_info == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    timer = timer_lock(id, &level);
    if (timer == NULL) {
        return RTEMS_INVALID_ID;
    }
    the_info->the_class = timer->the_class;
    the_info->initial = timer->initial;
    the_info->start_time = timer->start_time;
    the_info->stop_time = timer->stop_time;
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

static rtems_task server_body(rtems_task_argument arg)
{
    (void)arg;
    for (;;) {
        rtems_event_set events;

        (void)rtems_event_system_receive(RTEMS_EVENT_SYSTEM_SERVER, RTEMS_EVENT_ALL | RTEMS_WAIT,
                                         RTEMS_NO_TIMEOUT, &events);
        for (;;) {
            struct exec_timer *timer;
            rtems_timer_service_routine_entry routine;
            void *user_data;
            rtems_id id;
            port_isr_level level = port_interrupt_disable();
            struct exec_node *n = exec_chain_get(&server_queue);

            if (n == NULL) {
                port_interrupt_restore(level);
                break;
            }
            timer = EXEC_CONTAINER_OF(n, struct exec_timer, server_node);
            timer->server_pending = false;
            routine = timer->routine;
            user_data = timer->user_data;
            id = timer->object.id;
            port_interrupt_restore(level);
            routine(id, user_data);
        }
    }
}

rtems_status_code rtems_timer_initiate_server(rtems_task_priority priority, size_t stack_size,
                                              rtems_attribute attribute_set)
{
    rtems_status_code status;
    rtems_id id;

    if (priority == RTEMS_TIMER_SERVER_DEFAULT_PRIORITY) {
        priority = 0;
    } else if (priority < RTEMS_MINIMUM_PRIORITY || priority > exec_config.maximum_priority) {
        return RTEMS_INVALID_PRIORITY;
    }
    if (server_id != RTEMS_ID_NONE) {
        return RTEMS_INCORRECT_STATE;
    }
    exec_chain_init(&server_queue);
    status = rtems_task_create(rtems_build_name('T', 'I', 'M', 'E'), priority, stack_size,
                               RTEMS_NO_PREEMPT, attribute_set | RTEMS_SYSTEM_TASK, &id);
    if (status != RTEMS_SUCCESSFUL) {
        return status;
    }
    server_id = id;
    status = rtems_task_start(id, server_body, 0);
    if (status != RTEMS_SUCCESSFUL) {
        (void)rtems_task_delete(id);
        server_id = RTEMS_ID_NONE;
    }
    return status;
}
