/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX message queues on the executive: mq_open's errors and defaults,
 * attributes, priority order of pending messages (highest first, FIFO
 * within a priority), message size and priority limits, O_NONBLOCK,
 * receivers and blocked senders served in priority order, timed send and
 * receive, access modes, mq_notify's registration, unlink and close (a
 * receiver blocked on a queue that goes away), the table limit, and send
 * and receive from an interrupt handler (a Classic timer), which must not
 * wait.
 *
 * Threads A, B and C start in that order at POSIX priorities 60, 55 and 70,
 * all above Init (50), so each blocks at once: priority order C A B.
 */
#include <rtems.h>
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum kind { RECEIVER, SENDER, DOOMED };

static enum kind kind;
static mqd_t queue;

static void show(const char *what, long rc)
{
    printf("%s: %s\n", what, rc >= 0 ? "ok" : strerror(errno));
}

/* mq_open's answer: a queue, or (mqd_t)-1 with errno. mqd_t is an object
 * id (uint32_t, as in RTEMS), so it must not be judged by its sign once
 * widened: on a 64-bit arch (long)(mqd_t)-1 is positive. */
static void show_open(const char *what, mqd_t q)
{
    show(what, q == (mqd_t)-1 ? -1 : 0);
}

static struct timespec in_ms(unsigned ms)
{
    struct timespec ts;
    uint64_t t;

    (void)clock_gettime(CLOCK_REALTIME, &ts);
    t = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec + (uint64_t)ms * 1000000u;
    return (struct timespec){.tv_sec = (time_t)(t / 1000000000u),
                             .tv_nsec = (long)(t % 1000000000u)};
}

static void *worker(void *arg)
{
    const char *name = arg;
    char buf[16];
    unsigned prio = 99;
    ssize_t n;

    switch (kind) {
    case RECEIVER:
        n = mq_receive(queue, buf, sizeof buf, &prio);
        printf("%s: received \"%.*s\" priority %u\n", name, n < 0 ? 0 : (int)n, buf, prio);
        break;
    case SENDER:
        printf("%s: send: %s\n", name, mq_send(queue, name, 1, 3) == 0 ? "ok" : strerror(errno));
        break;
    case DOOMED:
        n = mq_receive(queue, buf, sizeof buf, &prio);
        printf("%s: receive on a queue that went away: %s\n", name,
               n < 0 ? strerror(errno) : "got a message");
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
    if (pthread_create(&t, &attr, worker, (void *)name) != 0) {
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

static void join_all(pthread_t t[3])
{
    for (int i = 0; i < 3; i++) {
        (void)pthread_join(t[i], NULL);
    }
}

static void print_attr(const char *what, mqd_t q)
{
    struct mq_attr a;

    if (mq_getattr(q, &a) != 0) {
        printf("%s: mq_getattr: %s\n", what, strerror(errno));
        return;
    }
    printf("%s: flags %s maxmsg %ld msgsize %ld curmsgs %ld\n", what,
           a.mq_flags & O_NONBLOCK ? "O_NONBLOCK" : "0", a.mq_maxmsg, a.mq_msgsize, a.mq_curmsgs);
}

static void opening(void)
{
    struct mq_attr bad = {.mq_maxmsg = 0, .mq_msgsize = 8};
    char long_name[40];
    mqd_t q, again;

    memset(long_name, 'n', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    show_open("mq_open(NULL)", mq_open(NULL, O_RDWR));
    show_open("mq_open(\"\")", mq_open("", O_RDWR));
    show_open("mq_open(39 characters)", mq_open(long_name, O_RDWR | O_CREAT, 0666, NULL));
    show_open("mq_open(missing)", mq_open("/missing", O_RDWR));
    show_open("mq_open(maxmsg 0)", mq_open("/bad", O_RDWR | O_CREAT, 0666, &bad));
    bad = (struct mq_attr){.mq_maxmsg = 4, .mq_msgsize = -1};
    show_open("mq_open(msgsize -1)", mq_open("/bad", O_RDWR | O_CREAT, 0666, &bad));
    bad = (struct mq_attr){.mq_maxmsg = 1000, .mq_msgsize = 1000};
    show_open("mq_open(more than the workspace)", mq_open("/big", O_RDWR | O_CREAT, 0666, &bad));
    q = mq_open("/default", O_RDWR | O_CREAT | O_EXCL, 0666, NULL);
    printf("mq_open(/default): id 0x%08lx\n", (unsigned long)q);
    print_attr("/default", q);
    show_open("mq_open(/default, O_CREAT | O_EXCL) again",
              mq_open("/default", O_RDWR | O_CREAT | O_EXCL, 0666, NULL));
    again = mq_open("/default", O_RDWR);
    printf("mq_open(/default) again: %s\n", again == q ? "the same queue" : "another queue");
    show("mq_close", mq_close(again));
    show("mq_close", mq_close(q));
    show("mq_unlink(/default)", mq_unlink("/default"));
    show("mq_unlink(/default) again", mq_unlink("/default"));
    show_open("mq_open(/default) after unlink", mq_open("/default", O_RDWR));
    show("mq_close(closed)", mq_close(q));
    show("mq_getattr(closed)", mq_getattr(q, &bad));
}

static void ordering(void)
{
    static const struct {
        const char *text;
        unsigned prio;
    } msgs[] = {{"a1", 1}, {"b5", 5}, {"c1", 1}, {"d5", 5}, {"e0", 0}, {"f31", 31}};
    struct mq_attr attr = {.mq_maxmsg = 6, .mq_msgsize = 4};
    struct mq_attr old;
    char buf[8];
    unsigned prio;
    ssize_t n;

    queue = mq_open("/order", O_RDWR | O_CREAT, 0666, &attr);
    for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++) {
        (void)mq_send(queue, msgs[i].text, strlen(msgs[i].text), msgs[i].prio);
    }
    print_attr("/order full", queue);
    show("mq_send(priority MQ_PRIO_MAX)", mq_send(queue, "x", 1, MQ_PRIO_MAX));
    show("mq_send(5 bytes)", mq_send(queue, "12345", 5, 0));
    show("mq_receive(3-byte buffer)", (long)mq_receive(queue, buf, 3, &prio));
    attr.mq_flags = O_NONBLOCK;
    show("mq_setattr(O_NONBLOCK)", mq_setattr(queue, &attr, &old));
    printf("old flags: %s\n", old.mq_flags & O_NONBLOCK ? "O_NONBLOCK" : "0");
    show("mq_send(full, O_NONBLOCK)", mq_send(queue, "x", 1, 0));
    print_attr("/order", queue);
    while ((n = mq_receive(queue, buf, sizeof buf, &prio)) >= 0) {
        printf("received \"%.*s\" priority %u\n", (int)n, buf, prio);
    }
    printf("mq_receive(empty, O_NONBLOCK): %s\n", strerror(errno));
    attr.mq_flags = 0;
    (void)mq_setattr(queue, &attr, NULL);
    print_attr("/order", queue);
}

static void blocking(void)
{
    pthread_t t[3];
    struct timespec soon, bad = {.tv_sec = 0, .tv_nsec = -1};
    char buf[8];
    unsigned prio;
    ssize_t n;

    start_abc(RECEIVER, t);
    (void)mq_send(queue, "m1", 2, 1);
    (void)mq_send(queue, "m2", 2, 2);
    (void)mq_send(queue, "m3", 2, 3);
    join_all(t);

    for (int i = 0; i < 6; i++) {
        (void)mq_send(queue, "f", 1, 0);
    }
    start_abc(SENDER, t);
    print_attr("/order with three blocked senders", queue);
    for (int i = 0; i < 9; i++) {
        n = mq_receive(queue, buf, sizeof buf, &prio);
        printf("Init received \"%.*s\" priority %u\n", n < 0 ? 0 : (int)n, buf, prio);
    }
    join_all(t);

    soon = in_ms(20);
    show("mq_timedreceive(empty, 20 ms)",
         (long)mq_timedreceive(queue, buf, sizeof buf, &prio, &soon));
    show("mq_timedreceive(empty, bad time)",
         (long)mq_timedreceive(queue, buf, sizeof buf, &prio, &bad));
    for (int i = 0; i < 6; i++) {
        (void)mq_send(queue, "g", 1, 0);
    }
    soon = in_ms(20);
    show("mq_timedsend(full, 20 ms)", mq_timedsend(queue, "x", 1, 0, &soon));
    show("mq_timedsend(full, bad time)", mq_timedsend(queue, "x", 1, 0, &bad));
    n = mq_timedreceive(queue, buf, sizeof buf, &prio, &bad);
    printf("mq_timedreceive(a message there, bad time): %ld\n", (long)n);
    show("mq_timedsend(room, bad time)", mq_timedsend(queue, "x", 1, 0, &bad));
    (void)mq_close(queue);
    (void)mq_unlink("/order");
}

static void modes_and_notify(void)
{
    struct sigevent none = {.sigev_notify = SIGEV_NONE};
    struct sigevent thread = {.sigev_notify = SIGEV_THREAD};
    mqd_t ro = mq_open("/ro", O_RDONLY | O_CREAT, 0666, NULL);
    mqd_t wo = mq_open("/wo", O_WRONLY | O_CREAT, 0666, NULL);
    char buf[16];
    pthread_t t;

    show("mq_send(O_RDONLY)", mq_send(ro, "x", 1, 0));
    show("mq_receive(O_WRONLY)", (long)mq_receive(wo, buf, sizeof buf, NULL));
    show("mq_send(O_WRONLY)", mq_send(wo, "x", 1, 0));
    show("mq_notify(SIGEV_NONE)", mq_notify(wo, &none));
    show("mq_notify(SIGEV_NONE) again", mq_notify(wo, &none));
    show("mq_notify(NULL)", mq_notify(wo, NULL));
    show("mq_notify(SIGEV_NONE) after NULL", mq_notify(wo, &none));
    show("mq_notify(SIGEV_THREAD)", mq_notify(ro, &thread));
    show("mq_notify(bad id)", mq_notify(0x0501ffff, &none));
    show("mq_send(not empty: no notification)", mq_send(wo, "y", 1, 0));
    show("mq_notify(SIGEV_NONE) still registered", mq_notify(wo, &none));
    (void)mq_close(wo);
    (void)mq_unlink("/wo");
    wo = mq_open("/wo2", O_WRONLY | O_CREAT, 0666, NULL);
    (void)mq_notify(wo, &none);
    show("mq_send(empty queue: the notification goes)", mq_send(wo, "z", 1, 0));
    show("mq_notify(SIGEV_NONE) after the notification", mq_notify(wo, &none));
    (void)mq_close(wo);
    (void)mq_unlink("/wo2");

    queue = ro;
    kind = DOOMED;
    t = start("D", 60);
    show("mq_unlink(/ro)", mq_unlink("/ro"));
    show("mq_close(/ro, its last opener)", mq_close(ro));
    (void)pthread_join(t, NULL);
}

static volatile long isr_rc;
static volatile int isr_errno;
static volatile bool isr_sends;

static rtems_timer_service_routine from_isr(rtems_id id, void *arg)
{
    char buf[16];

    (void)id;
    (void)arg;
    isr_rc = isr_sends ? mq_send(queue, "i", 1, 0) : (long)mq_receive(queue, buf, sizeof buf, NULL);
    isr_errno = errno;
}

static void in_isr(const char *what, bool sends)
{
    rtems_id timer;

    isr_sends = sends;
    isr_rc = 99;
    (void)rtems_timer_create(rtems_build_name('T', 'I', 'M', 'R'), &timer);
    (void)rtems_timer_fire_after(timer, 1, from_isr, NULL);
    (void)rtems_task_wake_after(3);
    printf("%s from an interrupt: %ld %s\n", what, isr_rc, isr_rc == -1 ? strerror(isr_errno) : "");
    (void)rtems_timer_delete(timer);
}

static void interrupts(void)
{
    struct mq_attr attr = {.mq_maxmsg = 1, .mq_msgsize = 4};
    char buf[8];

    queue = mq_open("/isr", O_RDWR | O_CREAT, 0666, &attr);
    (void)mq_send(queue, "x", 1, 0);
    in_isr("mq_send(full)", true);
    (void)mq_receive(queue, buf, sizeof buf, NULL);
    in_isr("mq_receive(empty)", false);
    (void)mq_close(queue);
    (void)mq_unlink("/isr");
}

static void table_limit(void)
{
    mqd_t q[3];

    for (int i = 0; i < 3; i++) {
        char name[8] = "/t0";

        name[2] = (char)('0' + i);
        q[i] = mq_open(name, O_RDWR | O_CREAT, 0666, NULL);
        printf("mq_open(%s): %s\n", name, q[i] == (mqd_t)-1 ? strerror(errno) : "ok");
    }
    for (int i = 0; i < 3; i++) {
        char name[8] = "/t0";

        name[2] = (char)('0' + i);
        if (q[i] != (mqd_t)-1) {
            (void)mq_close(q[i]);
            (void)mq_unlink(name);
        }
    }
}

void *POSIX_Init(void *argument)
{
    (void)argument;
    printf("*** BEGIN OF PSX03 ***\n");
    (void)pthread_setschedparam(pthread_self(), SCHED_FIFO,
                                &(struct sched_param){.sched_priority = 50});
    opening();
    ordering();
    blocking();
    modes_and_notify();
    interrupts();
    table_limit();
    printf("*** END OF PSX03 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MAXIMUM_TIMERS               1
#define CONFIGURE_MAXIMUM_POSIX_THREADS        4
#define CONFIGURE_MAXIMUM_POSIX_MESSAGE_QUEUES 2
#define CONFIGURE_MESSAGE_BUFFER_MEMORY        (2 * CONFIGURE_MESSAGE_BUFFERS_FOR_QUEUE(10, 16))
#define CONFIGURE_POSIX_INIT_THREAD_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
