/* SPDX-License-Identifier: BSD-2-Clause */
/* Event manager: application events and system events (transient etc.). */
#include <rtems.h>

#include "directive.h"
#include "dispatch.h"
#include "task.h"
#include "thread.h"

#include <port.h>

/* The events of the wanted set that satisfy the condition, or 0. */
static rtems_event_set satisfied(rtems_event_set pending, rtems_event_set wanted,
                                 rtems_option option)
{
    rtems_event_set seized = pending & wanted;

    if (seized != 0 && ((option & RTEMS_EVENT_ANY) != 0 || seized == wanted)) {
        return seized;
    }
    return 0;
}

static rtems_status_code send(rtems_id id, rtems_event_set event_in, bool system)
{
    struct exec_thread *t;
    rtems_event_set *pending;
    port_isr_level level;

    t = exec_task_lock(id, &level);
    if (t == NULL) {
        return RTEMS_INVALID_ID;
    }
    pending = system ? &t->system_events_pending : &t->events_pending;
    *pending |= event_in;
    if ((t->state & EXEC_STATE_EVENT_WAIT) && t->wait.system_events == system) {
        rtems_event_set seized = satisfied(*pending, t->wait.events, t->wait.option);

        if (seized != 0) {
            *pending &= ~seized;
            t->wait.events = seized;
            exec_thread_unblock(t, RTEMS_SUCCESSFUL);
            exec_dispatch();
        }
    }
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

static rtems_status_code receive(rtems_event_set event_in, rtems_option option_set,
                                 rtems_interval ticks, rtems_event_set *event_out, bool system)
{
    struct exec_thread *t;
    rtems_event_set *pending;
    rtems_status_code status;
    port_isr_level level;

    if (event_out == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    level = exec_directive_lock();
    t = exec_executing;
    pending = system ? &t->system_events_pending : &t->events_pending;
    if (event_in == RTEMS_PENDING_EVENTS) {
        *event_out = *pending;
        status = RTEMS_SUCCESSFUL;
    } else {
        rtems_event_set seized = satisfied(*pending, event_in, option_set);

        if (seized != 0) {
            *pending &= ~seized;
            *event_out = seized;
            status = RTEMS_SUCCESSFUL;
        } else if (option_set & RTEMS_NO_WAIT) {
            *event_out = *pending & event_in;
            status = RTEMS_UNSATISFIED;
        } else {
            t->wait.events = event_in;
            t->wait.option = option_set;
            t->wait.system_events = system;
            exec_thread_block(t, NULL, EXEC_STATE_EVENT_WAIT, ticks);
            exec_dispatch();
            status = t->wait.status;
            if (status == RTEMS_SUCCESSFUL) {
                *event_out = t->wait.events;
            }
        }
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_event_send(rtems_id id, rtems_event_set event_in)
{
    return send(id, event_in, false);
}

rtems_status_code rtems_event_receive(rtems_event_set event_in, rtems_option option_set,
                                      rtems_interval ticks, rtems_event_set *event_out)
{
    return receive(event_in, option_set, ticks, event_out, false);
}

rtems_status_code rtems_event_system_send(rtems_id id, rtems_event_set event_in)
{
    return send(id, event_in, true);
}

rtems_status_code rtems_event_system_receive(rtems_event_set event_in, rtems_option option_set,
                                             rtems_interval ticks, rtems_event_set *event_out)
{
    return receive(event_in, option_set, ticks, event_out, true);
}
