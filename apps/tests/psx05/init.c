/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX cancellation and thread names on the executive, with RTEMS's
 * rules: deferred requests wait for a cancellation point (pthread_testcancel,
 * nanosleep) and do not wake a blocked thread, a disabled thread keeps a
 * request until it enables and reaches a point, an asynchronous request
 * ends a blocked thread at once, a deferred request acts when the thread
 * turns asynchronous, a thread cancelling itself exits even when disabled;
 * cleanup handlers run innermost first and before key destructors, on
 * cancellation and on pthread_exit; joiners get PTHREAD_CANCELED; a join
 * that would close a cycle of joins fails with EDEADLK. Classic
 * tasks are cancelled asynchronously; a dormant one is deleted. Names: the
 * ERANGE rules of pthread_setname_np/pthread_getname_np and the Classic
 * task name read back when no name was set.
 *
 * Init runs at POSIX priority 50; every worker at 60 (it runs at once).
 */
#define _GNU_SOURCE /* pthread_setname_np and pthread_getname_np, as RTEMS programs do */
#include <rtems.h>
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* No thread has this id (0 would be the calling thread, as in RTEMS). */
#define NO_THREAD ((pthread_t)0x0b01ffffu)

static sem_t go;
static pthread_key_t key;

static void cleanup(void *arg)
{
    printf("  cleanup %s\n", (const char *)arg);
}

static void destructor(void *value)
{
    printf("  key destructor %s\n", (const char *)value);
}

static pthread_t start(void *(*body)(void *))
{
    pthread_attr_t attr;
    pthread_t t;
    int rc;

    (void)pthread_attr_init(&attr);
    (void)pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
    (void)pthread_attr_setschedpolicy(&attr, SCHED_FIFO);
    (void)pthread_attr_setschedparam(&attr, &(struct sched_param){.sched_priority = 60});
    rc = pthread_create(&t, &attr, body, NULL);
    if (rc != 0) {
        printf("pthread_create: %s\n", strerror(rc));
        exit(1);
    }
    return t;
}

static void join(pthread_t t, const char *name)
{
    void *value = NULL;
    int rc = pthread_join(t, &value);

    printf("join %s: %s, ", name, strerror(rc));
    if (value == PTHREAD_CANCELED) {
        printf("PTHREAD_CANCELED\n");
    } else {
        printf("value %ld\n", (long)(intptr_t)value);
    }
}

static void *deferred_body(void *arg)
{
    (void)arg;
    (void)pthread_setspecific(key, "deferred");
    pthread_cleanup_push(cleanup, "outer");
    pthread_cleanup_push(cleanup, "inner");
    printf("  deferred: waits\n");
    printf("  deferred: sem_wait %d\n", sem_wait(&go));
    printf("  deferred: pthread_testcancel\n");
    pthread_testcancel();
    printf("  deferred: not reached\n");
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return NULL;
}

static void *disabled_body(void *arg)
{
    int old = -1;

    (void)arg;
    (void)pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
    pthread_cleanup_push(cleanup, "disabled");
    (void)sem_wait(&go);
    pthread_testcancel();
    printf("  disabled: pthread_testcancel returned\n");
    (void)pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
    printf("  disabled: enabled (was %s), still deferred: running\n",
           old == PTHREAD_CANCEL_DISABLE ? "DISABLE" : "ENABLE");
    pthread_testcancel();
    printf("  disabled: not reached\n");
    pthread_cleanup_pop(0);
    return NULL;
}

static void *async_body(void *arg)
{
    int old = -1;

    (void)arg;
    (void)pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
    printf("  async: type was %s\n", old == PTHREAD_CANCEL_DEFERRED ? "DEFERRED" : "ASYNCHRONOUS");
    (void)pthread_setspecific(key, "async");
    pthread_cleanup_push(cleanup, "async");
    printf("  async: sem_wait %d\n", sem_wait(&go));
    printf("  async: not reached\n");
    pthread_cleanup_pop(0);
    return NULL;
}

static void *turning_body(void *arg)
{
    (void)arg;
    pthread_cleanup_push(cleanup, "turning");
    (void)sem_wait(&go);
    printf("  turning: running, becomes asynchronous\n");
    (void)pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
    printf("  turning: not reached\n");
    pthread_cleanup_pop(0);
    return NULL;
}

static void *self_body(void *arg)
{
    (void)arg;
    (void)pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
    pthread_cleanup_push(cleanup, "self");
    printf("  self: pthread_cancel(pthread_self()) while disabled\n");
    (void)pthread_cancel(pthread_self());
    printf("  self: not reached\n");
    pthread_cleanup_pop(0);
    return NULL;
}

static void *sleeper_body(void *arg)
{
    (void)arg;
    pthread_cleanup_push(cleanup, "sleeper");
    printf("  sleeper: nanosleep 5 ms\n");
    (void)nanosleep(&(struct timespec){.tv_nsec = 5000000}, NULL);
    printf("  sleeper: not reached\n");
    pthread_cleanup_pop(0);
    return NULL;
}

static void *exiting_body(void *arg)
{
    (void)arg;
    (void)pthread_setspecific(key, "exiting");
    pthread_cleanup_push(cleanup, "kept");
    pthread_cleanup_push(cleanup, "popped and run");
    pthread_cleanup_push(cleanup, "popped, never run");
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(1);
    pthread_exit((void *)7);
    pthread_cleanup_pop(0);
    return NULL;
}

static pthread_t init_thread;

static void *joining_body(void *arg)
{
    (void)arg;
    (void)pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
    printf("  joining: joins Init\n");
    printf("  joining: pthread_join returned %d\n", pthread_join(init_thread, NULL));
    return NULL;
}

static void errors(void)
{
    int old = -1;

    printf("pthread_cancel(no thread): %s\n", strerror(pthread_cancel(NO_THREAD)));
    printf("pthread_setcancelstate(7): %s\n", strerror(pthread_setcancelstate(7, NULL)));
    printf("pthread_setcanceltype(7): %s\n", strerror(pthread_setcanceltype(7, NULL)));
    (void)pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
    printf("Init's state: %s\n", old == PTHREAD_CANCEL_ENABLE ? "ENABLE" : "DISABLE");
    (void)pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &old);
    printf("Init's type: %s\n", old == PTHREAD_CANCEL_DEFERRED ? "DEFERRED" : "ASYNCHRONOUS");
}

static void cancel(pthread_t t, const char *name)
{
    printf("pthread_cancel(%s): %s\n", name, strerror(pthread_cancel(t)));
}

static void threads(void)
{
    pthread_t t;

    printf("deferred:\n");
    t = start(deferred_body);
    cancel(t, "deferred");
    printf("sem_post\n");
    (void)sem_post(&go);
    join(t, "deferred");

    printf("disabled:\n");
    t = start(disabled_body);
    cancel(t, "disabled");
    (void)sem_post(&go);
    join(t, "disabled");

    printf("asynchronous:\n");
    t = start(async_body);
    cancel(t, "async");
    printf("after the cancel\n");
    join(t, "async");

    printf("deferred, then asynchronous:\n");
    t = start(turning_body);
    cancel(t, "turning");
    (void)sem_post(&go);
    join(t, "turning");

    printf("itself:\n");
    t = start(self_body);
    join(t, "self");

    printf("nanosleep:\n");
    t = start(sleeper_body);
    cancel(t, "sleeper");
    join(t, "sleeper");

    printf("a join cycle:\n");
    t = start(joining_body);
    printf("pthread_join(joining): %s\n", strerror(pthread_join(t, NULL)));
    cancel(t, "joining");
    join(t, "joining");

    printf("pthread_exit:\n");
    t = start(exiting_body);
    join(t, "exiting");
    printf("pthread_cancel(exited): %s\n", strerror(pthread_cancel(t)));
}

static rtems_task classic_body(rtems_task_argument arg)
{
    (void)arg;
    pthread_cleanup_push(cleanup, "classic");
    printf("  classic: waits\n");
    (void)rtems_task_wake_after(RTEMS_MILLISECONDS_TO_TICKS(100));
    printf("  classic: not reached\n");
    pthread_cleanup_pop(0);
    rtems_task_exit();
}

static void classic_tasks(void)
{
    rtems_id id;

    printf("Classic task:\n");
    (void)rtems_task_create(rtems_build_name('C', 'L', 'S', '1'), 100, RTEMS_MINIMUM_STACK_SIZE,
                            RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    (void)rtems_task_start(id, classic_body, 0);
    cancel(id, "classic");
    printf("after the cancel: rtems_task_suspend: %s\n", rtems_status_text(rtems_task_suspend(id)));
    (void)rtems_task_create(rtems_build_name('C', 'L', 'S', '2'), 100, RTEMS_MINIMUM_STACK_SIZE,
                            RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    cancel(id, "dormant");
    printf("rtems_task_start: %s\n", rtems_status_text(rtems_task_start(id, classic_body, 0)));
}

static void show_name(pthread_t t, size_t len)
{
    char name[32];
    int rc;

    memset(name, '#', sizeof(name));
    rc = pthread_getname_np(t, name, len);
    printf("pthread_getname_np(len %u): %s \"%s\"\n", (unsigned)len, strerror(rc), name);
}

static void names(void)
{
    pthread_t self = pthread_self();
    rtems_id id;
    rtems_name classic = 0;

    printf("names:\n");
    show_name(self, 32);
    printf("pthread_setname_np(\"init\"): %s\n", strerror(pthread_setname_np(self, "init")));
    show_name(self, 32);
    show_name(self, 5);
    show_name(self, 4);
    printf("pthread_setname_np(16 characters): %s\n",
           strerror(pthread_setname_np(self, "abcdefghijklmnop")));
    show_name(self, 32);
    printf("pthread_setname_np(15 characters): %s\n",
           strerror(pthread_setname_np(self, "abcdefghijklmno")));
    show_name(self, 32);
    printf("pthread_setname_np(no thread): %s\n", strerror(pthread_setname_np(NO_THREAD, "x")));
    show_name(NO_THREAD, 32);
    (void)rtems_task_create(rtems_build_name('T', 'S', 'K', 1), 100, RTEMS_MINIMUM_STACK_SIZE,
                            RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    show_name(id, 32);
    show_name(id, 2);
    printf("pthread_setname_np(task, \"renamed\"): %s\n",
           strerror(pthread_setname_np(id, "renamed")));
    show_name(id, 32);
    (void)rtems_object_get_classic_name(id, &classic);
    printf("its Classic name: %s\n",
           classic == rtems_build_name('T', 'S', 'K', 1) ? "unchanged" : "changed");
    (void)rtems_task_delete(id);
}

void *POSIX_Init(void *argument)
{
    (void)argument;
    printf("*** BEGIN OF PSX05 ***\n");
    (void)pthread_setschedparam(pthread_self(), SCHED_FIFO,
                                &(struct sched_param){.sched_priority = 50});
    init_thread = pthread_self();
    (void)sem_init(&go, 0, 0);
    (void)pthread_key_create(&key, destructor);
    errors();
    threads();
    classic_tasks();
    names();
    printf("*** END OF PSX05 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK    1000
#define CONFIGURE_MAXIMUM_TASKS            2
#define CONFIGURE_MAXIMUM_POSIX_THREADS    2
#define CONFIGURE_MAXIMUM_POSIX_KEYS       1
#define CONFIGURE_MAXIMUM_POSIX_SEMAPHORES 1
#define CONFIGURE_POSIX_INIT_THREAD_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
