/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX synchronization and clocks on the executive: mutexes (types,
 * static initializer, priority order, inheritance, ceiling, timed lock),
 * condition variables (FIFO signal order, clock attribute, timeouts),
 * semaphores (priority order, errors; named ones: open, exclusive create,
 * unlink, close, the shared table), barriers, read-write locks,
 * spinlocks, clock_gettime/settime/getres, nanosleep, clock_nanosleep
 * (relative and absolute), usleep and sysconf.
 *
 * Waiters A, B and C start in that order at POSIX priorities 60, 55 and 70,
 * all above Init (50), so each blocks at once: FIFO order is A B C,
 * priority order C A B.
 */
#include <rtems.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum kind { MUTEX, COND, SEMAPHORE, BARRIER, READER, WRITER, TIMED_MUTEX, CEILING };

static enum kind kind;
static pthread_mutex_t mutex;
static pthread_cond_t cond;
static sem_t sem;
static pthread_barrier_t barrier;
static pthread_rwlock_t rwlock;

static void show(const char *what, int eno)
{
    printf("%s: %s\n", what, eno == 0 ? "ok" : strerror(eno));
}

/* For the functions that report through errno. */
static void show_errno(const char *what, int rc)
{
    printf("%s: %s\n", what, rc == 0 ? "ok" : strerror(errno));
}

static uint64_t now_ns(clockid_t clock)
{
    struct timespec ts;

    (void)clock_gettime(clock, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static struct timespec in_ms(clockid_t clock, unsigned ms)
{
    uint64_t t = now_ns(clock) + (uint64_t)ms * 1000000u;

    return (struct timespec){.tv_sec = (time_t)(t / 1000000000u),
                             .tv_nsec = (long)(t % 1000000000u)};
}

static rtems_task_priority task_priority(void)
{
    rtems_task_priority p = 0;

    (void)rtems_task_set_priority(RTEMS_SELF, RTEMS_CURRENT_PRIORITY, &p);
    return p;
}

static void *waiter(void *arg)
{
    const char *name = arg;
    struct timespec soon;
    int eno;

    switch (kind) {
    case MUTEX:
        eno = pthread_mutex_lock(&mutex);
        printf("%s: got the mutex: %s\n", name, strerror(eno));
        (void)pthread_mutex_unlock(&mutex);
        break;
    case COND:
        (void)pthread_mutex_lock(&mutex);
        eno = pthread_cond_wait(&cond, &mutex);
        printf("%s: woke: %s\n", name, strerror(eno));
        (void)pthread_mutex_unlock(&mutex);
        break;
    case SEMAPHORE:
        eno = sem_wait(&sem);
        printf("%s: got the semaphore: %s\n", name, eno == 0 ? "ok" : strerror(errno));
        break;
    case BARRIER:
        eno = pthread_barrier_wait(&barrier);
        printf("%s: passed the barrier: %s\n", name,
               eno == PTHREAD_BARRIER_SERIAL_THREAD ? "serial" : strerror(eno));
        break;
    case READER:
        eno = pthread_rwlock_rdlock(&rwlock);
        printf("%s: reads: %s\n", name, strerror(eno));
        (void)pthread_rwlock_unlock(&rwlock);
        break;
    case WRITER:
        eno = pthread_rwlock_wrlock(&rwlock);
        printf("%s: writes: %s\n", name, strerror(eno));
        (void)pthread_rwlock_unlock(&rwlock);
        break;
    case TIMED_MUTEX:
        soon = in_ms(CLOCK_REALTIME, 20);
        eno = pthread_mutex_timedlock(&mutex, &soon);
        printf("%s: timed lock: %s, after the deadline: %s\n", name, strerror(eno),
               now_ns(CLOCK_REALTIME) >= (uint64_t)soon.tv_sec * 1000000000u + soon.tv_nsec ? "yes"
                                                                                            : "no");
        break;
    case CEILING:
        printf("%s: lock above the ceiling: %s\n", name, strerror(pthread_mutex_lock(&mutex)));
        break;
    }
    return NULL;
}

static pthread_t start(const char *name, int priority)
{
    pthread_attr_t attr;
    pthread_t t = 0;

    (void)pthread_attr_init(&attr);
    (void)pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
    (void)pthread_attr_setschedparam(&attr, &(struct sched_param){.sched_priority = priority});
    if (pthread_create(&t, &attr, waiter, (void *)name) != 0) {
        printf("create %s failed\n", name);
    }
    return t;
}

static void start_abc(enum kind k, pthread_t t[3])
{
    kind = k;
    t[0] = start("A", 60);
    t[1] = start("B", 55);
    t[2] = start("C", 70);
}

static void join_all(pthread_t *t, int n)
{
    for (int i = 0; i < n; i++) {
        (void)pthread_join(t[i], NULL);
    }
}

static void mutex_types(void)
{
    pthread_mutexattr_t attr;
    pthread_mutex_t m;
    pthread_mutex_t s = PTHREAD_MUTEX_INITIALIZER;

    (void)pthread_mutexattr_init(&attr);
    show("mutex_init default", pthread_mutex_init(&m, NULL));
    show("lock", pthread_mutex_lock(&m));
    show("trylock own normal", pthread_mutex_trylock(&m));
    show("lock own normal", pthread_mutex_lock(&m));
    show("destroy locked", pthread_mutex_destroy(&m));
    show("unlock", pthread_mutex_unlock(&m));
    show("unlock unlocked", pthread_mutex_unlock(&m));
    show("destroy", pthread_mutex_destroy(&m));
    show("lock destroyed", pthread_mutex_lock(&m));
    show("settype 99", pthread_mutexattr_settype(&attr, 99));
    (void)pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
    (void)pthread_mutex_init(&m, &attr);
    show("errorcheck lock", pthread_mutex_lock(&m));
    show("errorcheck relock", pthread_mutex_lock(&m));
    (void)pthread_mutex_unlock(&m);
    (void)pthread_mutex_destroy(&m);
    (void)pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    (void)pthread_mutex_init(&m, &attr);
    for (int i = 0; i < 3; i++) {
        show("recursive lock", pthread_mutex_lock(&m));
    }
    for (int i = 0; i < 4; i++) {
        show("recursive unlock", pthread_mutex_unlock(&m));
    }
    (void)pthread_mutex_destroy(&m);
    show("static initializer lock", pthread_mutex_lock(&s));
    printf("static mutex id 0x%08" PRIx32 "\n", (uint32_t)s);
    show("static initializer unlock", pthread_mutex_unlock(&s));
    (void)pthread_mutex_destroy(&s);
    (void)pthread_mutexattr_destroy(&attr);
}

static void mutex_order(void)
{
    pthread_t t[3];

    (void)pthread_mutex_init(&mutex, NULL);
    (void)pthread_mutex_lock(&mutex);
    start_abc(MUTEX, t);
    printf("Init unlocks with A B C waiting\n");
    (void)pthread_mutex_unlock(&mutex);
    join_all(t, 3);
    kind = TIMED_MUTEX;
    (void)pthread_mutex_lock(&mutex);
    t[0] = start("T", 60);
    (void)usleep(50000);
    (void)pthread_mutex_unlock(&mutex);
    join_all(t, 1);
    (void)pthread_mutex_destroy(&mutex);
}

static void mutex_protocols(void)
{
    pthread_mutexattr_t attr;
    pthread_t t;
    int ceiling = 0;

    (void)pthread_mutexattr_init(&attr);
    show("setprotocol inherit", pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT));
    (void)pthread_mutex_init(&mutex, &attr);
    (void)pthread_mutex_lock(&mutex);
    printf("Init holds the inheritance mutex at task priority %" PRIu32 "\n", task_priority());
    kind = MUTEX;
    t = start("H", 70);
    printf("H waits: Init at task priority %" PRIu32 "\n", task_priority());
    (void)pthread_mutex_unlock(&mutex);
    printf("Init released it: task priority %" PRIu32 "\n", task_priority());
    join_all(&t, 1);
    (void)pthread_mutex_destroy(&mutex);
    show("setprotocol protect", pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_PROTECT));
    show("setprioceiling 80", pthread_mutexattr_setprioceiling(&attr, 80));
    show("setprioceiling 255", pthread_mutexattr_setprioceiling(&attr, 255));
    show("setprotocol 99", pthread_mutexattr_setprotocol(&attr, 99));
    (void)pthread_mutex_init(&mutex, &attr);
    (void)pthread_mutex_getprioceiling(&mutex, &ceiling);
    printf("ceiling %d\n", ceiling);
    (void)pthread_mutex_lock(&mutex);
    printf("Init holds the ceiling mutex at task priority %" PRIu32 "\n", task_priority());
    (void)pthread_mutex_unlock(&mutex);
    printf("Init released it: task priority %" PRIu32 "\n", task_priority());
    kind = CEILING;
    t = start("P", 90);
    join_all(&t, 1);
    (void)pthread_mutex_destroy(&mutex);
    (void)pthread_mutexattr_destroy(&attr);
}

static void conditions(void)
{
    pthread_condattr_t attr;
    pthread_cond_t timed;
    pthread_t t[3];
    struct timespec deadline;
    clockid_t clock = 0;

    (void)pthread_mutex_init(&mutex, NULL);
    (void)pthread_cond_init(&cond, NULL);
    start_abc(COND, t);
    for (int i = 0; i < 3; i++) {
        printf("Init signals\n");
        show("signal", pthread_cond_signal(&cond));
    }
    join_all(t, 3);
    start_abc(COND, t);
    printf("Init broadcasts\n");
    show("broadcast", pthread_cond_broadcast(&cond));
    join_all(t, 3);
    show("wait without the mutex", pthread_cond_wait(&cond, &mutex));
    (void)pthread_condattr_init(&attr);
    show("setclock monotonic", pthread_condattr_setclock(&attr, CLOCK_MONOTONIC));
    show("setclock 99", pthread_condattr_setclock(&attr, 99));
    (void)pthread_condattr_getclock(&attr, &clock);
    printf("clock is monotonic: %s\n", clock == CLOCK_MONOTONIC ? "yes" : "no");
    (void)pthread_cond_init(&timed, &attr);
    (void)pthread_mutex_lock(&mutex);
    deadline = in_ms(CLOCK_MONOTONIC, 30);
    show("monotonic timedwait", pthread_cond_timedwait(&timed, &mutex, &deadline));
    printf("after the deadline: %s\n",
           now_ns(CLOCK_MONOTONIC) >= (uint64_t)deadline.tv_sec * 1000000000u + deadline.tv_nsec
               ? "yes"
               : "no");
    show("mutex held again (trylock)", pthread_mutex_trylock(&mutex));
    deadline = in_ms(CLOCK_REALTIME, 0);
    show("realtime timedwait, past deadline", pthread_cond_timedwait(&cond, &mutex, &deadline));
    deadline.tv_nsec = 1000000000;
    show("timedwait, bad deadline", pthread_cond_timedwait(&cond, &mutex, &deadline));
    (void)pthread_mutex_unlock(&mutex);
    (void)pthread_cond_destroy(&timed);
    (void)pthread_cond_destroy(&cond);
    (void)pthread_mutex_destroy(&mutex);
}

static void semaphores(void)
{
    pthread_t t[3];
    struct timespec deadline;
    int value = -1;

    show_errno("sem_init 0", sem_init(&sem, 0, 0));
    start_abc(SEMAPHORE, t);
    for (int i = 0; i < 3; i++) {
        printf("Init posts\n");
        show_errno("post", sem_post(&sem));
    }
    join_all(t, 3);
    show_errno("trywait at 0", sem_trywait(&sem));
    (void)sem_post(&sem);
    (void)sem_post(&sem);
    (void)sem_getvalue(&sem, &value);
    printf("value %d\n", value);
    show_errno("trywait", sem_trywait(&sem));
    show_errno("wait", sem_wait(&sem));
    deadline = in_ms(CLOCK_REALTIME, 20);
    show_errno("timedwait 20 ms", sem_timedwait(&sem, &deadline));
    show_errno("destroy", sem_destroy(&sem));
    show_errno("post destroyed", sem_post(&sem));
    show_errno("sem_init too large", sem_init(&sem, 0, (unsigned)SEM_VALUE_MAX + 1u));
}

static void show_open(const char *what, const sem_t *s)
{
    printf("%s: %s\n", what, s != SEM_FAILED ? "ok" : strerror(errno));
}

static pthread_t waiter_thread;

static void named_semaphores(void)
{
    sem_t *s;
    sem_t *again;
    int value = -1;

    s = sem_open("/psx02", O_CREAT, 0600, 1);
    show_open("sem_open create", s);
    again = sem_open("/psx02", 0);
    printf("sem_open existing: the same semaphore: %s\n", again == s ? "yes" : "no");
    show_open("sem_open O_EXCL existing", sem_open("/psx02", O_CREAT | O_EXCL, 0600, 0));
    show_open("sem_open missing", sem_open("/none", 0));
    show_open("sem_open second name, table full", sem_open("/other", O_CREAT, 0600, 0));
    show_open("sem_open 32-character name",
              sem_open("/abcdefghijklmnopqrstuvwxyz01234", O_CREAT, 0600, 0));
    show_open("sem_open too large", sem_open("/big", O_CREAT, 0600, (unsigned)SEM_VALUE_MAX + 1u));
    show_errno("wait", sem_wait(s));
    show_errno("trywait at 0", sem_trywait(s));
    show_errno("post", sem_post(s));
    (void)sem_getvalue(s, &value);
    printf("value %d\n", value);
    show_errno("destroy named", sem_destroy(s));
    show_errno("unlink", sem_unlink("/psx02"));
    show_open("sem_open unlinked", sem_open("/psx02", 0));
    show_errno("unlink again", sem_unlink("/psx02"));
    show_errno("unlinked, still open: wait", sem_wait(s));
    show_errno("close", sem_close(s));
    show_errno("close the second opening", sem_close(again));
    show_errno("wait after the last close", sem_wait(s));
    show_open("sem_open recreates", s = sem_open("/psx02", O_CREAT, 0600, 0));
    /* A waiter through a copy of the handle when the semaphore goes away. */
    sem = *s;
    kind = SEMAPHORE;
    waiter_thread = start("X", 60);
    show_errno("unlink", sem_unlink("/psx02"));
    show_errno("close with X waiting", sem_close(s));
    join_all(&waiter_thread, 1);
}

static void barriers_and_locks(void)
{
    pthread_t t[3];
    pthread_spinlock_t spin;
    int eno;

    show("barrier count 0", pthread_barrier_init(&barrier, NULL, 0));
    show("barrier_init 3", pthread_barrier_init(&barrier, NULL, 3));
    kind = BARRIER;
    t[0] = start("A", 60);
    t[1] = start("B", 55);
    printf("Init arrives third\n");
    eno = pthread_barrier_wait(&barrier);
    printf("Init: passed the barrier: %s\n",
           eno == PTHREAD_BARRIER_SERIAL_THREAD ? "serial" : strerror(eno));
    join_all(t, 2);
    show("barrier_destroy", pthread_barrier_destroy(&barrier));

    show("rwlock_init", pthread_rwlock_init(&rwlock, NULL));
    show("rdlock", pthread_rwlock_rdlock(&rwlock));
    show("rdlock again", pthread_rwlock_rdlock(&rwlock));
    kind = WRITER;
    t[0] = start("W", 60);
    kind = READER;
    t[1] = start("R", 55);
    printf("Init unlocks twice with W then R waiting\n");
    (void)pthread_rwlock_unlock(&rwlock);
    (void)pthread_rwlock_unlock(&rwlock);
    join_all(t, 2);
    show("trywrlock", pthread_rwlock_trywrlock(&rwlock));
    show("tryrdlock while written", pthread_rwlock_tryrdlock(&rwlock));
    show("wrlock again", pthread_rwlock_wrlock(&rwlock));
    show("unlock", pthread_rwlock_unlock(&rwlock));
    show("unlock unlocked", pthread_rwlock_unlock(&rwlock));
    show("rwlock_destroy", pthread_rwlock_destroy(&rwlock));

    show("spin_init", pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE));
    show("spin_lock", pthread_spin_lock(&spin));
    show("spin_trylock own", pthread_spin_trylock(&spin));
    show("spin_destroy locked", pthread_spin_destroy(&spin));
    show("spin_unlock", pthread_spin_unlock(&spin));
    show("spin_unlock again", pthread_spin_unlock(&spin));
    show("spin_destroy", pthread_spin_destroy(&spin));
}

static void clocks(void)
{
    struct timespec ts = {.tv_sec = 1000000000, .tv_nsec = 0};
    struct timespec deadline;
    uint64_t before;

    (void)clock_getres(CLOCK_REALTIME, &deadline);
    printf("resolution %ld.%09ld s\n", (long)deadline.tv_sec, deadline.tv_nsec);
    show_errno("settime 2001-09-09", clock_settime(CLOCK_REALTIME, &ts));
    (void)clock_gettime(CLOCK_REALTIME, &deadline);
    printf("realtime seconds %lld\n", (long long)deadline.tv_sec);
    ts.tv_sec = 100;
    show_errno("settime 1970", clock_settime(CLOCK_REALTIME, &ts));
    show_errno("settime monotonic", clock_settime(CLOCK_MONOTONIC, &ts));
    show_errno("gettime clock 99", clock_gettime(99, &ts));
    before = now_ns(CLOCK_MONOTONIC);
    ts = (struct timespec){.tv_sec = 0, .tv_nsec = 25000000};
    show_errno("nanosleep 25 ms", nanosleep(&ts, NULL));
    printf("slept at least 25 ms: %s\n",
           now_ns(CLOCK_MONOTONIC) - before >= 25000000u ? "yes" : "no");
    ts.tv_nsec = -1;
    show_errno("nanosleep bad", nanosleep(&ts, NULL));
    deadline = in_ms(CLOCK_MONOTONIC, 30);
    show("clock_nanosleep monotonic absolute",
         clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL));
    printf("after the deadline: %s\n",
           now_ns(CLOCK_MONOTONIC) >= (uint64_t)deadline.tv_sec * 1000000000u + deadline.tv_nsec
               ? "yes"
               : "no");
    deadline = in_ms(CLOCK_REALTIME, 20);
    show("clock_nanosleep realtime absolute",
         clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &deadline, NULL));
    printf("after the deadline: %s\n",
           now_ns(CLOCK_REALTIME) >= (uint64_t)deadline.tv_sec * 1000000000u + deadline.tv_nsec
               ? "yes"
               : "no");
    show("clock_nanosleep clock 99", clock_nanosleep(99, 0, &deadline, NULL));
    before = now_ns(CLOCK_MONOTONIC);
    show_errno("usleep 15 ms", usleep(15000));
    printf("slept at least 15 ms: %s\n",
           now_ns(CLOCK_MONOTONIC) - before >= 15000000u ? "yes" : "no");
    printf("sleep 0: %u\n", sleep(0));
    printf("sysconf ticks per second %ld, processors %ld\n", sysconf(_SC_CLK_TCK),
           sysconf(_SC_NPROCESSORS_ONLN));
}

void *POSIX_Init(void *argument)
{
    (void)argument;
    printf("*** BEGIN OF PSX02 ***\n");
    (void)pthread_setschedparam(pthread_self(), SCHED_FIFO,
                                &(struct sched_param){.sched_priority = 50});
    mutex_types();
    mutex_order();
    mutex_protocols();
    conditions();
    semaphores();
    named_semaphores();
    barriers_and_locks();
    clocks();
    printf("*** END OF PSX02 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MAXIMUM_POSIX_THREADS             4
#define CONFIGURE_MAXIMUM_POSIX_MUTEXES             2
#define CONFIGURE_MAXIMUM_POSIX_CONDITION_VARIABLES 2
#define CONFIGURE_MAXIMUM_POSIX_SEMAPHORES          1
#define CONFIGURE_MAXIMUM_POSIX_BARRIERS            1
#define CONFIGURE_MAXIMUM_POSIX_RWLOCKS             1
#define CONFIGURE_MAXIMUM_POSIX_SPINLOCKS           1
#define CONFIGURE_POSIX_INIT_THREAD_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
