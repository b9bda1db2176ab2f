/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Rate monotonic manager: periods on time, a missed deadline with postponed
 * jobs (RTEMS_TIMEOUT without blocking), RTEMS_PERIOD_STATUS in each state,
 * ownership, statistics and the report's layout, and every error status.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

static rtems_id period;
static rtems_interval start;

static void show(const char *what, rtems_status_code status)
{
    printf("%s: %s\n", what, rtems_status_text(status));
}

static rtems_interval now(void)
{
    return rtems_clock_get_ticks_since_boot() - start;
}

static void show_status(const char *what)
{
    rtems_rate_monotonic_period_status st;

    (void)rtems_rate_monotonic_get_status(period, &st);
    printf("%s: state %d postponed %" PRIu32 " owner 0x%08" PRIxrtems_id "\n", what, (int)st.state,
           st.postponed_jobs_count, st.owner);
}

/* Not the owner of Init's period. */
static rtems_task other(rtems_task_argument arg)
{
    (void)arg;
    show("other: period", rtems_rate_monotonic_period(period, 10));
    show("other: cancel", rtems_rate_monotonic_cancel(period));
    show("other: status", rtems_rate_monotonic_period(period, RTEMS_PERIOD_STATUS));
    rtems_task_exit();
}

static void show_statistics(void)
{
    rtems_rate_monotonic_period_statistics s;

    show("get_statistics", rtems_rate_monotonic_get_statistics(period, &s));
    printf("count %" PRIu32 " missed %" PRIu32 " wall min %ld ms max %ld ms\n", s.count,
           s.missed_count,
           (long)(s.min_wall_time.tv_sec * 1000 + s.min_wall_time.tv_nsec / 1000000),
           (long)(s.max_wall_time.tv_sec * 1000 + s.max_wall_time.tv_nsec / 1000000));
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id, second, task;
    rtems_rate_monotonic_period_status st;
    rtems_rate_monotonic_period_statistics stats;

    (void)arg;
    printf("*** BEGIN OF RTMON01 ***\n");
    show("create bad name", rtems_rate_monotonic_create(0, &id));
    show("create NULL id", rtems_rate_monotonic_create(NAME('P', 'E', 'R', '1'), NULL));
    show("create", rtems_rate_monotonic_create(NAME('P', 'E', 'R', '1'), &period));
    printf("period id 0x%08" PRIxrtems_id "\n", period);
    show("create second", rtems_rate_monotonic_create(NAME('P', 'E', 'R', '2'), &second));
    show("create too many", rtems_rate_monotonic_create(NAME('P', 'E', 'R', '3'), &id));
    show("ident", rtems_rate_monotonic_ident(NAME('P', 'E', 'R', '1'), &id));
    printf("ident matches: %s\n", id == period ? "yes" : "no");
    show("ident unknown", rtems_rate_monotonic_ident(NAME('N', 'O', 'N', 'E'), &id));
    show("ident bad name", rtems_rate_monotonic_ident(0, &id));
    show("ident NULL id", rtems_rate_monotonic_ident(NAME('P', 'E', 'R', '1'), NULL));

    show("status inactive", rtems_rate_monotonic_period(period, RTEMS_PERIOD_STATUS));
    show("get_status NULL", rtems_rate_monotonic_get_status(period, NULL));
    show("get_status bad id", rtems_rate_monotonic_get_status(0, &st));
    show("get_statistics NULL", rtems_rate_monotonic_get_statistics(period, NULL));
    show("get_statistics bad id", rtems_rate_monotonic_get_statistics(0, &stats));
    show("reset_statistics bad id", rtems_rate_monotonic_reset_statistics(0));
    show("period bad id", rtems_rate_monotonic_period(0x42010009, 10));
    show("cancel bad id", rtems_rate_monotonic_cancel(0));
    show("delete bad id", rtems_rate_monotonic_delete(0));
    show_status("inactive");

    start = rtems_clock_get_ticks_since_boot();
    show("first period", rtems_rate_monotonic_period(period, 10));
    show("status active", rtems_rate_monotonic_period(period, RTEMS_PERIOD_STATUS));
    for (int i = 0; i < 3; i++) {
        rtems_status_code sc = rtems_rate_monotonic_period(period, 10);

        printf("period %d: %s at tick %" PRIu32 "\n", i, rtems_status_text(sc), now());
    }
    (void)rtems_task_create(NAME('O', 'T', 'H', 'R'), 1, 0, 0, 0, &task);
    (void)rtems_task_start(task, other, 0);

    /* Overrun: two deadlines pass while Init sleeps. */
    (void)rtems_task_wake_after(25);
    show_status("after overrun");
    show("status expired", rtems_rate_monotonic_period(period, RTEMS_PERIOD_STATUS));
    show("late period 1", rtems_rate_monotonic_period(period, 10));
    printf("tick %" PRIu32 "\n", now());
    show_status("one job postponed");
    show("late period 2", rtems_rate_monotonic_period(period, 10));
    printf("tick %" PRIu32 "\n", now());
    show("back on time", rtems_rate_monotonic_period(period, 10));
    printf("tick %" PRIu32 "\n", now());
    show_statistics();

    /* After a reset the report has no times, which differ on real clocks. */
    show("reset_statistics", rtems_rate_monotonic_reset_statistics(period));
    show_statistics();
    fflush(stdout);
    rtems_rate_monotonic_report_statistics();
    rtems_rate_monotonic_reset_all_statistics();
    show("cancel", rtems_rate_monotonic_cancel(period));
    show("status after cancel", rtems_rate_monotonic_period(period, RTEMS_PERIOD_STATUS));
    show("restart period", rtems_rate_monotonic_period(period, 5));
    show("period", rtems_rate_monotonic_period(period, 5));
    printf("tick %" PRIu32 "\n", now());
    show("delete", rtems_rate_monotonic_delete(period));
    show("delete again", rtems_rate_monotonic_delete(period));
    show("period deleted", rtems_rate_monotonic_period(period, 5));
    show("delete second", rtems_rate_monotonic_delete(second));
    printf("*** END OF RTMON01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MAXIMUM_TASKS   2
#define CONFIGURE_MAXIMUM_PERIODS 2
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
