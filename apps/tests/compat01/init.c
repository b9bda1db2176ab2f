/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RTEMS 6 behaviours that RTEMS's own sp03, sp06 and sp11 depend on, and
 * whose .scn files show an older RTEMS (docs/compatibility.md):
 *
 * 1. A tick timeout and a time-of-day timeout that expire at the same tick:
 *    the tick one is processed first, so its task is ahead in the FIFO of
 *    their common priority (sp03).
 * 2. A task that restarts itself goes to the tail of its priority: another
 *    ready task of that priority runs before the restarted one (sp06).
 * 3. rtems_timer_fire_when fires at the first tick at or after the time of
 *    day asked for, not a second later (sp11); its ticks member must be
 *    below the ticks per second, while wake_when ignores it.
 * 4. rtems_tcb has RTEMS's Object.id and Object.name.name_u32, which
 *    extension hooks read.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)
#define PRIORITY         2

static char trace[32];
static int trace_length;
static rtems_id init_id;

static void mark(char c)
{
    if (trace_length < (int)sizeof(trace) - 1) {
        trace[trace_length++] = c;
        trace[trace_length] = '\0';
    }
}

static void done(void)
{
    (void)rtems_event_send(init_id, RTEMS_EVENT_0);
    rtems_task_exit();
}

static void wait_done(int count)
{
    rtems_event_set events;

    for (int i = 0; i < count; i++) {
        (void)rtems_event_receive(RTEMS_EVENT_0, RTEMS_EVENT_ALL | RTEMS_WAIT, RTEMS_NO_TIMEOUT,
                                  &events);
    }
}

static rtems_id start(char c, rtems_task_entry entry, rtems_task_argument arg)
{
    rtems_id id;
    rtems_status_code status =
        rtems_task_create(NAME('T', 'A', c, ' '), PRIORITY, RTEMS_MINIMUM_STACK_SIZE,
                          RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);

    if (status == RTEMS_SUCCESSFUL) {
        status = rtems_task_start(id, entry, arg);
    }
    if (status != RTEMS_SUCCESSFUL) {
        printf("cannot start a task: %s\n", rtems_status_text(status));
        exit(1);
    }
    return id;
}

static rtems_time_of_day tod(uint32_t hour, uint32_t minute, uint32_t second)
{
    rtems_time_of_day t = {.year = 1988,
                           .month = 12,
                           .day = 31,
                           .hour = hour,
                           .minute = minute,
                           .second = second,
                           .ticks = 0};

    return t;
}

/* ---- 1. Same tick, two clocks ------------------------------------------- */

static rtems_interval woke_at[2];

static rtems_task by_time_of_day(rtems_task_argument arg)
{
    rtems_time_of_day when = tod(9, 15, 2);

    (void)arg;
    (void)rtems_task_wake_when(&when);
    woke_at[0] = rtems_clock_get_ticks_since_boot();
    mark('W');
    done();
}

static rtems_task by_ticks(rtems_task_argument arg)
{
    (void)arg;
    (void)rtems_task_wake_after(2 * rtems_clock_get_ticks_per_second());
    woke_at[1] = rtems_clock_get_ticks_since_boot();
    mark('A');
    done();
}

static void same_tick(void)
{
    rtems_time_of_day now = tod(9, 15, 0);

    trace_length = 0;
    (void)rtems_task_wake_after(1); /* all that follows happens within a tick */
    (void)rtems_clock_set(&now);
    (void)start('W', by_time_of_day, 0);
    (void)start('A', by_ticks, 0);
    wait_done(2);
    printf("wake_when and wake_after due at the same tick: %s\n",
           woke_at[0] == woke_at[1] ? "yes" : "no");
    printf("order they ran (A: wake_after, W: wake_when): %s\n", trace);
}

/* ---- 2. Self-restart ------------------------------------------------------ */

static rtems_task restarter(rtems_task_argument arg)
{
    if (arg == 0) {
        mark('1');
        (void)rtems_task_restart(RTEMS_SELF, 1);
    }
    mark('R');
    done();
}

static rtems_task other(rtems_task_argument arg)
{
    (void)arg;
    mark('2');
    done();
}

static void self_restart(void)
{
    trace_length = 0;
    (void)start('1', restarter, 0);
    (void)start('2', other, 0);
    wait_done(2);
    printf("restart of self (1: before, 2: other task, R: restarted): %s\n", trace);
}

/* ---- 3. fire_when ----------------------------------------------------------- */

static rtems_interval fired_at;
static rtems_time_of_day fired_tod;

static rtems_timer_service_routine fired(rtems_id id, void *arg)
{
    (void)id;
    (void)arg;
    fired_at = rtems_clock_get_ticks_since_boot();
    (void)rtems_clock_get_tod(&fired_tod);
    (void)rtems_event_send(init_id, RTEMS_EVENT_0);
}

static void fire_when(void)
{
    rtems_time_of_day now = tod(8, 15, 0);
    rtems_time_of_day when = tod(8, 15, 4);
    rtems_interval set_at;
    rtems_id timer;

    (void)rtems_timer_create(NAME('T', 'M', 'R', ' '), &timer);
    (void)rtems_task_wake_after(1);
    (void)rtems_clock_set(&now);
    set_at = rtems_clock_get_ticks_since_boot();
    when.ticks = rtems_clock_get_ticks_per_second();
    printf("fire_when, ticks member = ticks per second: %s\n",
           rtems_status_text(rtems_timer_fire_when(timer, &when, fired, NULL)));
    when.ticks = rtems_clock_get_ticks_per_second() - 1;
    printf("fire_when 08:15:04 (ticks member ignored): %s\n",
           rtems_status_text(rtems_timer_fire_when(timer, &when, fired, NULL)));
    wait_done(1);
    printf("fired %" PRIu32 " ticks after the clock was set to 08:15:00, at %02" PRIu32
           ":%02" PRIu32 ":%02" PRIu32 "\n",
           fired_at - set_at, fired_tod.hour, fired_tod.minute, fired_tod.second);
    when = tod(8, 15, 5);
    when.ticks = rtems_clock_get_ticks_per_second();
    printf("wake_when 08:15:05, ticks member = ticks per second: %s\n",
           rtems_status_text(rtems_task_wake_when(&when)));
    (void)rtems_timer_delete(timer);
}

/* ---- 4. rtems_tcb ------------------------------------------------------------ */

static rtems_id created_id;
static rtems_name created_name;

static bool on_create(rtems_tcb *executing, rtems_tcb *created)
{
    (void)executing;
    created_id = created->Object.id;
    created_name = created->Object.name.name_u32;
    return true;
}

static void tcb_object(void)
{
    static const rtems_extensions_table table = {.thread_create = on_create};
    rtems_id extension;
    rtems_id id;
    char name[5];

    (void)rtems_extension_create(NAME('E', 'X', 'T', ' '), &table, &extension);
    (void)rtems_task_create(NAME('T', 'C', 'B', ' '), PRIORITY, RTEMS_MINIMUM_STACK_SIZE,
                            RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    printf("create hook: Object.id equals the id: %s\n", created_id == id ? "yes" : "no");
    rtems_name_to_characters(created_name, &name[0], &name[1], &name[2], &name[3]);
    name[4] = '\0';
    printf("create hook: Object.name.name_u32: %s\n", name);
    (void)rtems_task_delete(id);
    (void)rtems_extension_delete(extension);
}

/* ---- 5. The latest time of day ----------------------------------------------- */

static void latest_year(void)
{
    rtems_time_of_day set = {2400, 12, 31, 23, 59, 58, 0};
    rtems_time_of_day read;

    printf("clock_set 2800-02-28 23:59:59: %s\n",
           rtems_status_text(rtems_clock_set(&(rtems_time_of_day){2800, 2, 28, 23, 59, 59, 0})));
    printf("clock_set 2401-01-01 00:00:00: %s\n",
           rtems_status_text(rtems_clock_set(&(rtems_time_of_day){2401, 1, 1, 0, 0, 0, 0})));
    printf("clock_set 2400-12-31 23:59:58: %s\n", rtems_status_text(rtems_clock_set(&set)));
    (void)rtems_task_wake_after(rtems_clock_get_ticks_per_second() * 3 / 2);
    (void)rtems_clock_get_tod(&read);
    printf("1.5 s later: %04" PRIu32 "-%02" PRIu32 "-%02" PRIu32 " %02" PRIu32 ":%02" PRIu32
           ":%02" PRIu32 "\n",
           read.year, read.month, read.day, read.hour, read.minute, read.second);
}

rtems_task Init(rtems_task_argument ignored)
{
    (void)ignored;
    init_id = rtems_task_self();
    printf("*** BEGIN OF COMPAT01 ***\n");
    same_tick();
    self_restart();
    fire_when();
    tcb_object();
    latest_year();
    printf("*** END OF COMPAT01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK   10000
#define CONFIGURE_MAXIMUM_TASKS           4
#define CONFIGURE_MAXIMUM_TIMERS          1
#define CONFIGURE_MAXIMUM_USER_EXTENSIONS 1
#define CONFIGURE_INIT_TASK_PRIORITY      1
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
