/* SPDX-License-Identifier: BSD-2-Clause */
#include "mutex.h"

#include "chain.h"
#include "thread.h"
#include "threadq.h"

void exec_mutex_init(struct exec_mutex *m, enum exec_tq_discipline discipline,
                     enum exec_mutex_protocol protocol, uint32_t ceiling)
{
    exec_tq_init(&m->queue, discipline);
    m->queue.mutex = m;
    m->owner = NULL;
    m->nest_count = 0;
    m->protocol = protocol;
    m->ceiling = ceiling;
    m->held_node.next = &m->held_node;
    m->held_node.prev = &m->held_node;
}

static void set_owner(struct exec_mutex *m, struct exec_thread *t)
{
    m->owner = t;
    m->nest_count = 1;
    exec_chain_append(&t->held_mutexes, &m->held_node);
    exec_thread_update_priority(t, false);
}

rtems_status_code exec_mutex_try_acquire(struct exec_mutex *m, struct exec_thread *t)
{
    if (m->owner == t) {
        m->nest_count++;
        return RTEMS_SUCCESSFUL;
    }
    if (m->owner != NULL) {
        return RTEMS_UNSATISFIED;
    }
    if (m->protocol == EXEC_MUTEX_CEILING && t->priority < m->ceiling) {
        return RTEMS_INVALID_PRIORITY;
    }
    set_owner(m, t);
    return RTEMS_SUCCESSFUL;
}

void exec_mutex_block(struct exec_mutex *m, struct exec_thread *t, rtems_interval ticks)
{
    exec_thread_block(t, &m->queue, EXEC_STATE_BLOCKED, ticks);
    if (m->protocol == EXEC_MUTEX_INHERIT) {
        exec_thread_update_priority(m->owner, false);
    }
}

static void hand_over(struct exec_mutex *m)
{
    struct exec_thread *previous = m->owner;
    struct exec_thread *next;

    exec_node_extract(&m->held_node);
    m->owner = NULL;
    m->nest_count = 0;
    exec_thread_update_priority(previous, true);
    next = exec_tq_first(&m->queue);
    if (next != NULL) {
        exec_thread_unblock(next, RTEMS_SUCCESSFUL);
        set_owner(m, next);
    }
}

rtems_status_code exec_mutex_surrender(struct exec_mutex *m, const struct exec_thread *t)
{
    if (m->owner != t) {
        return RTEMS_NOT_OWNER_OF_RESOURCE;
    }
    if (--m->nest_count == 0) {
        hand_over(m);
    }
    return RTEMS_SUCCESSFUL;
}

void exec_mutex_release_all(struct exec_mutex *m)
{
    if (m->owner != NULL) {
        hand_over(m);
    }
}
