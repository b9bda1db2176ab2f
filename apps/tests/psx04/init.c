/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX signals and timers on the executive: sigaction and its errors,
 * delivery to the thread that raises, masks and sigpending (delivery when
 * unblocked), kill to the process (to a thread in sigwait first), SIG_IGN
 * discarding, pthread_kill to another thread (its handler runs there),
 * sigtimedwait's timeouts and siginfo, timer_create's errors and defaults,
 * one-shot, periodic, absolute and SIGEV_NONE timers, overruns, the timer
 * table limit, alarm and ualarm, sigsuspend and pause, and mq_notify with
 * SIGEV_SIGNAL.
 *
 * Init runs at POSIX priority 50; W (60) waits in sigwait, B (40) gets a
 * signal before it first runs.
 */
#include <rtems.h>
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static pthread_t init_thread, b_thread;

static const char *name_of(int sig)
{
    switch (sig) {
    case SIGUSR1:
        return "SIGUSR1";
    case SIGUSR2:
        return "SIGUSR2";
    case SIGALRM:
        return "SIGALRM";
    default:
        return "another signal";
    }
}

static const char *code_of(int code)
{
    switch (code) {
    case SI_USER:
        return "SI_USER";
    case SI_TIMER:
        return "SI_TIMER";
    case SI_MESGQ:
        return "SI_MESGQ";
    default:
        return "another code";
    }
}

static void handler(int sig)
{
    pthread_t self = pthread_self();

    printf("handler: %s in %s\n", name_of(sig),
           self == init_thread ? "Init"
           : self == b_thread  ? "B"
                               : "another thread");
}

static void show(const char *what, int rc)
{
    printf("%s: %s\n", what, rc == 0 ? "ok" : strerror(errno));
}

static void show_eno(const char *what, int eno)
{
    printf("%s: %s\n", what, eno == 0 ? "ok" : strerror(eno));
}

static sigset_t set_of(int sig)
{
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, sig);
    return set;
}

static uint64_t now_ns(clockid_t clock)
{
    struct timespec ts;

    (void)clock_gettime(clock, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void *waiter(void *arg)
{
    sigset_t set = set_of(SIGUSR1);
    int sig = 0;

    (void)arg;
    show_eno("W: sigwait", sigwait(&set, &sig));
    printf("W: sigwait got %s\n", name_of(sig));
    return NULL;
}

static void *late(void *arg)
{
    (void)arg;
    printf("B: runs\n");
    return NULL;
}

static pthread_t start(void *(*body)(void *), int priority)
{
    pthread_attr_t attr;
    pthread_t t = 0;

    (void)pthread_attr_init(&attr);
    (void)pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
    (void)pthread_attr_setschedparam(&attr, &(struct sched_param){.sched_priority = priority});
    if (pthread_create(&t, &attr, body, NULL) != 0) {
        printf("pthread_create failed\n");
    }
    return t;
}

static void actions_and_masks(void)
{
    struct sigaction act = {.sa_handler = handler};
    struct sigaction old;
    sigset_t set = set_of(SIGUSR1), pending;

    show("sigaction(0)", sigaction(0, &act, NULL));
    show("sigaction(NSIG)", sigaction(NSIG, &act, NULL));
    show("sigaction(SIGKILL, handler)", sigaction(SIGKILL, &act, NULL));
    show("sigaction(SIGKILL, query)", sigaction(SIGKILL, NULL, &old));
    show("sigaction(SIGUSR1)", sigaction(SIGUSR1, &act, &old));
    printf("old action: %s\n", old.sa_handler == SIG_DFL ? "SIG_DFL" : "another");
    (void)sigaction(SIGUSR2, &act, NULL);
    show("raise(SIGUSR1)", raise(SIGUSR1));
    show("sigprocmask(SIG_BLOCK, SIGUSR1)", sigprocmask(SIG_BLOCK, &set, NULL));
    show("raise(SIGUSR1) blocked", raise(SIGUSR1));
    (void)sigpending(&pending);
    printf("pending: SIGUSR1 %s\n", sigismember(&pending, SIGUSR1) ? "yes" : "no");
    show("sigprocmask(SIG_UNBLOCK, SIGUSR1)", sigprocmask(SIG_UNBLOCK, &set, NULL));
    (void)sigpending(&pending);
    printf("pending: SIGUSR1 %s\n", sigismember(&pending, SIGUSR1) ? "yes" : "no");
    show_eno("pthread_sigmask(bad how)", pthread_sigmask(99, &set, NULL));
    show_eno("pthread_kill(self, 99)", pthread_kill(pthread_self(), 99));
    show_eno("pthread_kill(bad id, SIGUSR1)", pthread_kill(0x0b01ffff, SIGUSR1));
    show_eno("pthread_kill(self, 0)", pthread_kill(pthread_self(), 0));
    show("kill(99, SIGUSR2)", kill(99, SIGUSR2));
    show("kill(getpid(), 0)", kill(getpid(), 0));
    show("kill(getpid(), 99)", kill(getpid(), 99));
    show("kill(getpid(), SIGUSR2)", kill(getpid(), SIGUSR2));
}

static void waiting_and_ignoring(void)
{
    sigset_t set = set_of(SIGUSR1);
    struct sigaction ign = {.sa_handler = SIG_IGN};
    struct timespec zero = {0, 0}, ms20 = {0, 20000000};
    siginfo_t info;
    pthread_t w;
    uint64_t t0;
    int sig;

    (void)sigprocmask(SIG_BLOCK, &set, NULL); /* W inherits the mask */
    w = start(waiter, 60);
    show("kill(getpid(), SIGUSR1) with W in sigwait", kill(getpid(), SIGUSR1));
    (void)pthread_join(w, NULL);

    errno = 0;
    sig = sigtimedwait(&set, &info, &zero);
    printf("sigtimedwait(nothing pending, 0): %d %s\n", sig, strerror(errno));
    t0 = now_ns(CLOCK_MONOTONIC);
    sig = sigtimedwait(&set, &info, &ms20);
    printf("sigtimedwait(nothing pending, 20 ms): %d %s, waited 20 ms: %s\n", sig, strerror(errno),
           now_ns(CLOCK_MONOTONIC) - t0 >= 20000000u ? "yes" : "no");
    (void)pthread_kill(pthread_self(), SIGUSR1);
    sig = sigtimedwait(&set, &info, &zero);
    printf("sigtimedwait(SIGUSR1 pending): %s, %s\n", name_of(sig), code_of(info.si_code));
    ms20.tv_nsec = 1000000000;
    show("sigtimedwait(bad timeout)", sigtimedwait(&set, &info, &ms20));

    (void)pthread_kill(pthread_self(), SIGUSR1);
    show("sigaction(SIGUSR1, SIG_IGN) with it pending", sigaction(SIGUSR1, &ign, NULL));
    (void)sigpending(&set);
    printf("pending: SIGUSR1 %s\n", sigismember(&set, SIGUSR1) ? "yes" : "no");
    show("raise(SIGUSR1) ignored", raise(SIGUSR1));
    (void)sigpending(&set);
    printf("pending: SIGUSR1 %s\n", sigismember(&set, SIGUSR1) ? "yes" : "no");
    ign.sa_handler = handler;
    (void)sigaction(SIGUSR1, &ign, NULL);
    set = set_of(SIGUSR1);
    (void)sigprocmask(SIG_UNBLOCK, &set, NULL);

    b_thread = start(late, 40);
    show_eno("pthread_kill(B, SIGUSR1) before B runs", pthread_kill(b_thread, SIGUSR1));
    (void)pthread_join(b_thread, NULL);
}

static int wait_info(int sig, siginfo_t *info)
{
    sigset_t set = set_of(sig);

    return sigwaitinfo(&set, info);
}

static void timers(void)
{
    struct sigevent ev = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1};
    struct itimerspec its = {.it_value = {0, 50000000}}, cur;
    sigset_t set = set_of(SIGUSR1);
    siginfo_t info;
    timer_t t, t2, t3;
    uint64_t t0, deadline;
    int got = 0;

    (void)sigprocmask(SIG_BLOCK, &set, NULL);
    show("timer_create(clock 99)", timer_create((clockid_t)99, &ev, &t));
    ev.sigev_notify = SIGEV_THREAD;
    show("timer_create(SIGEV_THREAD)", timer_create(CLOCK_MONOTONIC, &ev, &t));
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = 0;
    show("timer_create(signal 0)", timer_create(CLOCK_MONOTONIC, &ev, &t));
    ev.sigev_signo = SIGUSR1;
    ev.sigev_value.sival_int = 42;
    show("timer_create(NULL id)", timer_create(CLOCK_MONOTONIC, &ev, NULL));
    show("timer_create(CLOCK_MONOTONIC, SIGUSR1)", timer_create(CLOCK_MONOTONIC, &ev, &t));
    printf("timer id 0x%08lx\n", (unsigned long)t);

    t0 = now_ns(CLOCK_MONOTONIC);
    show("timer_settime(50 ms)", timer_settime(t, 0, &its, NULL));
    (void)timer_gettime(t, &cur);
    printf("timer_gettime: %s\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec > 0 &&
                                          cur.it_value.tv_nsec <= 51000000 &&
                                          cur.it_interval.tv_nsec == 0
                                      ? "armed, at most 51 ms left, no interval"
                                      : "wrong");
    printf("sigwaitinfo: %s", name_of(wait_info(SIGUSR1, &info)));
    printf(" %s value %d, after 50 ms: %s\n", code_of(info.si_code), info.si_value.sival_int,
           now_ns(CLOCK_MONOTONIC) - t0 >= 50000000u ? "yes" : "no");
    (void)timer_gettime(t, &cur);
    printf("timer_gettime after the expiry: %ld.%09ld\n", (long)cur.it_value.tv_sec,
           cur.it_value.tv_nsec);

    its = (struct itimerspec){.it_value = {0, 10000000}, .it_interval = {0, 10000000}};
    t0 = now_ns(CLOCK_MONOTONIC);
    (void)timer_settime(t, 0, &its, NULL);
    for (int i = 0; i < 3; i++) {
        got += wait_info(SIGUSR1, &info) == SIGUSR1;
    }
    printf("periodic 10 ms: %d signals, after 30 ms: %s\n", got,
           now_ns(CLOCK_MONOTONIC) - t0 >= 30000000u ? "yes" : "no");
    (void)usleep(55000); /* the signal stays pending: expiries overrun */
    (void)wait_info(SIGUSR1, &info);
    got = timer_getoverrun(t);
    printf("overruns after 55 ms with the signal pending: %s (%d)\n",
           got >= 4 && got <= 6 ? "4 to 6" : "wrong", got);
    its = (struct itimerspec){0};
    show("timer_settime(0): disarm", timer_settime(t, 0, &its, &cur));
    printf("old interval: %ld ns\n", cur.it_interval.tv_nsec);
    (void)timer_gettime(t, &cur);
    printf("disarmed: %s\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0 ? "yes" : "no");

    deadline = now_ns(CLOCK_REALTIME) + 30000000u;
    its.it_value.tv_sec = (time_t)(deadline / 1000000000u);
    its.it_value.tv_nsec = (long)(deadline % 1000000000u);
    (void)timer_create(CLOCK_REALTIME, NULL, &t2);
    show("timer_settime(CLOCK_REALTIME, TIMER_ABSTIME)",
         timer_settime(t2, TIMER_ABSTIME, &its, NULL));
    set = set_of(SIGALRM);
    (void)sigprocmask(SIG_BLOCK, &set, NULL);
    printf("sigwaitinfo: %s", name_of(wait_info(SIGALRM, &info)));
    printf(" value is the timer id: %s, at the deadline: %s\n",
           info.si_value.sival_int == (int)t2 ? "yes" : "no",
           now_ns(CLOCK_REALTIME) >= deadline ? "yes" : "no");
    show("timer_create(a third)", timer_create(CLOCK_MONOTONIC, NULL, &t3));
    show("timer_delete", timer_delete(t2));
    show("timer_delete again", timer_delete(t2));

    ev.sigev_notify = SIGEV_NONE;
    (void)timer_create(CLOCK_MONOTONIC, &ev, &t2);
    its = (struct itimerspec){.it_value = {0, 20000000}};
    (void)timer_settime(t2, 0, &its, NULL);
    (void)usleep(30000);
    (void)timer_gettime(t2, &cur);
    printf("SIGEV_NONE timer after its time: %ld ns left, SIGUSR1 pending: ", cur.it_value.tv_nsec);
    (void)sigpending(&set);
    printf("%s\n", sigismember(&set, SIGUSR1) ? "yes" : "no");
    (void)timer_delete(t2);
    (void)timer_delete(t);
    show("timer_settime(bad time)",
         timer_settime(t, 0, &(struct itimerspec){.it_value = {0, -1}}, NULL));
    show("timer_gettime(deleted)", timer_gettime(t, &cur));
}

static void alarms(void)
{
    siginfo_t info;
    int got = 0;

    printf("alarm(1): %u\n", alarm(1));
    printf("alarm(5): %u\n", alarm(5));
    printf("alarm(0): %u\n", alarm(0));
    printf("ualarm(20000, 0): %lu\n", (unsigned long)ualarm(20000, 0));
    printf("sigwaitinfo: %s\n", name_of(wait_info(SIGALRM, &info)));
    (void)ualarm(10000, 10000);
    for (int i = 0; i < 3; i++) {
        got += wait_info(SIGALRM, &info) == SIGALRM;
    }
    printf("ualarm every 10 ms: %d signals\n", got);
    printf("ualarm(0, 0) left: %s\n", ualarm(0, 0) <= 10000 ? "at most 10000 us" : "more");
}

static void suspending(void)
{
    struct sigaction act = {.sa_handler = handler};
    sigset_t none, mask = set_of(SIGUSR1);
    int rc;

    sigemptyset(&none);
    (void)sigaction(SIGALRM, &act, NULL);
    (void)sigprocmask(SIG_BLOCK, &mask, NULL);
    (void)pthread_kill(pthread_self(), SIGUSR1);
    rc = sigsuspend(&none);
    printf("sigsuspend with SIGUSR1 pending: %d %s\n", rc, strerror(errno));
    (void)sigprocmask(SIG_BLOCK, NULL, &mask);
    printf("mask restored: SIGUSR1 %s\n", sigismember(&mask, SIGUSR1) ? "blocked" : "not blocked");
    (void)ualarm(20000, 0);
    rc = sigsuspend(&none);
    printf("sigsuspend until ualarm: %d %s\n", rc, strerror(errno));
    mask = set_of(SIGALRM);
    (void)sigprocmask(SIG_UNBLOCK, &mask, NULL);
    (void)ualarm(10000, 0);
    rc = pause();
    printf("pause until ualarm: %d %s\n", rc, strerror(errno));
    (void)sigprocmask(SIG_BLOCK, &mask, NULL);
}

static void notification(void)
{
    struct sigevent ev = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR2};
    sigset_t set = set_of(SIGUSR2);
    mqd_t q = mq_open("/n", O_RDWR | O_CREAT, 0666, NULL);
    siginfo_t info;

    (void)sigprocmask(SIG_BLOCK, &set, NULL);
    ev.sigev_value.sival_int = 7;
    show("mq_notify(SIGEV_SIGNAL SIGUSR2)", mq_notify(q, &ev));
    ev.sigev_signo = 99;
    show("mq_notify(bad signal)", mq_notify(q, &ev));
    show("mq_send", mq_send(q, "x", 1, 0));
    printf("sigwaitinfo: %s", name_of(wait_info(SIGUSR2, &info)));
    printf(" %s value %d\n", code_of(info.si_code), info.si_value.sival_int);
    (void)mq_close(q);
    (void)mq_unlink("/n");
}

void *POSIX_Init(void *argument)
{
    (void)argument;
    printf("*** BEGIN OF PSX04 ***\n");
    init_thread = pthread_self();
    (void)pthread_setschedparam(pthread_self(), SCHED_FIFO,
                                &(struct sched_param){.sched_priority = 50});
    actions_and_masks();
    waiting_and_ignoring();
    timers();
    alarms();
    suspending();
    notification();
    printf("*** END OF PSX04 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK        1000
#define CONFIGURE_MAXIMUM_POSIX_THREADS        3
#define CONFIGURE_MAXIMUM_POSIX_TIMERS         2
#define CONFIGURE_MAXIMUM_POSIX_MESSAGE_QUEUES 1
#define CONFIGURE_MESSAGE_BUFFER_MEMORY        CONFIGURE_MESSAGE_BUFFERS_FOR_QUEUE(10, 16)
#define CONFIGURE_POSIX_INIT_THREAD_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
