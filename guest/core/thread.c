/* SPDX-License-Identifier: BSD-2-Clause */
#include "thread.h"

#include "chain.h"
#include "scheduler.h"
#include "threadq.h"
#include "watchdog.h"

uint64_t exec_ticks_since_boot;

void exec_thread_set_state(struct exec_thread *t, uint32_t bits)
{
    if (t->state == EXEC_STATE_READY) {
        exec_sched_remove(t);
    }
    t->state |= bits;
    exec_sched_note_change();
}

void exec_thread_clear_state(struct exec_thread *t, uint32_t bits)
{
    if (t->state == EXEC_STATE_READY) {
        return;
    }
    t->state &= ~bits;
    if (t->state == EXEC_STATE_READY) {
        exec_sched_insert(t, false);
        exec_sched_note_change();
    }
}

void exec_thread_block(struct exec_thread *t, struct exec_threadq *q, uint32_t state,
                       rtems_interval ticks)
{
    t->wait.status = RTEMS_SUCCESSFUL;
    exec_thread_set_state(t, state);
    if (q != NULL) {
        exec_tq_enqueue(q, t);
    }
    if (ticks != 0) {
        exec_watchdog_insert(&exec_watchdog_ticks, &t->timer, exec_ticks_since_boot + ticks);
    }
}

void exec_thread_arm_timeout(struct exec_thread *t, struct exec_watchdog_list *list,
                             uint64_t expire)
{
    exec_watchdog_insert(list, &t->timer, expire);
}

void exec_thread_unblock(struct exec_thread *t, rtems_status_code status)
{
    struct exec_threadq *q = t->wait.queue;

    exec_watchdog_remove(&t->timer);
    t->wait.status = status;
    if (q != NULL) {
        exec_tq_extract(t);
        if (q->mutex != NULL && q->mutex->owner != NULL &&
            q->mutex->protocol == EXEC_MUTEX_INHERIT) {
            /* The owner may have been running on t's priority. */
            exec_thread_update_priority(q->mutex->owner, true);
        }
    }
    exec_thread_clear_state(t, EXEC_STATE_WAIT_MASK);
}

void exec_thread_timeout(struct exec_watchdog *w)
{
    struct exec_thread *t = EXEC_CONTAINER_OF(w, struct exec_thread, timer);

    exec_thread_unblock(t,
                        (t->state & EXEC_STATE_DELAYING) != 0 ? RTEMS_SUCCESSFUL : RTEMS_TIMEOUT);
}

#define NO_PRIORITY UINT32_MAX

/*
 * The priority a held mutex imposes on its owner, or NO_PRIORITY. Here, not
 * in mutex.c: the mutex code builds on threads, not the other way round.
 */
static uint32_t mutex_priority_bound(const struct exec_mutex *m)
{
    const struct exec_thread *first;

    switch (m->protocol) {
    case EXEC_MUTEX_CEILING:
        return m->ceiling;
    case EXEC_MUTEX_INHERIT:
        first = exec_tq_first(&m->queue);
        /* Priority queue: the first waiter has the highest priority. */
        return first != NULL ? first->priority : NO_PRIORITY;
    default:
        return NO_PRIORITY;
    }
}

static uint32_t effective_priority(const struct exec_thread *t)
{
    uint32_t priority = t->real_priority;
    const struct exec_node *n;

    for (n = exec_chain_first(&t->held_mutexes); n != NULL;
         n = exec_chain_next(&t->held_mutexes, n)) {
        uint32_t bound = mutex_priority_bound(EXEC_CONTAINER_OF(n, struct exec_mutex, held_node));

        if (bound < priority) {
            priority = bound;
        }
    }
    return priority;
}

/* Longest chain of owners followed; a longer one is a deadlock cycle. */
#define MAX_INHERITANCE_DEPTH 64

void exec_thread_update_priority(struct exec_thread *t, bool lowered_to_head)
{
    for (int depth = 0; t != NULL && depth < MAX_INHERITANCE_DEPTH; depth++) {
        uint32_t priority = effective_priority(t);
        struct exec_threadq *q;
        bool lowered;

        if (priority == t->priority) {
            return;
        }
        lowered = priority > t->priority;
        if (t->state == EXEC_STATE_READY) {
            exec_sched_remove(t);
            t->priority = priority;
            exec_sched_insert(t, lowered && lowered_to_head);
            exec_sched_note_change();
        } else {
            t->priority = priority;
            exec_tq_requeue(t);
        }
        q = t->wait.queue;
        if (q == NULL || q->mutex == NULL || q->mutex->protocol != EXEC_MUTEX_INHERIT) {
            return;
        }
        t = q->mutex->owner;
    }
}

void exec_thread_set_real_priority(struct exec_thread *t, uint32_t priority)
{
    t->real_priority = priority;
    exec_thread_update_priority(t, false);
}
