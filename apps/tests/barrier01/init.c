/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Barrier manager: manual release, automatic release by the last arrival,
 * waiting with a timeout, deletion with waiters, and every error status.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

static rtems_id barrier;

static void show(const char *what, rtems_status_code status)
{
    printf("%s: %s\n", what, rtems_status_text(status));
}

static rtems_task waiter(rtems_task_argument arg)
{
    rtems_status_code sc;

    printf("waiter %d waits\n", (int)arg);
    sc = rtems_barrier_wait(barrier, RTEMS_NO_TIMEOUT);
    printf("waiter %d: %s\n", (int)arg, rtems_status_text(sc));
    rtems_task_exit();
}

static void start_waiter(rtems_task_argument n)
{
    rtems_id t;

    (void)rtems_task_create(NAME('W', 'A', 'I', (char)('0' + n)), 5, 0, RTEMS_DEFAULT_MODES, 0, &t);
    (void)rtems_task_start(t, waiter, n);
}

static void show_waiting(void)
{
    uint32_t n = 99;

    show("get_number_waiting", rtems_barrier_get_number_waiting(barrier, &n));
    printf("waiting %" PRIu32 "\n", n);
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id, auto_barrier;
    uint32_t released = 99, n;
    rtems_mode mode;

    (void)arg;
    printf("*** BEGIN OF BARRIER01 ***\n");
    (void)rtems_task_mode(RTEMS_PREEMPT, RTEMS_PREEMPT_MASK, &mode);
    show("create bad name", rtems_barrier_create(0, RTEMS_BARRIER_MANUAL_RELEASE, 0, &id));
    show("create NULL id",
         rtems_barrier_create(NAME('B', 'A', 'R', '1'), RTEMS_BARRIER_MANUAL_RELEASE, 0, NULL));
    show("create automatic 0",
         rtems_barrier_create(NAME('B', 'A', 'R', '1'), RTEMS_BARRIER_AUTOMATIC_RELEASE, 0, &id));
    show("create manual",
         rtems_barrier_create(NAME('B', 'A', 'R', '1'), RTEMS_BARRIER_MANUAL_RELEASE, 0, &barrier));
    printf("barrier id 0x%08" PRIxrtems_id "\n", barrier);
    show("create automatic",
         rtems_barrier_create(NAME('B', 'A', 'R', '2'), RTEMS_BARRIER_AUTOMATIC_RELEASE, 3,
                              &auto_barrier));
    show("create too many",
         rtems_barrier_create(NAME('B', 'A', 'R', '3'), RTEMS_BARRIER_MANUAL_RELEASE, 0, &id));
    show("ident", rtems_barrier_ident(NAME('B', 'A', 'R', '2'), &id));
    printf("ident matches: %s\n", id == auto_barrier ? "yes" : "no");
    show("ident unknown", rtems_barrier_ident(NAME('N', 'O', 'N', 'E'), &id));
    show("ident NULL", rtems_barrier_ident(NAME('B', 'A', 'R', '2'), NULL));
    show("wait bad id", rtems_barrier_wait(0, RTEMS_NO_TIMEOUT));
    show("release NULL", rtems_barrier_release(barrier, NULL));
    show("release bad id", rtems_barrier_release(0, &released));
    show("get_number_waiting NULL", rtems_barrier_get_number_waiting(barrier, NULL));
    show("get_number_waiting bad id", rtems_barrier_get_number_waiting(0, &n));
    show("delete bad id", rtems_barrier_delete(0));

    /* Manual release. */
    start_waiter(1);
    start_waiter(2);
    show_waiting();
    show("release", rtems_barrier_release(barrier, &released));
    printf("released %" PRIu32 "\n", released);
    show("release empty", rtems_barrier_release(barrier, &released));
    printf("released %" PRIu32 "\n", released);

    /* Timeout. */
    show("wait timeout 3", rtems_barrier_wait(barrier, 3));
    show_waiting();

    /* Deleted while tasks wait. */
    start_waiter(3);
    show_waiting();
    show("delete", rtems_barrier_delete(barrier));
    show("delete again", rtems_barrier_delete(barrier));

    /* Automatic release: the third arrival opens it. */
    barrier = auto_barrier;
    start_waiter(4);
    start_waiter(5);
    show_waiting();
    show("Init arrives third", rtems_barrier_wait(barrier, RTEMS_NO_TIMEOUT));
    show_waiting();
    show("release automatic", rtems_barrier_release(barrier, &released));
    printf("released %" PRIu32 "\n", released);
    show("delete automatic", rtems_barrier_delete(barrier));
    printf("*** END OF BARRIER01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MAXIMUM_TASKS      4
#define CONFIGURE_MAXIMUM_BARRIERS   2
#define CONFIGURE_INIT_TASK_PRIORITY 10
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
