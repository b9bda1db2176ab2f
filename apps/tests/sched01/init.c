/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Scheduling: FIFO among equal priorities, yield, timeslicing (the tasks
 * announce the ticks themselves with rtems_clock_tick, as a clock interrupt
 * handler would), non-preemptive mode, and interrupt level in the mode.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

static char trace[128];
static int trace_len;
static volatile int finished;

static void mark(char c)
{
    if (trace_len < (int)sizeof(trace) - 1) {
        trace[trace_len++] = c;
    }
}

static rtems_task yielder(rtems_task_argument arg)
{
    for (int i = 0; i < 3; i++) {
        mark((char)arg);
        (void)rtems_task_wake_after(RTEMS_YIELD_PROCESSOR);
    }
    finished++;
    rtems_task_exit();
}

/* Runs for 12 ticks, announcing each; the timeslice is 4 ticks. */
static rtems_task slicer(rtems_task_argument arg)
{
    for (int i = 0; i < 12; i++) {
        mark((char)arg);
        (void)rtems_clock_tick();
    }
    finished++;
    rtems_task_exit();
}

static void run(const char *what, rtems_task_entry entry, rtems_mode modes, char first)
{
    rtems_id id;

    trace_len = 0;
    finished = 0;
    for (int i = 0; i < 3; i++) {
        (void)rtems_task_create(NAME('T', 'S', 'K', (char)('A' + i)), 5, 0, modes, 0, &id);
        (void)rtems_task_start(id, entry, (rtems_task_argument)(first + i));
    }
    while (finished < 3) {
        (void)rtems_task_wake_after(1);
    }
    trace[trace_len] = '\0';
    printf("%s: %s\n", what, trace);
}

static rtems_task preempter(rtems_task_argument arg)
{
    (void)arg;
    mark('P');
    rtems_task_exit();
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_mode mode;
    rtems_id id;
    rtems_interrupt_level level;

    (void)arg;
    printf("*** BEGIN OF SCHED01 ***\n");
    run("yield", yielder, RTEMS_DEFAULT_MODES, 'a');
    run("no timeslice", slicer, RTEMS_DEFAULT_MODES, 'a');
    run("timeslice", slicer, RTEMS_TIMESLICE, 'a');
    run("timeslice, no preempt", slicer, RTEMS_TIMESLICE | RTEMS_NO_PREEMPT, 'a');

    /* Init (priority 10, preemptible here) and a higher priority task. */
    (void)rtems_task_mode(RTEMS_PREEMPT, RTEMS_PREEMPT_MASK, &mode);
    trace_len = 0;
    (void)rtems_task_mode(RTEMS_NO_PREEMPT, RTEMS_PREEMPT_MASK, &mode);
    (void)rtems_task_create(NAME('P', 'R', 'E', ' '), 3, 0, 0, 0, &id);
    (void)rtems_task_start(id, preempter, 0);
    mark('i');
    (void)rtems_task_mode(RTEMS_PREEMPT, RTEMS_PREEMPT_MASK, &mode);
    mark('j');
    trace[trace_len] = '\0';
    printf("no preempt then preempt: %s\n", trace);

    (void)rtems_task_mode(RTEMS_INTERRUPT_LEVEL(1), RTEMS_INTERRUPT_MASK, &mode);
    (void)rtems_task_mode(RTEMS_CURRENT_MODE, RTEMS_CURRENT_MODE, &mode);
    printf("interrupt level in mode: %" PRIu32 "\n", mode & RTEMS_INTERRUPT_MASK);
    (void)rtems_task_mode(RTEMS_INTERRUPT_LEVEL(0), RTEMS_INTERRUPT_MASK, &mode);
    (void)rtems_task_mode(RTEMS_CURRENT_MODE, RTEMS_CURRENT_MODE, &mode);
    printf("interrupt level in mode: %" PRIu32 "\n", mode & RTEMS_INTERRUPT_MASK);
    rtems_interrupt_disable(level);
    rtems_interrupt_flash(level);
    printf("in ISR from a task: %s\n", rtems_interrupt_is_in_progress() ? "yes" : "no");
    rtems_interrupt_enable(level);
    printf("*** END OF SCHED01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_TICKS_PER_TIMESLICE 4
#define CONFIGURE_MAXIMUM_TASKS       4
#define CONFIGURE_INIT_TASK_PRIORITY  10
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
