/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The POSIX API's part of a thread's end when the thread ends or restarts
 * itself through the Classic API, as in RTEMS 5 and later: rtems_task_exit,
 * rtems_task_delete(RTEMS_SELF) and rtems_task_restart(RTEMS_SELF) run the
 * task's cleanup handlers (innermost first), then its key destructors, in
 * the task's own context; a key value without a destructor is forgotten
 * too, so a restarted task starts with none. A destructor runs once per
 * value (it is not called again for a value it leaves set), and
 * pthread_exit runs each handler and destructor only once. When another
 * task deletes or restarts a task that has cleanup handlers or key values,
 * the task does it itself, as RTEMS 5 and later: its handlers and
 * destructors run in its own context, even when it was blocked or runs at
 * a lower priority, and rtems_task_delete returns once it has ended. A
 * task that disabled cancellation keeps the delete request until it
 * enables cancellation (the deleter waits), unless it waits (joins) for
 * the deleter: then the delete fails with RTEMS_INCORRECT_STATE and the
 * request stays. A join of a detached thread is EINVAL before a deadlock.
 *
 * Init runs at POSIX priority 50 (Classic 206); every worker is a Classic
 * task at priority 100, so it runs at once when started.
 */
#include <rtems.h>
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_key_t with_destructor;
static pthread_key_t without_destructor;
static rtems_id worker;
static int values[2];
static int destructor_calls;

static const char *own_context(void)
{
    return rtems_task_self() == worker ? "in the task" : "NOT in the task";
}

static void cleanup(void *arg)
{
    printf("  cleanup %s, %s\n", (const char *)arg, own_context());
}

/* Leaves the value set: as RTEMS 6, it is not called again for it. */
static void destructor(void *value)
{
    destructor_calls++;
    printf("  destructor of value %d, %s\n", (int)((int *)value - values), own_context());
}

static void set_both(void)
{
    (void)pthread_setspecific(with_destructor, &values[0]);
    (void)pthread_setspecific(without_destructor, &values[1]);
}

static void exiting_task(rtems_task_argument how)
{
    pthread_cleanup_push(cleanup, "outer");
    pthread_cleanup_push(cleanup, "inner");
    set_both();
    printf("  task ends by %s\n", how == 0 ? "rtems_task_exit" : "rtems_task_delete(RTEMS_SELF)");
    if (how == 0) {
        rtems_task_exit();
    }
    (void)rtems_task_delete(RTEMS_SELF);
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
}

static void restarting_task(rtems_task_argument run)
{
    void *with = pthread_getspecific(with_destructor);
    void *without = pthread_getspecific(without_destructor);

    printf("  run %d: values %s and %s\n", (int)run, with == NULL ? "none" : "set",
           without == NULL ? "none" : "set");
    if (run == 1) {
        rtems_task_exit();
    }
    pthread_cleanup_push(cleanup, "before the restart");
    set_both();
    printf("  run %d: rtems_task_restart(RTEMS_SELF)\n", (int)run);
    (void)rtems_task_restart(RTEMS_SELF, run + 1);
    pthread_cleanup_pop(0);
}

/* Waits for an event that never comes: only a delete or restart ends the wait. */
static void blocking_task(rtems_task_argument run)
{
    rtems_event_set events;

    if (run == 1) {
        printf("  run 1: values %s\n",
               pthread_getspecific(with_destructor) == NULL ? "none" : "set");
        rtems_task_exit();
    }
    pthread_cleanup_push(cleanup, "of the blocked task");
    set_both();
    printf("  task blocks\n");
    (void)rtems_event_receive(RTEMS_EVENT_0, RTEMS_WAIT, RTEMS_NO_TIMEOUT, &events);
    printf("  task woken: NOT expected\n");
    pthread_cleanup_pop(0);
}

static void by_init(bool delete, bool lower)
{
    rtems_task_priority old;
    rtems_status_code sc;

    const char *what = delete ? "rtems_task_delete" : "rtems_task_restart";

    printf("%s%s:\n", what, lower ? ", the task at a lower priority" : "");
    (void)rtems_task_create(rtems_build_name('W', 'O', 'R', 'K'), 100, RTEMS_MINIMUM_STACK_SIZE,
                            RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &worker);
    (void)rtems_task_start(worker, blocking_task, 0);
    if (lower) {
        (void)rtems_task_set_priority(worker, 230, &old);
    }
    printf("  Init calls %s\n", what);
    if (delete) {
        sc = rtems_task_delete(worker);
    } else {
        sc = rtems_task_restart(worker, 1);
    }
    printf("  %s, task gone: %s\n", rtems_status_text(sc),
           rtems_task_is_suspended(worker) == RTEMS_INVALID_ID ? "yes" : "no");
}

static void protected_task(rtems_task_argument unused)
{
    (void)unused;
    (void)pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
    printf("  task disabled cancellation, sleeps\n");
    (void)rtems_task_wake_after(2);
    printf("  task woke, enables cancellation\n");
    (void)pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
    printf("  task still runs: NOT expected\n");
    rtems_task_exit();
}

static void protected_delete(void)
{
    rtems_status_code sc;

    printf("rtems_task_delete, cancellation disabled:\n");
    (void)rtems_task_create(rtems_build_name('W', 'O', 'R', 'K'), 100, RTEMS_MINIMUM_STACK_SIZE,
                            RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &worker);
    (void)rtems_task_start(worker, protected_task, 0);
    printf("  Init calls rtems_task_delete\n");
    sc = rtems_task_delete(worker);
    printf("  %s, task gone: %s\n", rtems_status_text(sc),
           rtems_task_is_suspended(worker) == RTEMS_INVALID_ID ? "yes" : "no");
}

static pthread_t joining, deleting;

static void *joining_thread(void *arg)
{
    void *value = NULL;

    (void)arg;
    (void)pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
    printf("  J joins D: %d\n", pthread_join(deleting, &value));
    printf("  J: D's value is its own id: %s\n", value == &deleting ? "yes" : "no");
    (void)pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
    printf("  J reaches pthread_testcancel\n");
    pthread_testcancel();
    printf("  J still runs: NOT expected\n");
    return NULL;
}

static void *deleting_thread(void *arg)
{
    (void)arg;
    printf("  D deletes J: %s\n", rtems_status_text(rtems_task_delete(joining)));
    return &deleting;
}

static void delete_deadlock(void)
{
    void *value = NULL;

    printf("rtems_task_delete of a thread that joins the deleter:\n");
    (void)pthread_create(&joining, NULL, joining_thread, NULL);
    (void)pthread_create(&deleting, NULL, deleting_thread, NULL);
    printf("  Init joins J: %d\n", pthread_join(joining, &value));
    printf("  J's value is PTHREAD_CANCELED: %s\n", value == PTHREAD_CANCELED ? "yes" : "no");
    printf("  Init joins itself, detached: %s\n",
           pthread_join(pthread_self(), NULL) == EINVAL ? "EINVAL" : "not EINVAL");
}

static void *exiting_thread(void *arg)
{
    (void)arg;
    pthread_cleanup_push(cleanup, "of the thread");
    set_both();
    printf("  thread ends by pthread_exit\n");
    pthread_exit(NULL);
    pthread_cleanup_pop(0);
    return NULL;
}

static void run_task(const char *what, rtems_task_entry entry, rtems_task_argument argument)
{
    rtems_status_code sc;

    printf("%s:\n", what);
    sc = rtems_task_create(rtems_build_name('W', 'O', 'R', 'K'), 100, RTEMS_MINIMUM_STACK_SIZE,
                           RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &worker);
    if (sc == RTEMS_SUCCESSFUL) {
        sc = rtems_task_start(worker, entry, argument);
    }
    printf("  %s, task gone: %s\n", rtems_status_text(sc),
           rtems_task_is_suspended(worker) == RTEMS_INVALID_ID ? "yes" : "no");
}

void *POSIX_Init(void *argument)
{
    pthread_t thread;
    void *result;

    (void)argument;
    printf("*** BEGIN OF PSX06 ***\n");
    (void)pthread_setschedparam(pthread_self(), SCHED_FIFO,
                                &(struct sched_param){.sched_priority = 50});
    (void)pthread_key_create(&with_destructor, destructor);
    (void)pthread_key_create(&without_destructor, NULL);
    run_task("rtems_task_exit", exiting_task, 0);
    run_task("rtems_task_delete(RTEMS_SELF)", exiting_task, 1);
    run_task("rtems_task_restart(RTEMS_SELF)", restarting_task, 0);
    by_init(true, false);
    by_init(true, true);
    by_init(false, false);
    protected_delete();
    (void)pthread_detach(pthread_self());
    delete_deadlock();
    printf("pthread_exit:\n");
    destructor_calls = 0;
    (void)pthread_create(&thread, NULL, exiting_thread, NULL);
    worker = thread;
    (void)pthread_join(thread, &result);
    printf("  joined, destructor calls: %d\n", destructor_calls);
    printf("*** END OF PSX06 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 1000
#define CONFIGURE_MAXIMUM_TASKS         1
#define CONFIGURE_MAXIMUM_POSIX_THREADS 3
#define CONFIGURE_MAXIMUM_POSIX_KEYS    2
#define CONFIGURE_POSIX_INIT_THREAD_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
