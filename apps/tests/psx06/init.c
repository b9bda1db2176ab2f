/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The POSIX API's part of a thread's end when the thread ends or restarts
 * itself through the Classic API, as in RTEMS 5 and later: rtems_task_exit,
 * rtems_task_delete(RTEMS_SELF) and rtems_task_restart(RTEMS_SELF) run the
 * task's cleanup handlers (innermost first), then its key destructors, in
 * the task's own context; a key value without a destructor is forgotten
 * too, so a restarted task starts with none. A destructor runs once per
 * value (it is not called again for a value it leaves set), and
 * pthread_exit runs each handler and destructor only once.
 *
 * Init runs at POSIX priority 50 (Classic 206); every worker is a Classic
 * task at priority 100, so it runs at once when started.
 */
#include <rtems.h>
#include <pthread.h>
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
#define CONFIGURE_MAXIMUM_POSIX_THREADS 2
#define CONFIGURE_MAXIMUM_POSIX_KEYS    2
#define CONFIGURE_POSIX_INIT_THREAD_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
