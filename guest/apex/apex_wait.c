/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Blocking SEND/RECEIVE for RTEMS tasks, with the ARINC 653 queuing
 * discipline. The kernel's port calls never block; PV_IRQ_PORT tells the
 * partition that some port received a message or freed space, not which.
 *
 * The tasks blocked on one port form a queue in the port's discipline: FIFO
 * (longest waiting first) or PRIORITY (highest priority first, the longest
 * waiting among equals; the priority is the task's when it started to
 * wait). Only the head of a port's queue ever tries the port, so the tasks
 * are served in that order whatever their RTEMS priorities:
 *
 *  - the port handler wakes the head of each port's queue and marks it as
 *    having its turn (nobody may overtake it);
 *  - a task that succeeds leaves the queue and wakes the next head, which
 *    may find something too (several messages, several free slots);
 *  - a head that finds nothing loses its turn and waits again, silently
 *    (unless the port changed meanwhile: then it tries again);
 *  - a task that arrives while others wait queues behind them by the
 *    discipline (ahead of a head that has its turn only if nobody has it)
 *    and tries the port only when it is the head.
 *
 * A non-head task woken by a stale event goes back to waiting without
 * trying. A port's queue is a scan over the (few) waiting tasks.
 */
#include <rtems.h>
#include <string.h>

#include "apex_impl.h"

#define MAX_WAITERS 16

struct waiter {
    rtems_id task; /* 0: free entry */
    struct apex_port *port;
    uint32_t seq; /* when it started to wait */
    rtems_task_priority priority;
    bool turn;   /* it is the head and may try the port; nobody overtakes */
    bool kicked; /* the port changed since its last try began */
};

static struct waiter waiters[MAX_WAITERS];
static uint32_t next_seq;
static bool isr_installed;

void apex_wait_reset(void)
{
    memset(waiters, 0, sizeof(waiters));
    /* The executive's vectors start afresh: the handler is attached again. */
    isr_installed = false;
}

/* Whether a is served before b (both waiting on the same port). */
static bool before(const struct waiter *a, const struct waiter *b)
{
    if (a->turn != b->turn) {
        return a->turn;
    }
    if (a->port->discipline == PRIORITY && a->priority != b->priority) {
        return a->priority < b->priority; /* RTEMS: smaller is more important */
    }
    return (int32_t)(a->seq - b->seq) < 0;
}

/* The head of port's queue, or NULL. Interrupts disabled. */
static struct waiter *head_of(const struct apex_port *port)
{
    struct waiter *head = NULL;

    for (int i = 0; i < MAX_WAITERS; i++) {
        struct waiter *w = &waiters[i];

        if (w->task && w->port == port && (!head || before(w, head))) {
            head = w;
        }
    }
    return head;
}

/* Gives the head of port's queue its turn; returns its task, or 0.
 * Interrupts disabled. */
static rtems_id give_turn(const struct apex_port *port)
{
    struct waiter *head = head_of(port);

    if (!head) {
        return 0;
    }
    head->turn = true;
    head->kicked = true;
    return head->task;
}

static rtems_isr port_isr(rtems_vector_number vector)
{
    (void)vector;
    for (int i = 0; i < MAX_WAITERS; i++) {
        struct waiter *w = &waiters[i];

        if (w->task && head_of(w->port) == w) {
            w->turn = true;
            w->kicked = true;
            (void)rtems_event_send(w->task, APEX_RTEMS_EVENT);
        }
    }
}

/* Ticks of a timeout, rounded up so that a task never waits less. */
static rtems_interval timeout_ticks(SYSTEM_TIME_TYPE ns)
{
    uint64_t t = ((uint64_t)ns * rtems_clock_get_ticks_per_second() + 999999999u) / 1000000000u;

    return t ? (rtems_interval)t : 1;
}

static struct waiter *enqueue(struct apex_port *port)
{
    rtems_task_priority priority = 0;
    rtems_interrupt_level level;
    struct waiter *me = NULL;

    (void)rtems_task_set_priority(RTEMS_SELF, RTEMS_CURRENT_PRIORITY, &priority);
    rtems_interrupt_local_disable(level);
    for (int i = 0; i < MAX_WAITERS && !me; i++) {
        if (!waiters[i].task) {
            me = &waiters[i];
            me->task = rtems_task_self();
            me->port = port;
            me->seq = next_seq++;
            me->priority = priority;
            me->turn = false;
            me->kicked = false;
            port->waiting++;
        }
    }
    rtems_interrupt_local_enable(level);
    return me;
}

/* Whether it is me's turn now (then nobody overtakes it). */
static bool claim_turn(struct waiter *me)
{
    rtems_interrupt_level level;
    bool mine;

    rtems_interrupt_local_disable(level);
    mine = head_of(me->port) == me;
    if (mine) {
        me->turn = true;
        me->kicked = false;
    }
    rtems_interrupt_local_enable(level);
    return mine;
}

static void lose_turn(struct waiter *me)
{
    rtems_interrupt_level level;

    rtems_interrupt_local_disable(level);
    if (!me->kicked) {
        me->turn = false;
    }
    rtems_interrupt_local_enable(level);
}

/* Leaves the queue. After a success, or with a turn not used, the next
 * head gets the turn: the port may have more for it. */
static void dequeue(struct waiter *me, bool pass_on)
{
    struct apex_port *port = me->port;
    rtems_interrupt_level level;
    rtems_id next = 0;

    rtems_interrupt_local_disable(level);
    pass_on = pass_on || me->turn;
    me->task = 0;
    me->turn = false;
    port->waiting--;
    if (pass_on) {
        next = give_turn(port);
    }
    rtems_interrupt_local_enable(level);
    if (next) {
        (void)rtems_event_send(next, APEX_RTEMS_EVENT);
    }
}

static int32_t block(struct apex_port *port, int32_t (*op)(struct apex_port *, void *), void *arg,
                     SYSTEM_TIME_TYPE timeout)
{
    rtems_event_set got;
    rtems_interval start = rtems_clock_get_ticks_since_boot();
    rtems_interval total = timeout < 0 ? 0 : timeout_ticks(timeout);
    struct waiter *me = enqueue(port);
    bool mine;
    int32_t r = PV_EAGAIN;

    if (!me) {
        return PV_EAGAIN;
    }
    /* Queued before the first try: an arrival after it wakes the head
     * (maybe this task) and leaves the event pending. */
    mine = claim_turn(me);
    for (;;) {
        rtems_interval wait = RTEMS_NO_TIMEOUT;

        if (mine) {
            r = op(port, arg);
            if (r != PV_EAGAIN) {
                break;
            }
            lose_turn(me);
        }
        if (total) {
            rtems_interval spent = rtems_clock_get_ticks_since_boot() - start;

            if (spent >= total) {
                break;
            }
            wait = total - spent;
        }
        if (rtems_event_receive(APEX_RTEMS_EVENT, RTEMS_WAIT | RTEMS_EVENT_ANY, wait, &got) ==
            RTEMS_TIMEOUT) {
            /* Something may have come at the very end: a head still tries. */
            if (claim_turn(me)) {
                r = op(port, arg);
                if (r == PV_EAGAIN) {
                    lose_turn(me);
                }
            }
            break;
        }
        mine = claim_turn(me);
    }
    dequeue(me, r != PV_EAGAIN);
    return r;
}

/* Whether a task that does not wait would be the head of port's queue. */
static bool would_lead(const struct apex_port *port)
{
    rtems_task_priority priority = 0;
    rtems_interrupt_level level;
    bool lead;

    if (port->discipline == PRIORITY && !rtems_interrupt_is_in_progress()) {
        (void)rtems_task_set_priority(RTEMS_SELF, RTEMS_CURRENT_PRIORITY, &priority);
    }
    rtems_interrupt_local_disable(level);
    lead = true;
    for (int i = 0; i < MAX_WAITERS && lead; i++) {
        const struct waiter *w = &waiters[i];

        /* Only a strictly more important task passes those waiting. */
        if (w->task && w->port == port &&
            (w->turn || port->discipline != PRIORITY || !priority || w->priority <= priority)) {
            lead = false;
        }
    }
    rtems_interrupt_local_enable(level);
    return lead;
}

void apex_wait_forget(rtems_id task)
{
    rtems_interrupt_level level;
    rtems_id next = 0;

    rtems_interrupt_local_disable(level);
    for (int i = 0; i < MAX_WAITERS; i++) {
        struct waiter *w = &waiters[i];

        if (w->task == task) {
            bool had_turn = w->turn;

            w->task = 0;
            w->turn = false;
            w->port->waiting--;
            if (had_turn) {
                next = give_turn(w->port);
            }
        }
    }
    rtems_interrupt_local_enable(level);
    if (next) {
        (void)rtems_event_send(next, APEX_RTEMS_EVENT);
    }
}

int32_t apex_wait(struct apex_port *port, int32_t (*op)(struct apex_port *, void *), void *arg,
                  SYSTEM_TIME_TYPE timeout, RETURN_CODE_TYPE *rc)
{
    struct apex_process *self = rtems_interrupt_is_in_progress() ? NULL : apex_process_self();
    rtems_event_set stale;
    int32_t r = PV_EAGAIN;

    if (timeout < INFINITE_TIME_VALUE) {
        *rc = INVALID_PARAM;
        return PV_EINVAL;
    }
    /* Tasks waiting on the port come first: try only when none would be
     * served before the caller. */
    if (port->waiting == 0 || would_lead(port)) {
        r = op(port, arg);
    }
    if (r != PV_EAGAIN || timeout == 0) {
        return r;
    }
    /* Only a task can wait. A non-preemptible RTEMS task may (the Init
     * task is one by default), unlike an ARINC process holding the lock
     * or the error handler. */
    if (rtems_interrupt_is_in_progress() || (self != NULL && apex_lock_level > 0) ||
        (apex_error_handler_task() != 0 && rtems_task_self() == apex_error_handler_task())) {
        *rc = INVALID_MODE;
        return PV_EINVAL;
    }
    if (!isr_installed) {
        rtems_isr_entry old;

        if (rtems_interrupt_catch(port_isr, PV_IRQ_PORT, &old) != RTEMS_SUCCESSFUL) {
            *rc = INVALID_CONFIG;
            return PV_EINVAL;
        }
        isr_installed = true;
    }
    /* An event left over from an earlier wait would end this one early. */
    (void)rtems_event_receive(APEX_RTEMS_EVENT, RTEMS_NO_WAIT | RTEMS_EVENT_ANY, 0, &stale);
    if (self != NULL) {
        self->blocked = true; /* GET_PROCESS_STATUS: WAITING */
    }
    r = block(port, op, arg, timeout);
    if (self != NULL) {
        self->blocked = false;
    }
    return r;
}
