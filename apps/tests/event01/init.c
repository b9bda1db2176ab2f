/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Event manager: ANY/ALL conditions, NO_WAIT, timeouts, pending events,
 * events sent before the receive, transient (system) events kept apart.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

static rtems_id init_id;

static void show(const char *what, rtems_status_code status)
{
    printf("%s: %s\n", what, rtems_status_text(status));
}

/* The set is read through a pointer: only after the directive returned. */
static void show_set(const char *what, rtems_status_code status, const rtems_event_set *set)
{
    printf("%s: %s, events 0x%08" PRIx32 "\n", what, rtems_status_text(status), *set);
}

static rtems_task sender(rtems_task_argument arg)
{
    (void)arg;
    show("sender sends 1", rtems_event_send(init_id, RTEMS_EVENT_1));
    show("sender sends 3", rtems_event_send(init_id, RTEMS_EVENT_3));
    show("sender sends transient", rtems_event_transient_send(init_id));
    (void)rtems_task_wake_after(3);
    show("sender sends 5", rtems_event_send(init_id, RTEMS_EVENT_5));
    rtems_task_exit();
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_event_set out = 0;
    rtems_id id;
    rtems_mode mode;

    (void)arg;
    printf("*** BEGIN OF EVENT01 ***\n");
    init_id = rtems_task_self();
    (void)rtems_task_mode(RTEMS_PREEMPT, RTEMS_PREEMPT_MASK, &mode);

    show("send bad id", rtems_event_send(0x0a010077, RTEMS_EVENT_0));
    show("receive NULL", rtems_event_receive(RTEMS_EVENT_0, RTEMS_NO_WAIT, 0, NULL));
    show("send self 0|2", rtems_event_send(RTEMS_SELF, RTEMS_EVENT_0 | RTEMS_EVENT_2));
    show_set("pending", rtems_event_receive(RTEMS_PENDING_EVENTS, 0, 0, &out), &out);
    show_set("receive ALL 0|1 no wait",
             rtems_event_receive(RTEMS_EVENT_0 | RTEMS_EVENT_1, RTEMS_EVENT_ALL | RTEMS_NO_WAIT, 0,
                                 &out),
             &out);
    show_set("receive ANY 0|1 no wait",
             rtems_event_receive(RTEMS_EVENT_0 | RTEMS_EVENT_1, RTEMS_EVENT_ANY | RTEMS_NO_WAIT, 0,
                                 &out),
             &out);
    show_set("pending", rtems_event_receive(RTEMS_PENDING_EVENTS, 0, 0, &out), &out);
    out = 0;
    show_set("receive 4 timeout 7", rtems_event_receive(RTEMS_EVENT_4, RTEMS_WAIT, 7, &out), &out);
    printf("ticks %" PRIu32 "\n", rtems_clock_get_ticks_since_boot());

    (void)rtems_task_create(rtems_build_name('S', 'N', 'D', ' '), 5, 0, 0, 0, &id);
    (void)rtems_task_start(id, sender, 0);
    show_set("receive ALL 1|3|5",
             rtems_event_receive(RTEMS_EVENT_1 | RTEMS_EVENT_3 | RTEMS_EVENT_5, RTEMS_EVENT_ALL,
                                 RTEMS_NO_TIMEOUT, &out),
             &out);
    printf("ticks %" PRIu32 "\n", rtems_clock_get_ticks_since_boot());
    show_set("pending", rtems_event_receive(RTEMS_PENDING_EVENTS, 0, 0, &out), &out);
    show("transient receive", rtems_event_transient_receive(RTEMS_NO_WAIT, 0));
    show("transient receive again", rtems_event_transient_receive(RTEMS_NO_WAIT, 0));
    show("transient timeout", rtems_event_transient_receive(RTEMS_WAIT, 2));
    show("transient send self", rtems_event_transient_send(RTEMS_SELF));
    rtems_event_transient_clear();
    show("transient after clear", rtems_event_transient_receive(RTEMS_NO_WAIT, 0));
    printf("*** END OF EVENT01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MAXIMUM_TASKS      2
#define CONFIGURE_INIT_TASK_PRIORITY 10
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
