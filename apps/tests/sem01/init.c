/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Semaphore manager: counting, simple binary and binary semaphores, waiting
 * with and without timeout, flush and delete of a semaphore with waiters,
 * ownership errors, priority inheritance (also through two mutexes) and
 * priority ceiling.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

static rtems_id counting, mutex_a, mutex_b, ceiling;
static rtems_id scheduler;

static void show(const char *what, rtems_status_code status)
{
    printf("%s: %s\n", what, rtems_status_text(status));
}

static rtems_task_priority priority_of(rtems_id id)
{
    rtems_task_priority p = 0;

    (void)rtems_task_get_priority(id, scheduler, &p);
    return p;
}

static rtems_task waiter(rtems_task_argument arg)
{
    printf("waiter %d obtains\n", (int)arg);
    show("waiter obtain", rtems_semaphore_obtain(counting, RTEMS_WAIT, RTEMS_NO_TIMEOUT));
    printf("waiter %d done\n", (int)arg);
    rtems_task_exit();
}

/* Holds mutex_b, then blocks on mutex_a (owned by Init). */
static rtems_task middle(rtems_task_argument arg)
{
    (void)arg;
    show("middle obtains B", rtems_semaphore_obtain(mutex_b, RTEMS_WAIT, RTEMS_NO_TIMEOUT));
    show("middle obtains A", rtems_semaphore_obtain(mutex_a, RTEMS_WAIT, RTEMS_NO_TIMEOUT));
    printf("middle got A at priority %" PRIu32 "\n", priority_of(RTEMS_SELF));
    show("middle releases A", rtems_semaphore_release(mutex_a));
    show("middle releases B", rtems_semaphore_release(mutex_b));
    printf("middle back to priority %" PRIu32 "\n", priority_of(RTEMS_SELF));
    rtems_task_exit();
}

/* Blocks on mutex_b (owned by middle). */
static rtems_task high(rtems_task_argument arg)
{
    (void)arg;
    show("high obtains B", rtems_semaphore_obtain(mutex_b, RTEMS_WAIT, RTEMS_NO_TIMEOUT));
    printf("high got B\n");
    show("high releases B", rtems_semaphore_release(mutex_b));
    rtems_task_exit();
}

static rtems_task ceiling_user(rtems_task_argument arg)
{
    (void)arg;
    show("ceiling violation", rtems_semaphore_obtain(ceiling, RTEMS_NO_WAIT, 0));
    rtems_task_exit();
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id, t1, t2, t3;
    rtems_task_priority old;
    rtems_mode mode;

    (void)arg;
    printf("*** BEGIN OF SEM01 ***\n");
    (void)rtems_scheduler_ident(NAME('U', 'P', 'D', ' '), &scheduler);
    (void)rtems_task_mode(RTEMS_PREEMPT, RTEMS_PREEMPT_MASK, &mode);
    (void)rtems_task_set_priority(RTEMS_SELF, 10, &old);

    show("create bad name", rtems_semaphore_create(0, 1, 0, 0, &id));
    show("create NULL id", rtems_semaphore_create(NAME('S', 'M', '1', ' '), 1, 0, 0, NULL));
    show("create binary count 2",
         rtems_semaphore_create(NAME('S', 'M', '1', ' '), 2, RTEMS_BINARY_SEMAPHORE, 0, &id));
    show("create inherit FIFO",
         rtems_semaphore_create(NAME('S', 'M', '1', ' '), 1,
                                RTEMS_BINARY_SEMAPHORE | RTEMS_INHERIT_PRIORITY, 0, &id));
    show("create inherit+ceiling",
         rtems_semaphore_create(NAME('S', 'M', '1', ' '), 1,
                                RTEMS_BINARY_SEMAPHORE | RTEMS_PRIORITY | RTEMS_INHERIT_PRIORITY |
                                    RTEMS_PRIORITY_CEILING,
                                0, &id));
    show("create counting",
         rtems_semaphore_create(NAME('C', 'N', 'T', ' '), 2,
                                RTEMS_COUNTING_SEMAPHORE | RTEMS_PRIORITY, 0, &counting));
    printf("counting id 0x%08" PRIxrtems_id "\n", counting);
    show("ident", rtems_semaphore_ident(NAME('C', 'N', 'T', ' '), RTEMS_SEARCH_ALL_NODES, &id));
    printf("ident matches: %s\n", id == counting ? "yes" : "no");
    show("ident unknown", rtems_semaphore_ident(NAME('N', 'O', 'N', 'E'), 0, &id));

    /* Counting semaphore. */
    show("obtain 1", rtems_semaphore_obtain(counting, RTEMS_NO_WAIT, 0));
    show("obtain 2", rtems_semaphore_obtain(counting, RTEMS_WAIT, RTEMS_NO_TIMEOUT));
    show("obtain no wait", rtems_semaphore_obtain(counting, RTEMS_NO_WAIT, 0));
    show("obtain timeout 5", rtems_semaphore_obtain(counting, RTEMS_WAIT, 5));
    printf("ticks %" PRIu32 "\n", rtems_clock_get_ticks_since_boot());
    show("obtain bad id", rtems_semaphore_obtain(0x1a010099, RTEMS_NO_WAIT, 0));
    show("release bad id", rtems_semaphore_release(0));

    /* Waiters in priority order; flush wakes them with UNSATISFIED. */
    (void)rtems_task_create(NAME('W', '1', ' ', ' '), 5, 0, 0, 0, &t1);
    (void)rtems_task_create(NAME('W', '2', ' ', ' '), 4, 0, 0, 0, &t2);
    (void)rtems_task_start(t1, waiter, 1);
    (void)rtems_task_start(t2, waiter, 2);
    show("release (wakes waiter 2)", rtems_semaphore_release(counting));
    show("flush", rtems_semaphore_flush(counting));
    show("flush bad id", rtems_semaphore_flush(0));

    /* Delete while a task waits. */
    (void)rtems_task_create(NAME('W', '3', ' ', ' '), 5, 0, 0, 0, &t3);
    (void)rtems_task_start(t3, waiter, 3);
    show("delete counting", rtems_semaphore_delete(counting));
    show("delete again", rtems_semaphore_delete(counting));

    /* Simple binary: no owner, not recursive. */
    show("create simple binary", rtems_semaphore_create(NAME('S', 'B', 'N', ' '), 1,
                                                        RTEMS_SIMPLE_BINARY_SEMAPHORE, 0, &id));
    show("sb obtain", rtems_semaphore_obtain(id, RTEMS_NO_WAIT, 0));
    show("sb obtain again", rtems_semaphore_obtain(id, RTEMS_NO_WAIT, 0));
    show("sb release", rtems_semaphore_release(id));
    show("sb release again", rtems_semaphore_release(id));
    show("sb obtain", rtems_semaphore_obtain(id, RTEMS_NO_WAIT, 0));
    show("sb obtain again", rtems_semaphore_obtain(id, RTEMS_NO_WAIT, 0));
    show("sb delete", rtems_semaphore_delete(id));

    /* Binary semaphores with priority inheritance, nested. */
    show("create A",
         rtems_semaphore_create(NAME('M', 'T', 'A', ' '), 1,
                                RTEMS_BINARY_SEMAPHORE | RTEMS_PRIORITY | RTEMS_INHERIT_PRIORITY, 0,
                                &mutex_a));
    show("create B",
         rtems_semaphore_create(NAME('M', 'T', 'B', ' '), 1,
                                RTEMS_BINARY_SEMAPHORE | RTEMS_PRIORITY | RTEMS_INHERIT_PRIORITY, 0,
                                &mutex_b));
    show("Init obtains A", rtems_semaphore_obtain(mutex_a, RTEMS_WAIT, RTEMS_NO_TIMEOUT));
    show("Init obtains A again", rtems_semaphore_obtain(mutex_a, RTEMS_WAIT, RTEMS_NO_TIMEOUT));
    show("delete owned A", rtems_semaphore_delete(mutex_a));
    (void)rtems_task_create(NAME('M', 'I', 'D', ' '), 8, 0, 0, 0, &t1);
    (void)rtems_task_start(t1, middle, 0);
    printf("Init priority %" PRIu32 " after middle blocked\n", priority_of(RTEMS_SELF));
    (void)rtems_task_create(NAME('H', 'I', 'G', 'H'), 3, 0, 0, 0, &t2);
    (void)rtems_task_start(t2, high, 0);
    printf("Init priority %" PRIu32 ", middle %" PRIu32 " after high blocked\n",
           priority_of(RTEMS_SELF), priority_of(t1));
    show("Init releases A once", rtems_semaphore_release(mutex_a));
    printf("Init priority %" PRIu32 "\n", priority_of(RTEMS_SELF));
    show("Init releases A", rtems_semaphore_release(mutex_a));
    printf("Init priority %" PRIu32 " after release\n", priority_of(RTEMS_SELF));
    show("release not owner", rtems_semaphore_release(mutex_a));

    /* Priority ceiling. */
    show("create ceiling bad priority",
         rtems_semaphore_create(NAME('C', 'E', 'L', ' '), 1,
                                RTEMS_BINARY_SEMAPHORE | RTEMS_PRIORITY | RTEMS_PRIORITY_CEILING,
                                256, &ceiling));
    show("create ceiling 6",
         rtems_semaphore_create(NAME('C', 'E', 'L', ' '), 1,
                                RTEMS_BINARY_SEMAPHORE | RTEMS_PRIORITY | RTEMS_PRIORITY_CEILING, 6,
                                &ceiling));
    show("obtain ceiling", rtems_semaphore_obtain(ceiling, RTEMS_NO_WAIT, 0));
    printf("Init priority %" PRIu32 " holding ceiling\n", priority_of(RTEMS_SELF));
    show("set ceiling 4", rtems_semaphore_set_priority(ceiling, scheduler, 4, &old));
    printf("old ceiling %" PRIu32 ", Init priority %" PRIu32 "\n", old, priority_of(RTEMS_SELF));
    show("set_priority bad scheduler", rtems_semaphore_set_priority(ceiling, 0, 4, &old));
    show("set_priority NULL", rtems_semaphore_set_priority(ceiling, scheduler, 4, NULL));
    show("set_priority not ceiling", rtems_semaphore_set_priority(mutex_b, scheduler, 4, &old));
    show("release ceiling", rtems_semaphore_release(ceiling));
    printf("Init priority %" PRIu32 "\n", priority_of(RTEMS_SELF));
    (void)rtems_task_create(NAME('C', 'U', 'S', 'R'), 2, 0, 0, 0, &t3);
    (void)rtems_task_start(t3, ceiling_user, 0);
    show("delete A", rtems_semaphore_delete(mutex_a));
    show("delete ceiling", rtems_semaphore_delete(ceiling));
    printf("*** END OF SEM01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MAXIMUM_TASKS      4
#define CONFIGURE_MAXIMUM_SEMAPHORES 3
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
