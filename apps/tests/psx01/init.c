/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX threads on the executive: the POSIX initialization thread, thread
 * ids and priorities (as RTEMS maps them onto task priorities), creation
 * with explicit and inherited scheduling, join before and after the end of
 * a thread, detach, yield among equals, SCHED_FIFO against SCHED_RR and
 * SCHED_OTHER timeslicing (the threads announce the ticks themselves with
 * rtems_clock_tick, as sched01 does), keys with destructors (also in a
 * Classic task, whose values go with it, through its destructors at
 * rtems_task_exit as in RTEMS 5 and later), once, the table limit, and the
 * task directives on a POSIX thread (a joiner of a thread deleted by
 * rtems_task_delete gets PTHREAD_CANCELED).
 *
 * Init raises itself above the threads it creates, so they start in
 * creation order A B C (POSIX priorities 10, 5, 20) but run in priority
 * order C A B once it lowers itself: FIFO and priority order differ.
 */
#include <rtems.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *policy_name(int policy)
{
    switch (policy) {
    case SCHED_FIFO:
        return "FIFO";
    case SCHED_RR:
        return "RR";
    case SCHED_OTHER:
        return "OTHER";
    default:
        return "?";
    }
}

static void show(const char *what, int eno)
{
    printf("%s: %s\n", what, eno == 0 ? "ok" : strerror(eno));
}

static void set_self(int policy, int priority)
{
    struct sched_param param = {.sched_priority = priority};

    show("setschedparam self", pthread_setschedparam(pthread_self(), policy, &param));
}

static void print_self(const char *who)
{
    struct sched_param param;
    int policy;
    rtems_task_priority classic = 0;

    (void)pthread_getschedparam(pthread_self(), &policy, &param);
    (void)rtems_task_set_priority(RTEMS_SELF, RTEMS_CURRENT_PRIORITY, &classic);
    printf("%s: id 0x%08" PRIx32 " policy %s priority %d (task priority %" PRIu32 ")\n", who,
           (uint32_t)pthread_self(), policy_name(policy), param.sched_priority, classic);
}

static void *letter_thread(void *arg)
{
    const char *name = arg;

    print_self(name);
    return (void *)(uintptr_t)name[0];
}

static pthread_t create_explicit(int priority, void *(*body)(void *), void *arg)
{
    pthread_attr_t attr;
    struct sched_param param = {.sched_priority = priority};
    pthread_t t = 0;

    (void)pthread_attr_init(&attr);
    (void)pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
    (void)pthread_attr_setschedpolicy(&attr, SCHED_FIFO);
    (void)pthread_attr_setschedparam(&attr, &param);
    show("create", pthread_create(&t, &attr, body, arg));
    return t;
}

static void join_and_show(pthread_t t)
{
    void *value = NULL;
    int eno = pthread_join(t, &value);

    printf("join 0x%08" PRIx32 ": %s, value '%c'\n", (uint32_t)t, eno == 0 ? "ok" : strerror(eno),
           eno == 0 ? (char)(uintptr_t)value : '-');
}

static void attributes(void)
{
    pthread_attr_t attr;
    size_t size = 0;
    int value = 0;
    pthread_t t;
    struct sched_param param = {.sched_priority = 0};

    show("attr_init", pthread_attr_init(&attr));
    (void)pthread_attr_getstacksize(&attr, &size);
    printf("default stack is twice the task minimum: %s\n",
           size == 2 * RTEMS_MINIMUM_STACK_SIZE ? "yes" : "no");
    (void)pthread_attr_getinheritsched(&attr, &value);
    printf("default inheritsched: %s\n", value == PTHREAD_INHERIT_SCHED ? "inherit" : "explicit");
    (void)pthread_attr_getdetachstate(&attr, &value);
    printf("default detachstate: %s\n", value == PTHREAD_CREATE_JOINABLE ? "joinable" : "detached");
    show("setschedpolicy 99", pthread_attr_setschedpolicy(&attr, 99));
    show("setscope system", pthread_attr_setscope(&attr, PTHREAD_SCOPE_SYSTEM));
    show("setdetachstate 99", pthread_attr_setdetachstate(&attr, 99));
    show("create NULL routine", pthread_create(&t, &attr, NULL, NULL));
    (void)pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
    (void)pthread_attr_setschedparam(&attr, &param);
    show("create explicit priority 0", pthread_create(&t, &attr, letter_thread, "X"));
    (void)pthread_attr_destroy(&attr);
    show("create destroyed attr", pthread_create(&t, &attr, letter_thread, "X"));
    printf("priority min %d max %d\n", sched_get_priority_min(SCHED_FIFO),
           sched_get_priority_max(SCHED_RR));
    errno = 0;
    value = sched_get_priority_max(99);
    printf("priority max of policy 99: %d, %s\n", value, strerror(errno));
}

static void priority_order(void)
{
    pthread_t a, b, c;
    rtems_task_priority classic = 0;

    set_self(SCHED_FIFO, 50);
    a = create_explicit(10, letter_thread, "A");
    b = create_explicit(5, letter_thread, "B");
    c = create_explicit(20, letter_thread, "C");
    (void)rtems_task_set_priority(c, RTEMS_CURRENT_PRIORITY, &classic);
    printf("task priority of C by its pthread id: %" PRIu32 "\n", classic);
    printf("equal(A, A) %d equal(A, B) %d\n", pthread_equal(a, a), pthread_equal(a, b));
    printf("Init lowers itself below A B C\n");
    set_self(SCHED_FIFO, 1);
    printf("Init runs again\n");
    join_and_show(a);
    join_and_show(b);
    join_and_show(c);
    join_and_show(c);
}

static void join_detach(void)
{
    pthread_attr_t attr;
    pthread_t t;

    set_self(SCHED_FIFO, 50);
    t = create_explicit(10, letter_thread, "D");
    printf("Init joins D before it ran\n");
    join_and_show(t);
    join_and_show(pthread_self());
    t = create_explicit(10, letter_thread, "F");
    show("detach F", pthread_detach(t));
    show("detach F again", pthread_detach(t));
    join_and_show(t);
    (void)pthread_attr_init(&attr);
    (void)pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    (void)pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
    (void)pthread_attr_setschedparam(&attr, &(struct sched_param){.sched_priority = 60});
    show("create detached E", pthread_create(&t, &attr, letter_thread, "E"));
    join_and_show(t);
    set_self(SCHED_FIFO, 1); /* F runs and ends */
    printf("F gone: %s\n", rtems_task_set_priority(t, RTEMS_CURRENT_PRIORITY,
                                                   &(rtems_task_priority){0}) == RTEMS_INVALID_ID
                               ? "yes"
                               : "no");
    show("setschedparam unknown thread",
         pthread_setschedparam(0x0b01ffff, SCHED_FIFO, &(struct sched_param){.sched_priority = 3}));
    show("setschedparam priority 255",
         pthread_setschedparam(pthread_self(), SCHED_FIFO,
                               &(struct sched_param){.sched_priority = 255}));
}

static void *equal_thread(void *arg)
{
    print_self(arg);
    printf("G yields\n");
    (void)sched_yield();
    printf("G ends\n");
    return (void *)(uintptr_t)'G';
}

static void inherited_and_yield(void)
{
    pthread_t g;

    set_self(SCHED_RR, 40);
    print_self("Init");
    show("create G inheriting", pthread_create(&g, NULL, equal_thread, "G"));
    printf("Init yields\n");
    (void)sched_yield();
    printf("Init back\n");
    join_and_show(g);
}

static char trace[64];
static int trace_len;

/* Runs for 12 ticks, marking each; the timeslice is 4 ticks. */
static void *slicer(void *arg)
{
    for (int i = 0; i < 12; i++) {
        if (trace_len < (int)sizeof(trace) - 1) {
            trace[trace_len++] = *(const char *)arg;
        }
        (void)rtems_clock_tick();
    }
    return NULL;
}

static void policy_run(int policy)
{
    static const char *const letters[] = {"a", "b", "c"};
    pthread_attr_t attr;
    pthread_t t[3];

    set_self(SCHED_FIFO, 50);
    trace_len = 0;
    (void)pthread_attr_init(&attr);
    (void)pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
    (void)pthread_attr_setschedpolicy(&attr, policy);
    (void)pthread_attr_setschedparam(&attr, &(struct sched_param){.sched_priority = 10});
    for (int i = 0; i < 3; i++) {
        (void)pthread_create(&t[i], &attr, slicer, (void *)letters[i]);
    }
    for (int i = 0; i < 3; i++) {
        (void)pthread_join(t[i], NULL);
    }
    trace[trace_len] = '\0';
    printf("%s: %s\n", policy_name(policy), trace);
}

static void policies(void)
{
    policy_run(SCHED_FIFO);
    policy_run(SCHED_RR);
    policy_run(SCHED_OTHER);
}

static pthread_key_t key;
static int init_value = 1;
static int h_value = 2;

static void destructor(void *value)
{
    printf("destructor of value %d, key value now %s\n", *(int *)value,
           pthread_getspecific(key) == NULL ? "NULL" : "set");
}

static void *key_thread(void *arg)
{
    (void)arg;
    printf("H: value %s\n", pthread_getspecific(key) == NULL ? "NULL" : "set");
    show("H setspecific", pthread_setspecific(key, &h_value));
    printf("H: value %d\n", *(int *)pthread_getspecific(key));
    pthread_exit((void *)(uintptr_t)'H');
}

static void keys(void)
{
    pthread_key_t plain;
    pthread_t h;

    set_self(SCHED_FIFO, 50);
    show("key_create", pthread_key_create(&key, destructor));
    show("key_create plain", pthread_key_create(&plain, NULL));
    show("key_create third", pthread_key_create(&(pthread_key_t){0}, NULL));
    show("Init setspecific", pthread_setspecific(key, &init_value));
    show("Init setspecific plain", pthread_setspecific(plain, &h_value));
    h = create_explicit(60, key_thread, NULL);
    join_and_show(h);
    printf("Init: value %d, plain %d\n", *(int *)pthread_getspecific(key),
           *(int *)pthread_getspecific(plain));
    show("key_delete plain", pthread_key_delete(plain));
    printf("deleted key value: %s\n", pthread_getspecific(plain) == NULL ? "NULL" : "set");
    show("setspecific deleted key", pthread_setspecific(plain, &h_value));
    show("key_delete again", pthread_key_delete(plain));
}

static rtems_task classic_task(rtems_task_argument round)
{
    printf("Classic task, round %d: value %s\n", (int)round,
           pthread_getspecific(key) == NULL ? "NULL" : "set");
    show("Classic task setspecific", pthread_setspecific(key, &h_value));
    rtems_task_exit();
}

/*
 * A task's values go with it, through the destructor at rtems_task_exit:
 * the next task in its table slot starts with none.
 */
static void classic_keys(void)
{
    rtems_id id;

    for (int round = 1; round <= 2; round++) {
        (void)rtems_task_create(rtems_build_name('T', 'A', 'S', 'K'), 1, RTEMS_MINIMUM_STACK_SIZE,
                                RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
        printf("Classic task id 0x%08" PRIx32 "\n", id);
        (void)rtems_task_start(id, classic_task, (rtems_task_argument)round);
    }
}

static pthread_t victim;

static void *deleter(void *arg)
{
    (void)arg;
    printf("K deletes J: %s\n", rtems_status_text(rtems_task_delete(victim)));
    return (void *)(uintptr_t)'K';
}

static void deleted_while_joined(void)
{
    void *value = NULL;
    pthread_t k;

    set_self(SCHED_FIFO, 50);
    victim = create_explicit(5, letter_thread, "J");
    k = create_explicit(40, deleter, NULL);
    show("Init joins J", pthread_join(victim, &value));
    printf("J's value is PTHREAD_CANCELED: %s\n", value == PTHREAD_CANCELED ? "yes" : "no");
    join_and_show(k);
}

static int once_count;

static void once_routine(void)
{
    once_count++;
    printf("once routine runs\n");
}

static void once(void)
{
    pthread_once_t control = PTHREAD_ONCE_INIT;
    pthread_once_t never = {0, 0};

    show("once", pthread_once(&control, once_routine));
    show("once again", pthread_once(&control, once_routine));
    show("once uninitialized", pthread_once(&never, once_routine));
    printf("once routine ran %d time(s)\n", once_count);
}

static void table_limit(void)
{
    pthread_t t;
    int created = 0;
    int eno;

    set_self(SCHED_FIFO, 50);
    while ((eno = pthread_create(&t, NULL, letter_thread, "Z")) == 0) {
        created++;
    }
    printf("created %d more threads, then: %s\n", created, strerror(eno));
}

void *POSIX_Init(void *argument)
{
    (void)argument;
    printf("*** BEGIN OF PSX01 ***\n");
    print_self("Init");
    attributes();
    priority_order();
    join_detach();
    inherited_and_yield();
    policies();
    keys();
    classic_keys();
    deleted_while_joined();
    once();
    table_limit();
    printf("*** END OF PSX01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_TICKS_PER_TIMESLICE   4
#define CONFIGURE_MAXIMUM_TASKS         1
#define CONFIGURE_MAXIMUM_POSIX_THREADS 5
#define CONFIGURE_MAXIMUM_POSIX_KEYS    2
#define CONFIGURE_POSIX_INIT_THREAD_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
