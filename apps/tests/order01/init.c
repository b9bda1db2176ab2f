/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Wait-queue disciplines with distinct priorities: tasks block on one object
 * in an order where FIFO and priority order give different wake-up orders,
 * and each prints when it wakes, so expected.txt pins the order of each
 * discipline. Semaphores (counting, simple binary, binary; inheritance and
 * ceiling), message queue receivers (normal and urgent sends), region
 * waiters, barriers; a timeout in the middle of a queue; priority changes of
 * waiting tasks; flush and delete.
 *
 * The waiters A, B and C start, in that order, at priorities 6, 7 and 5 (all
 * more important than Init at 10): FIFO order is A B C, priority order C A B.
 * Init sleeps a tick after each start so that the task blocks before the
 * next one starts, whatever Init's own (inherited) priority.
 *
 * Tasks made ready together run by priority, so a flush or delete of
 * waiters of distinct priorities shows nothing of the queue order. The
 * "same level" cases therefore first move the waiters to one priority
 * (C, then B, then A to 8) while they wait: a FIFO queue keeps A B C, a
 * priority queue requeues each behind its equals and ends as C B A; the
 * woken tasks then run in the order they left the queue.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

enum kind { SEMAPHORE, MUTEX, MESSAGE_QUEUE, REGION, BARRIER };

struct waiter {
    char letter;
    rtems_task_priority priority;
    rtems_interval timeout;
    uintptr_t size; /* region: bytes asked for */
    void *segment;  /* region: what it got */
    rtems_id id;
};

static struct waiter waiters[3];
static enum kind kind;
static rtems_id object;
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

static void wait_on_object(struct waiter *w)
{
    rtems_status_code sc;
    char buf[8] = {0};
    size_t size = 0;

    switch (kind) {
    case SEMAPHORE:
    case MUTEX:
        sc = rtems_semaphore_obtain(object, RTEMS_WAIT, w->timeout);
        printf("%c: %s\n", w->letter, rtems_status_text(sc));
        if (sc == RTEMS_SUCCESSFUL && kind == MUTEX) {
            /* Hands the mutex to the next waiter. */
            (void)rtems_semaphore_release(object);
        }
        break;
    case MESSAGE_QUEUE:
        sc = rtems_message_queue_receive(object, buf, &size, RTEMS_WAIT, w->timeout);
        printf("%c: %s%s%.*s\n", w->letter, rtems_status_text(sc),
               sc == RTEMS_SUCCESSFUL ? ", " : "", (int)size, buf);
        break;
    case REGION:
        sc = rtems_region_get_segment(object, w->size, RTEMS_WAIT, w->timeout, &w->segment);
        printf("%c: %s, %lu bytes\n", w->letter, rtems_status_text(sc), (unsigned long)w->size);
        break;
    case BARRIER:
        sc = rtems_barrier_wait(object, w->timeout);
        printf("%c: %s\n", w->letter, rtems_status_text(sc));
        break;
    }
}

static rtems_task waiter_task(rtems_task_argument i)
{
    wait_on_object(&waiters[i]);
    rtems_task_exit();
}

/* Starts waiter i and lets it block before Init goes on. */
static void start(int i, char letter, rtems_task_priority priority, rtems_interval timeout,
                  uintptr_t size)
{
    struct waiter *w = &waiters[i];

    w->letter = letter;
    w->priority = priority;
    w->timeout = timeout;
    w->size = size;
    w->segment = NULL;
    (void)rtems_task_create(NAME('W', letter, ' ', ' '), priority, RTEMS_MINIMUM_STACK_SIZE,
                            RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &w->id);
    (void)rtems_task_start(w->id, waiter_task, (rtems_task_argument)i);
    (void)rtems_task_wake_after(1);
}

/* A(6), B(7), C(5), each blocked before the next starts. */
static void start_abc(rtems_interval timeout_a)
{
    start(0, 'A', 6, timeout_a, 0);
    start(1, 'B', 7, RTEMS_NO_TIMEOUT, 0);
    start(2, 'C', 5, RTEMS_NO_TIMEOUT, 0);
}

/* C, B, A to priority 8 while they wait (see the file's comment). */
static void same_level(void)
{
    rtems_task_priority old;

    for (int i = 2; i >= 0; i--) {
        (void)rtems_task_set_priority(waiters[i].id, 8, &old);
    }
}

static const char *discipline_name(rtems_attribute attributes)
{
    return (attributes & RTEMS_PRIORITY) ? "priority" : "FIFO";
}

static rtems_id create_semaphore(rtems_attribute attributes, uint32_t count,
                                 rtems_task_priority ceiling)
{
    rtems_id id = 0;

    show("create",
         rtems_semaphore_create(NAME('S', 'E', 'M', ' '), count, attributes, ceiling, &id));
    return id;
}

/* Counting or simple binary semaphore at 0: three releases wake three. */
static void semaphore_release_order(const char *what, rtems_attribute attributes)
{
    printf("-- %s, %s: release one by one\n", what, discipline_name(attributes));
    kind = SEMAPHORE;
    object = create_semaphore(attributes, 0, 0);
    start_abc(RTEMS_NO_TIMEOUT);
    for (int i = 0; i < 3; i++) {
        show("release", rtems_semaphore_release(object));
    }
    show("delete", rtems_semaphore_delete(object));
}

/* A mutex held by Init: each waiter that gets it hands it on. */
static void mutex_handover_order(const char *what, rtems_attribute attributes,
                                 rtems_task_priority ceiling)
{
    printf("-- %s, %s: handed from waiter to waiter\n", what, discipline_name(attributes));
    kind = MUTEX;
    object = create_semaphore(attributes, 1, ceiling);
    show("Init obtains", rtems_semaphore_obtain(object, RTEMS_NO_WAIT, 0));
    start_abc(RTEMS_NO_TIMEOUT);
    printf("Init priority %" PRIu32 "\n", priority_of(RTEMS_SELF));
    show("Init releases", rtems_semaphore_release(object));
    printf("Init priority %" PRIu32 "\n", priority_of(RTEMS_SELF));
    show("delete", rtems_semaphore_delete(object));
}

/* B to 4 and C to 8 while they wait: a priority queue moves them. */
static void semaphore_priority_change(rtems_attribute attributes)
{
    rtems_task_priority old;

    printf("-- counting, %s: B to 4 and C to 8 while waiting\n", discipline_name(attributes));
    kind = SEMAPHORE;
    object = create_semaphore(RTEMS_COUNTING_SEMAPHORE | attributes, 0, 0);
    start_abc(RTEMS_NO_TIMEOUT);
    (void)rtems_task_set_priority(waiters[1].id, 4, &old);
    (void)rtems_task_set_priority(waiters[2].id, 8, &old);
    for (int i = 0; i < 3; i++) {
        show("release", rtems_semaphore_release(object));
    }
    show("delete", rtems_semaphore_delete(object));
}

/* A waiter's priority change moves it in the queue and in what the owner inherits. */
static void inherit_priority_change(void)
{
    rtems_task_priority old;

    printf("-- binary, inherit: B to 4, then to 9 while waiting\n");
    kind = MUTEX;
    object =
        create_semaphore(RTEMS_BINARY_SEMAPHORE | RTEMS_PRIORITY | RTEMS_INHERIT_PRIORITY, 1, 0);
    show("Init obtains", rtems_semaphore_obtain(object, RTEMS_NO_WAIT, 0));
    start(0, 'A', 6, RTEMS_NO_TIMEOUT, 0);
    start(1, 'B', 7, RTEMS_NO_TIMEOUT, 0);
    printf("Init priority %" PRIu32 "\n", priority_of(RTEMS_SELF));
    (void)rtems_task_set_priority(waiters[1].id, 4, &old);
    printf("Init priority %" PRIu32 " after B to 4\n", priority_of(RTEMS_SELF));
    (void)rtems_task_set_priority(waiters[1].id, 9, &old);
    printf("Init priority %" PRIu32 " after B to 9\n", priority_of(RTEMS_SELF));
    show("Init releases", rtems_semaphore_release(object));
    printf("Init priority %" PRIu32 "\n", priority_of(RTEMS_SELF));
    show("delete", rtems_semaphore_delete(object));
}

/* The first waiter times out; the others keep their order. */
static void semaphore_timeout(rtems_attribute attributes)
{
    printf("-- counting, %s: A times out first\n", discipline_name(attributes));
    kind = SEMAPHORE;
    object = create_semaphore(RTEMS_COUNTING_SEMAPHORE | attributes, 0, 0);
    start_abc(6);
    (void)rtems_task_wake_after(8);
    for (int i = 0; i < 2; i++) {
        show("release", rtems_semaphore_release(object));
    }
    show("delete", rtems_semaphore_delete(object));
}

/* Flush, then delete, of waiters moved to one level (same_level()). */
static void semaphore_flush_delete(rtems_attribute attributes)
{
    printf("-- counting, %s: flush at one level\n", discipline_name(attributes));
    kind = SEMAPHORE;
    object = create_semaphore(RTEMS_COUNTING_SEMAPHORE | attributes, 0, 0);
    start_abc(RTEMS_NO_TIMEOUT);
    same_level();
    show("flush", rtems_semaphore_flush(object));
    printf("-- counting, %s: delete at one level\n", discipline_name(attributes));
    start_abc(RTEMS_NO_TIMEOUT);
    same_level();
    show("delete", rtems_semaphore_delete(object));
}

/* Flushing an inheritance mutex's waiters gives its owner its own priority back. */
static void inherit_flush(void)
{
    printf("-- binary, inherit: flush\n");
    kind = MUTEX;
    object =
        create_semaphore(RTEMS_BINARY_SEMAPHORE | RTEMS_PRIORITY | RTEMS_INHERIT_PRIORITY, 1, 0);
    show("Init obtains", rtems_semaphore_obtain(object, RTEMS_NO_WAIT, 0));
    start_abc(RTEMS_NO_TIMEOUT);
    printf("Init priority %" PRIu32 "\n", priority_of(RTEMS_SELF));
    show("flush", rtems_semaphore_flush(object));
    printf("Init priority %" PRIu32 "\n", priority_of(RTEMS_SELF));
    show("Init releases", rtems_semaphore_release(object));
    show("delete", rtems_semaphore_delete(object));
}

static void send(const char *text, bool urgent)
{
    size_t n = 0;

    while (text[n] != '\0') {
        n++;
    }
    show(urgent ? "urgent" : "send", urgent ? rtems_message_queue_urgent(object, text, n)
                                            : rtems_message_queue_send(object, text, n));
}

static void message_queue(rtems_attribute attributes)
{
    char buf[8];
    size_t size;

    printf("-- message queue, %s: receivers waiting\n", discipline_name(attributes));
    kind = MESSAGE_QUEUE;
    show("create",
         rtems_message_queue_create(NAME('M', 'S', 'G', 'Q'), 4, sizeof(buf), attributes, &object));
    start_abc(RTEMS_NO_TIMEOUT);
    send("m1", false);
    send("u2", true);
    send("m3", false);
    printf("-- message queue, %s: pending, urgent first\n", discipline_name(attributes));
    send("n1", false);
    send("u1", true);
    send("n2", false);
    send("u2", true);
    for (int i = 0; i < 4; i++) {
        size = 0;
        show("receive", rtems_message_queue_receive(object, buf, &size, RTEMS_NO_WAIT, 0));
        printf("got %.*s\n", (int)size, buf);
    }
    printf("-- message queue, %s: delete at one level\n", discipline_name(attributes));
    start_abc(RTEMS_NO_TIMEOUT);
    same_level();
    show("delete", rtems_message_queue_delete(object));
}

static long long region_area[512];

/*
 * The region is used up; A waits for much, B and C for little. A returned
 * small segment fits C but not A: RTEMS serves the queue in order and stops
 * at the first waiter that does not fit.
 */
static void region(rtems_attribute attributes)
{
    Heap_Information_block info;
    void *small = NULL, *rest = NULL, *segment = NULL;

    printf("-- region, %s: served in queue order up to the first that does not fit\n",
           discipline_name(attributes));
    kind = REGION;
    show("create", rtems_region_create(NAME('R', 'E', 'G', ' '), region_area, sizeof(region_area),
                                       0, attributes, &object));
    show("get small", rtems_region_get_segment(object, 200, RTEMS_NO_WAIT, 0, &small));
    /* The largest free block, header included: the largest segment is a little less. */
    (void)rtems_region_get_free_information(object, &info);
    for (uintptr_t size = info.Free.largest; size > 0 && rest == NULL; size--) {
        (void)rtems_region_get_segment(object, size, RTEMS_NO_WAIT, 0, &rest);
    }
    printf("got the rest: %s\n", rest != NULL ? "yes" : "no");
    show("get 1 byte", rtems_region_get_segment(object, 1, RTEMS_NO_WAIT, 0, &segment));
    start(0, 'A', 6, RTEMS_NO_TIMEOUT, 2000);
    start(1, 'B', 7, RTEMS_NO_TIMEOUT, 100);
    start(2, 'C', 5, RTEMS_NO_TIMEOUT, 100);
    show("return small", rtems_region_return_segment(object, small));
    show("return the rest", rtems_region_return_segment(object, rest));
    for (int i = 0; i < 3; i++) {
        (void)rtems_region_return_segment(object, waiters[i].segment);
    }
    show("delete", rtems_region_delete(object));
}

/* RTEMS barriers queue FIFO whatever the attributes say. */
static void barrier(void)
{
    uint32_t released = 0;

    printf("-- barrier, priority attribute: release at one level\n");
    kind = BARRIER;
    show("create", rtems_barrier_create(NAME('B', 'A', 'R', ' '),
                                        RTEMS_BARRIER_MANUAL_RELEASE | RTEMS_PRIORITY, 0, &object));
    start_abc(RTEMS_NO_TIMEOUT);
    same_level();
    show("release", rtems_barrier_release(object, &released));
    printf("released %" PRIu32 "\n", released);
    show("delete", rtems_barrier_delete(object));
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_task_priority old;
    rtems_mode mode;

    (void)arg;
    printf("*** BEGIN OF ORDER01 ***\n");
    (void)rtems_scheduler_ident(NAME('U', 'P', 'D', ' '), &scheduler);
    (void)rtems_task_mode(RTEMS_PREEMPT, RTEMS_PREEMPT_MASK, &mode);
    (void)rtems_task_set_priority(RTEMS_SELF, 10, &old);

    semaphore_release_order("counting", RTEMS_COUNTING_SEMAPHORE | RTEMS_FIFO);
    semaphore_release_order("counting", RTEMS_COUNTING_SEMAPHORE | RTEMS_PRIORITY);
    semaphore_release_order("simple binary", RTEMS_SIMPLE_BINARY_SEMAPHORE | RTEMS_FIFO);
    semaphore_release_order("simple binary", RTEMS_SIMPLE_BINARY_SEMAPHORE | RTEMS_PRIORITY);
    mutex_handover_order("binary", RTEMS_BINARY_SEMAPHORE | RTEMS_FIFO, 0);
    mutex_handover_order("binary", RTEMS_BINARY_SEMAPHORE | RTEMS_PRIORITY, 0);
    mutex_handover_order("binary inherit",
                         RTEMS_BINARY_SEMAPHORE | RTEMS_PRIORITY | RTEMS_INHERIT_PRIORITY, 0);
    mutex_handover_order("binary ceiling 3",
                         RTEMS_BINARY_SEMAPHORE | RTEMS_PRIORITY | RTEMS_PRIORITY_CEILING, 3);
    semaphore_priority_change(RTEMS_FIFO);
    semaphore_priority_change(RTEMS_PRIORITY);
    inherit_priority_change();
    semaphore_timeout(RTEMS_FIFO);
    semaphore_timeout(RTEMS_PRIORITY);
    semaphore_flush_delete(RTEMS_FIFO);
    semaphore_flush_delete(RTEMS_PRIORITY);
    inherit_flush();
    message_queue(RTEMS_FIFO);
    message_queue(RTEMS_PRIORITY);
    region(RTEMS_FIFO);
    region(RTEMS_PRIORITY);
    barrier();
    printf("*** END OF ORDER01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MAXIMUM_TASKS          8
#define CONFIGURE_MAXIMUM_SEMAPHORES     1
#define CONFIGURE_MAXIMUM_MESSAGE_QUEUES 1
#define CONFIGURE_MAXIMUM_REGIONS        1
#define CONFIGURE_MAXIMUM_BARRIERS       1
#define CONFIGURE_MESSAGE_BUFFER_MEMORY  CONFIGURE_MESSAGE_BUFFERS_FOR_QUEUE(4, 8)
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
