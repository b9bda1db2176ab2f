/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Signals as RTEMS declares them and sleeps that signals interrupt: RTEMS's
 * signal numbers, SIGRTMIN/SIGRTMAX, the set functions (bit signo - 1,
 * EINVAL for a bad number), SA_SIGINFO handlers and sigqueue; nanosleep,
 * clock_nanosleep, sleep and usleep ended early by a signal the sleeper
 * does not block (EINTR, the handler first, the time not slept), not by
 * one it blocks; a process signal taken by the thread that sends it
 * instead of a sleeper; the handler of a signal that pthread_kill hands to
 * a sigtimedwait of a thread that does not block it (as RTEMS).
 *
 * Init runs at POSIX priority 50; a helper thread (40, lower) acts while
 * Init sleeps: it waits a little, then sends a signal.
 */
#include <rtems.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define TICK_NS     1000000L /* CONFIGURE_MICROSECONDS_PER_TICK below */
#define HELPER_WAIT 20000u   /* us the helper waits before it acts */

static pthread_t init_thread;
static volatile int handled;    /* handler calls since the last check */
static volatile int handled_by; /* 1: Init, 2: another thread */
static volatile int info_code;  /* si_code of the last SA_SIGINFO call */
static volatile int info_value; /* its sival_int */
static volatile int info_signo; /* its si_signo */

static void handler(int sig)
{
    (void)sig;
    handled++;
    handled_by = pthread_equal(pthread_self(), init_thread) ? 1 : 2;
}

static void info_handler(int sig, siginfo_t *info, void *context)
{
    (void)context;
    handled++;
    info_signo = sig == info->si_signo ? sig : -1;
    info_code = info->si_code;
    info_value = info->si_value.sival_int;
}

static const char *ok(int rc)
{
    return rc == 0 ? "ok" : strerror(errno);
}

static void numbers(void)
{
    printf("SIGUSR1 %d, SIGUSR2 %d, SIGRTMIN %d, SIGRTMAX %d, NSIG %d, SA_SIGINFO %d\n", SIGUSR1,
           SIGUSR2, SIGRTMIN, SIGRTMAX, NSIG, SA_SIGINFO);
    printf("SIGALRM %d, SIGKILL %d, SIGSTOP %d, SIGCHLD %d\n", SIGALRM, SIGKILL, SIGSTOP, SIGCHLD);
}

/* Prints what a set call returned and the set after it. */
static void show_set(const char *what, int rc, const sigset_t *set)
{
    printf("%s: %s, set 0x%08lx\n", what, ok(rc), (unsigned long)*set);
}

static void sets(void)
{
    sigset_t set;
    int rc;

    rc = sigemptyset(&set);
    show_set("sigemptyset", rc, &set);
    rc = sigaddset(&set, SIGUSR1);
    show_set("sigaddset(SIGUSR1)", rc, &set);
    rc = sigaddset(&set, SIGHUP);
    show_set("sigaddset(SIGHUP)", rc, &set);
    printf("sigismember(SIGUSR1) %d, (SIGUSR2) %d\n", sigismember(&set, SIGUSR1),
           sigismember(&set, SIGUSR2));
    rc = sigdelset(&set, SIGHUP);
    show_set("sigdelset(SIGHUP)", rc, &set);
    rc = sigfillset(&set);
    show_set("sigfillset", rc, &set);
    rc = sigaddset(&set, 0);
    printf("sigaddset(0): %d %s\n", rc, strerror(errno));
    rc = sigaddset(&set, NSIG);
    printf("sigaddset(NSIG): %d %s\n", rc, strerror(errno));
    rc = sigdelset(&set, -1);
    printf("sigdelset(-1): %d %s\n", rc, strerror(errno));
    rc = sigismember(&set, NSIG);
    printf("sigismember(NSIG): %d %s\n", rc, strerror(errno));
    rc = sigemptyset(NULL);
    printf("sigemptyset(NULL): %d %s\n", rc, strerror(errno));
}

static void block(int how, int sig)
{
    sigset_t set;

    (void)sigemptyset(&set);
    (void)sigaddset(&set, sig);
    (void)sigprocmask(how, &set, NULL);
}

static void pending_bits(void)
{
    struct sigaction act = {.sa_handler = handler};
    sigset_t pending;

    (void)sigaction(SIGUSR1, &act, NULL);
    block(SIG_BLOCK, SIGUSR1);
    (void)pthread_kill(pthread_self(), SIGUSR1);
    (void)sigpending(&pending);
    printf("SIGUSR1 blocked and sent: pending 0x%08lx\n", (unsigned long)pending);
    handled = 0;
    block(SIG_UNBLOCK, SIGUSR1);
    printf("unblocked: handler ran %d time(s)\n", handled);
}

static void siginfo_handlers(void)
{
    struct sigaction act = {.sa_sigaction = info_handler, .sa_flags = SA_SIGINFO};
    struct sigaction old;
    int rc;

    (void)sigemptyset(&act.sa_mask);
    printf("sigaction(SIGRTMIN, SA_SIGINFO): %s\n", ok(sigaction(SIGRTMIN, &act, NULL)));
    (void)sigaction(SIGRTMIN, NULL, &old);
    printf("queried: SA_SIGINFO %s, the same function: %s\n",
           (old.sa_flags & SA_SIGINFO) != 0 ? "set" : "not set",
           old.sa_sigaction == info_handler ? "yes" : "no");
    handled = 0;
    printf("sigqueue(getpid(), SIGRTMIN, 42): %s\n",
           ok(sigqueue(getpid(), SIGRTMIN, (union sigval){.sival_int = 42})));
    printf("handler: %d call(s), signo %s, code %s, value %d\n", handled,
           info_signo == SIGRTMIN ? "SIGRTMIN" : "wrong",
           info_code == SI_QUEUE ? "SI_QUEUE" : "other", info_value);
    (void)sigaction(SIGRTMAX, &act, NULL);
    (void)pthread_kill(pthread_self(), SIGRTMAX);
    printf("pthread_kill(self, SIGRTMAX): signo %s, code %s\n",
           info_signo == SIGRTMAX ? "SIGRTMAX" : "wrong",
           info_code == SI_USER ? "SI_USER" : "other");
    rc = sigqueue(99, SIGRTMIN, (union sigval){0});
    printf("sigqueue(99, SIGRTMIN): %d %s\n", rc, strerror(errno));
    rc = sigqueue(getpid(), NSIG, (union sigval){0});
    printf("sigqueue(getpid(), NSIG): %d %s\n", rc, strerror(errno));
}

/* What the helper thread does after HELPER_WAIT us. */
enum act { SEND_TO_INIT, SEND_BLOCKED_TO_INIT, KILL_PROCESS_BLOCKED, KILL_PROCESS_TAKEN };

static void *helper(void *arg)
{
    enum act a = (enum act)(uintptr_t)arg;

    (void)usleep(HELPER_WAIT);
    if (a == SEND_TO_INIT) {
        (void)pthread_kill(init_thread, SIGUSR1);
    } else if (a == SEND_BLOCKED_TO_INIT) {
        (void)pthread_kill(init_thread, SIGUSR2);
    } else {
        if (a == KILL_PROCESS_BLOCKED) {
            block(SIG_BLOCK, SIGUSR1);
        }
        (void)kill(getpid(), SIGUSR1);
    }
    return NULL;
}

static pthread_t start_helper(enum act a)
{
    pthread_attr_t attr;
    pthread_t t;

    (void)pthread_attr_init(&attr);
    (void)pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
    (void)pthread_attr_setschedparam(&attr, &(struct sched_param){.sched_priority = 40});
    (void)pthread_create(&t, &attr, helper, (void *)(uintptr_t)a);
    handled = 0;
    handled_by = 0;
    return t;
}

static const char *by(void)
{
    return handled_by == 1 ? "Init" : handled_by == 2 ? "the helper" : "nobody";
}

static void nanosleep_interrupted(void)
{
    struct timespec rq = {.tv_sec = 1}, rm = {.tv_sec = -1};
    rtems_interval before, after;
    pthread_t t = start_helper(SEND_TO_INIT);
    long long left_ns;
    int rc;

    before = rtems_clock_get_ticks_since_boot();
    rc = nanosleep(&rq, &rm);
    after = rtems_clock_get_ticks_since_boot();
    printf("nanosleep(1 s), SIGUSR1 from the helper: %d %s, handler before: %s (%s)\n", rc,
           strerror(errno), handled == 1 ? "yes" : "no", by());
    left_ns = (long long)rm.tv_sec * 1000000000LL + rm.tv_nsec;
    /* What was not slept: 1 s less the whole ticks that passed in it. */
    printf("time left: whole ticks, below 1 s by no more than the sleep took: %s\n",
           left_ns > 0 && left_ns < 1000000000LL && left_ns % TICK_NS == 0 &&
                   1000000000LL - left_ns <= (long long)(after - before) * TICK_NS
               ? "yes"
               : "no");
    (void)pthread_join(t, NULL);
}

static void other_sleeps_interrupted(void)
{
    struct timespec rq = {.tv_sec = 1}, rm = {.tv_sec = -1}, abs;
    pthread_t t;
    unsigned left;
    int rc;

    t = start_helper(SEND_TO_INIT);
    left = sleep(3);
    printf("sleep(3): returns %u (whole seconds not slept), handler: %s\n", left,
           handled == 1 ? "yes" : "no");
    (void)pthread_join(t, NULL);

    t = start_helper(SEND_TO_INIT);
    rc = usleep(900000);
    printf("usleep(900 ms): %d %s, handler: %s\n", rc, strerror(errno),
           handled == 1 ? "yes" : "no");
    (void)pthread_join(t, NULL);

    t = start_helper(SEND_TO_INIT);
    rc = clock_nanosleep(CLOCK_MONOTONIC, 0, &rq, &rm);
    printf("clock_nanosleep(relative 1 s): %s, time left set: %s\n", strerror(rc),
           rm.tv_sec == 0 && rm.tv_nsec > 0 ? "yes" : "no");
    (void)pthread_join(t, NULL);

    t = start_helper(SEND_TO_INIT);
    (void)clock_gettime(CLOCK_REALTIME, &abs);
    abs.tv_sec += 1;
    rc = clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &abs, NULL);
    printf("clock_nanosleep(absolute, 1 s ahead): %s, handler: %s\n", strerror(rc),
           handled == 1 ? "yes" : "no");
    (void)pthread_join(t, NULL);
}

static void sleeps_not_interrupted(void)
{
    struct sigaction act = {.sa_handler = handler};
    struct timespec rq = {.tv_nsec = 100000000}, rm = {.tv_sec = -1};
    pthread_t t;
    int rc;

    (void)sigaction(SIGUSR2, &act, NULL);
    block(SIG_BLOCK, SIGUSR2);
    t = start_helper(SEND_BLOCKED_TO_INIT);
    rc = nanosleep(&rq, &rm);
    printf("nanosleep(100 ms), SIGUSR2 blocked: %d, left %ld.%09ld, handler: %s\n", rc,
           (long)rm.tv_sec, rm.tv_nsec, handled != 0 ? "yes" : "no");
    block(SIG_UNBLOCK, SIGUSR2);
    printf("SIGUSR2 unblocked: handler ran %d time(s)\n", handled);
    (void)pthread_join(t, NULL);

    /* The helper sends SIGUSR1 to the process and takes it itself. */
    t = start_helper(KILL_PROCESS_TAKEN);
    rc = nanosleep(&rq, &rm);
    printf("nanosleep(100 ms), kill by the helper not blocking it: %d, handler ran in %s\n", rc,
           by());
    (void)pthread_join(t, NULL);

    /* It blocks SIGUSR1 first: the sleeping Init takes it. */
    t = start_helper(KILL_PROCESS_BLOCKED);
    rc = nanosleep(&rq, &rm);
    printf("nanosleep(100 ms), kill by the helper blocking it: %d %s, handler ran in %s\n", rc,
           strerror(errno), by());
    (void)pthread_join(t, NULL);
}

static void sigwait_unblocked(void)
{
    struct timespec timeout = {.tv_sec = 1};
    siginfo_t info = {.si_signo = -1};
    sigset_t set;
    pthread_t t;
    int sig;

    (void)sigemptyset(&set);
    (void)sigaddset(&set, SIGUSR1);
    t = start_helper(SEND_TO_INIT);
    sig = sigtimedwait(&set, &info, &timeout);
    printf("sigtimedwait(SIGUSR1 not blocked), pthread_kill: %s, si_signo %s, handler: %d\n",
           sig == SIGUSR1 ? "SIGUSR1" : "other", info.si_signo == SIGUSR1 ? "SIGUSR1" : "other",
           handled);
    (void)pthread_join(t, NULL);

    t = start_helper(KILL_PROCESS_BLOCKED);
    sig = sigtimedwait(&set, &info, &timeout);
    printf("sigtimedwait(SIGUSR1 not blocked), kill: %s, handler: %d\n",
           sig == SIGUSR1 ? "SIGUSR1" : "other", handled);
    (void)pthread_join(t, NULL);
}

void *POSIX_Init(void *argument)
{
    struct sigaction act = {.sa_handler = handler};

    (void)argument;
    printf("*** BEGIN OF PSX07 ***\n");
    init_thread = pthread_self();
    (void)pthread_setschedparam(pthread_self(), SCHED_FIFO,
                                &(struct sched_param){.sched_priority = 50});
    numbers();
    sets();
    pending_bits();
    siginfo_handlers();
    (void)sigaction(SIGUSR1, &act, NULL);
    nanosleep_interrupted();
    other_sleeps_interrupted();
    sleeps_not_interrupted();
    sigwait_unblocked();
    printf("*** END OF PSX07 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 1000
#define CONFIGURE_MAXIMUM_POSIX_THREADS 2
#define CONFIGURE_POSIX_INIT_THREAD_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
