/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Signal manager: an ASR runs in its own mode when its task next runs,
 * signals collect while ASRs are disabled, an ASR that runs before a blocked
 * directive returns does not disturb the directive's result, and every
 * error status.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

static rtems_id init_id, worker;

static void show(const char *what, rtems_status_code status)
{
    printf("%s: %s\n", what, rtems_status_text(status));
}

static const char *name_of_self(void)
{
    return rtems_task_self() == init_id ? "Init" : "worker";
}

static rtems_asr handler(rtems_signal_set signals)
{
    rtems_mode mode;
    rtems_event_set events;

    (void)rtems_task_mode(RTEMS_CURRENT_MODE, RTEMS_CURRENT_MODE, &mode);
    printf("ASR of %s: signals 0x%08" PRIx32 ", %s, %s\n", name_of_self(), signals,
           (mode & RTEMS_ASR_MASK) == RTEMS_NO_ASR ? "no ASR" : "ASR",
           (mode & RTEMS_PREEMPT_MASK) == RTEMS_NO_PREEMPT ? "no preempt" : "preempt");
    /* A directive that fails inside the ASR must not leak into the task. */
    (void)rtems_event_receive(RTEMS_EVENT_5, RTEMS_NO_WAIT, 0, &events);
}

static rtems_task worker_task(rtems_task_argument arg)
{
    rtems_event_set events = 0;
    rtems_status_code sc;

    (void)arg;
    show("worker catch", rtems_signal_catch(handler, RTEMS_NO_ASR | RTEMS_PREEMPT));
    printf("worker waits for an event\n");
    sc = rtems_event_receive(RTEMS_EVENT_1, RTEMS_WAIT, RTEMS_NO_TIMEOUT, &events);
    printf("worker event receive: %s, events 0x%08" PRIx32 "\n", rtems_status_text(sc), events);
    rtems_task_exit();
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_mode mode;

    (void)arg;
    printf("*** BEGIN OF SIGNAL01 ***\n");
    init_id = rtems_task_self();
    show("send empty set", rtems_signal_send(RTEMS_SELF, 0));
    show("send bad id", rtems_signal_send(0x0a010009, RTEMS_SIGNAL_0));
    show("send without ASR", rtems_signal_send(RTEMS_SELF, RTEMS_SIGNAL_0));

    show("catch", rtems_signal_catch(handler, RTEMS_NO_ASR | RTEMS_NO_PREEMPT));
    show("send to self", rtems_signal_send(RTEMS_SELF, RTEMS_SIGNAL_0 | RTEMS_SIGNAL_31));

    show("disable ASR", rtems_task_mode(RTEMS_NO_ASR, RTEMS_ASR_MASK, &mode));
    show("send 1 while disabled", rtems_signal_send(RTEMS_SELF, RTEMS_SIGNAL_1));
    show("send 2 while disabled", rtems_signal_send(RTEMS_SELF, RTEMS_SIGNAL_2));
    printf("nothing delivered yet\n");
    show("enable ASR", rtems_task_mode(RTEMS_ASR, RTEMS_ASR_MASK, &mode));
    printf("previous mode had %s\n", (mode & RTEMS_ASR_MASK) == RTEMS_NO_ASR ? "no ASR" : "ASR");

    /* A higher-priority worker blocked in a directive. */
    (void)rtems_task_create(NAME('W', 'O', 'R', 'K'), 5, 0, RTEMS_DEFAULT_MODES, 0, &worker);
    (void)rtems_task_start(worker, worker_task, 0);
    show("send to blocked worker", rtems_signal_send(worker, RTEMS_SIGNAL_7));
    printf("worker still blocked\n");
    show("send event", rtems_event_send(worker, RTEMS_EVENT_1));

    show("catch NULL", rtems_signal_catch(NULL, RTEMS_DEFAULT_MODES));
    show("send after catch NULL", rtems_signal_send(RTEMS_SELF, RTEMS_SIGNAL_3));

    /* Signals pending when the ASR is removed are lost with it. */
    show("disable ASR again", rtems_task_mode(RTEMS_NO_ASR, RTEMS_ASR_MASK, &mode));
    show("catch again", rtems_signal_catch(handler, RTEMS_NO_ASR | RTEMS_NO_PREEMPT));
    show("send 4 while disabled", rtems_signal_send(RTEMS_SELF, RTEMS_SIGNAL_4));
    show("catch NULL with 4 pending", rtems_signal_catch(NULL, RTEMS_DEFAULT_MODES));
    show("catch once more", rtems_signal_catch(handler, RTEMS_NO_ASR | RTEMS_NO_PREEMPT));
    show("enable ASR again", rtems_task_mode(RTEMS_ASR, RTEMS_ASR_MASK, &mode));
    printf("signal 4 went with the removed ASR\n");
    show("send 5", rtems_signal_send(RTEMS_SELF, RTEMS_SIGNAL_5));
    show("send to deleted task", rtems_signal_send(worker, RTEMS_SIGNAL_3));
    printf("*** END OF SIGNAL01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_DOES_NOT_NEED_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MAXIMUM_TASKS           2
#define CONFIGURE_INIT_TASK_PRIORITY      10
#define CONFIGURE_INIT_TASK_INITIAL_MODES RTEMS_PREEMPT
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
