/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Clock and timer managers: time of day before and after it is set, its
 * validation, uptime, wake_when; timers firing after ticks and at a time of
 * day, cancel, reset, information, the timer server, and interrupt context
 * of plain timer routines.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

static void show(const char *what, rtems_status_code status)
{
    printf("%s: %s\n", what, rtems_status_text(status));
}

static void print_tod(const char *what)
{
    rtems_time_of_day tod;
    rtems_status_code status = rtems_clock_get_tod(&tod);

    if (status != RTEMS_SUCCESSFUL) {
        show(what, status);
        return;
    }
    printf("%s: %04" PRIu32 "-%02" PRIu32 "-%02" PRIu32 " %02" PRIu32 ":%02" PRIu32 ":%02" PRIu32
           " +%" PRIu32 " ticks\n",
           what, tod.year, tod.month, tod.day, tod.hour, tod.minute, tod.second, tod.ticks);
}

static rtems_timer_service_routine routine(rtems_id id, void *arg)
{
    printf("timer 0x%08" PRIxrtems_id " fired at tick %" PRIu32 " (%s), in ISR: %s\n", id,
           rtems_clock_get_ticks_since_boot(), (const char *)arg,
           rtems_interrupt_is_in_progress() ? "yes" : "no");
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_time_of_day tod = {1988, 12, 31, 23, 59, 58, 0};
    rtems_time_of_day bad;
    rtems_timer_information info;
    struct timespec uptime;
    struct timeval tv;
    rtems_interval seconds;
    rtems_id timer, timer2, id;

    (void)arg;
    printf("*** BEGIN OF TIMER01 ***\n");
    printf("ticks per second %" PRIu32 "\n", rtems_clock_get_ticks_per_second());
    print_tod("tod before set");
    show("get_tod NULL", rtems_clock_get_tod(NULL));
    show("tod timeval before set", rtems_clock_get_tod_timeval(&tv));
    show("wake_when before set", rtems_task_wake_when(&tod));
    bad = tod;
    bad.year = 1987;
    show("set year 1987", rtems_clock_set(&bad));
    bad = tod;
    bad.month = 2;
    bad.day = 29;
    show("set 1988-02-29", rtems_clock_set(&bad));
    bad.year = 1989;
    show("set 1989-02-29", rtems_clock_set(&bad));
    bad = tod;
    bad.ticks = 100;
    show("set ticks 100", rtems_clock_set(&bad));
    show("set NULL", rtems_clock_set(NULL));
    show("set", rtems_clock_set(&tod));
    print_tod("tod after set");
    show("wake_after 150", rtems_task_wake_after(150));
    print_tod("tod");
    show("seconds since epoch", rtems_clock_get_seconds_since_epoch(&seconds));
    printf("seconds since 1988: %" PRIu32 "\n", seconds);
    show("tod timeval", rtems_clock_get_tod_timeval(&tv));
    /* Below the tick the clock shows real elapsed time, which only the host
     * port's simulated clock keeps at zero: print whole ticks. */
    printf("timeval %lld.%02ld\n", (long long)tv.tv_sec, (long)tv.tv_usec / 10000);
    show("uptime", rtems_clock_get_uptime(&uptime));
    printf("uptime %lld.%02ld\n", (long long)uptime.tv_sec, uptime.tv_nsec / 10000000);
    show("uptime NULL", rtems_clock_get_uptime(NULL));
    tod.year = 1989;
    tod.month = 1;
    tod.day = 1;
    tod.hour = 0;
    tod.minute = 0;
    tod.second = 2;
    show("wake_when", rtems_task_wake_when(&tod));
    print_tod("tod");
    show("wake_when past", rtems_task_wake_when(&tod));

    show("create bad name", rtems_timer_create(0, &timer));
    show("create NULL", rtems_timer_create(NAME('T', 'M', '1', ' '), NULL));
    show("create", rtems_timer_create(NAME('T', 'M', '1', ' '), &timer));
    printf("timer id 0x%08" PRIxrtems_id "\n", timer);
    show("create 2", rtems_timer_create(NAME('T', 'M', '2', ' '), &timer2));
    show("create too many", rtems_timer_create(NAME('T', 'M', '3', ' '), &id));
    show("ident", rtems_timer_ident(NAME('T', 'M', '2', ' '), &id));
    printf("ident matches: %s\n", id == timer2 ? "yes" : "no");
    show("fire_after 0", rtems_timer_fire_after(timer, 0, routine, "x"));
    show("fire_after NULL", rtems_timer_fire_after(timer, 5, NULL, "x"));
    show("fire_after bad id", rtems_timer_fire_after(0x12010077, 5, routine, "x"));
    show("reset dormant", rtems_timer_reset(timer));
    show("fire_after 10", rtems_timer_fire_after(timer, 10, routine, "after 10"));
    show("fire_after 5", rtems_timer_fire_after(timer2, 5, routine, "after 5"));
    show("get_information", rtems_timer_get_information(timer, &info));
    printf("class %d initial %" PRIu32 "\n", (int)info.the_class, info.initial);
    show("get_information NULL", rtems_timer_get_information(timer, NULL));
    show("wake_after 20", rtems_task_wake_after(20));
    show("reset", rtems_timer_reset(timer));
    show("cancel", rtems_timer_cancel(timer));
    show("wake_after 20", rtems_task_wake_after(20));
    show("reset after cancel", rtems_timer_reset(timer));
    show("wake_after 20", rtems_task_wake_after(20));
    tod.second = 5;
    show("fire_when", rtems_timer_fire_when(timer2, &tod, routine, "when"));
    show("get_information", rtems_timer_get_information(timer2, &info));
    printf("class %d\n", (int)info.the_class);
    show("reset time-of-day timer", rtems_timer_reset(timer2));
    show("wake_after 400", rtems_task_wake_after(400));
    print_tod("tod");

    show("server_fire_after without server",
         rtems_timer_server_fire_after(timer, 3, routine, "server"));
    show("initiate_server bad priority", rtems_timer_initiate_server(0, 0, 0));
    show("initiate_server",
         rtems_timer_initiate_server(RTEMS_TIMER_SERVER_DEFAULT_PRIORITY, RTEMS_MINIMUM_STACK_SIZE,
                                     RTEMS_DEFAULT_ATTRIBUTES));
    show("initiate_server again",
         rtems_timer_initiate_server(RTEMS_TIMER_SERVER_DEFAULT_PRIORITY, RTEMS_MINIMUM_STACK_SIZE,
                                     RTEMS_DEFAULT_ATTRIBUTES));
    show("server_fire_after 3", rtems_timer_server_fire_after(timer, 3, routine, "server"));
    show("get_information", rtems_timer_get_information(timer, &info));
    printf("class %d\n", (int)info.the_class);
    show("wake_after 5", rtems_task_wake_after(5));
    show("delete", rtems_timer_delete(timer));
    show("delete again", rtems_timer_delete(timer));
    show("cancel deleted", rtems_timer_cancel(timer));
    printf("*** END OF TIMER01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 10000
#define CONFIGURE_MAXIMUM_TASKS         2
#define CONFIGURE_MAXIMUM_TIMERS        2
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
