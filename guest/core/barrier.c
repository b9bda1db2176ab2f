/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Barrier manager. Waiters queue in FIFO order; the number waiting is the
 * length of that queue (a waiter that times out leaves it). An automatic
 * barrier opens when the arrival of a task would make maximum_waiters.
 */
#include <rtems.h>

#include "chain.h"
#include "directive.h"
#include "dispatch.h"
#include "objects.h"
#include "thread.h"
#include "threadq.h"

#include <port.h>

static struct exec_barrier *barrier_lock(rtems_id id, port_isr_level *level)
{
    return EXEC_OBJECT_LOCK(struct exec_barrier, &exec_barriers_info, id, level);
}

static uint32_t number_waiting(const struct exec_barrier *b)
{
    uint32_t n = 0;

    for (const struct exec_node *node = exec_chain_first(&b->waiters.waiters); node != NULL;
         node = exec_chain_next(&b->waiters.waiters, node)) {
        n++;
    }
    return n;
}

static uint32_t release_all(struct exec_barrier *b, rtems_status_code status)
{
    struct exec_thread *t;
    uint32_t n = 0;

    while ((t = exec_tq_first(&b->waiters)) != NULL) {
        exec_thread_unblock(t, status);
        n++;
    }
    return n;
}

rtems_status_code rtems_barrier_create(rtems_name name, rtems_attribute attribute_set,
                                       uint32_t maximum_waiters, rtems_id *id)
{
    struct exec_barrier *b;
    port_isr_level level;
    bool automatic = (attribute_set & RTEMS_BARRIER_AUTOMATIC_RELEASE) != 0;

    if (name == 0) {
        return RTEMS_INVALID_NAME;
    }
    if (id == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (automatic && maximum_waiters == 0) {
        return RTEMS_INVALID_NUMBER;
    }
    b = EXEC_OBJECT_ALLOCATE_LOCK(struct exec_barrier, &exec_barriers_info, name, &level);
    if (b == NULL) {
        return RTEMS_TOO_MANY;
    }
    b->attributes = attribute_set;
    b->maximum_waiters = automatic ? maximum_waiters : 0;
    exec_tq_init(&b->waiters, EXEC_TQ_FIFO);
    *id = b->object.id;
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_barrier_ident(rtems_name name, rtems_id *id)
{
    port_isr_level level = exec_directive_lock();
    rtems_status_code status =
        exec_object_ident(&exec_barriers_info, name, RTEMS_SEARCH_LOCAL_NODE, id);

    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_barrier_delete(rtems_id id)
{
    struct exec_barrier *b;
    port_isr_level level;

    b = barrier_lock(id, &level);
    if (b == NULL) {
        return RTEMS_INVALID_ID;
    }
    (void)release_all(b, RTEMS_OBJECT_WAS_DELETED);
    exec_object_free(&exec_barriers_info, &b->object);
    exec_dispatch();
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_barrier_wait(rtems_id id, rtems_interval timeout)
{
    struct exec_barrier *b;
    struct exec_thread *executing;
    rtems_status_code status = RTEMS_SUCCESSFUL;
    port_isr_level level;

    b = barrier_lock(id, &level);
    if (b == NULL) {
        return RTEMS_INVALID_ID;
    }
    executing = exec_executing;
    if (b->maximum_waiters != 0 && number_waiting(b) + 1 == b->maximum_waiters) {
        (void)release_all(b, RTEMS_SUCCESSFUL);
        exec_dispatch();
    } else {
        exec_thread_block(executing, &b->waiters, EXEC_STATE_BLOCKED, timeout);
        exec_dispatch();
        status = executing->wait.status;
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_barrier_release(rtems_id id, uint32_t *released)
{
    struct exec_barrier *b;
    port_isr_level level;

    if (released == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    b = barrier_lock(id, &level);
    if (b == NULL) {
        return RTEMS_INVALID_ID;
    }
    *released = release_all(b, RTEMS_SUCCESSFUL);
    exec_dispatch();
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_barrier_get_number_waiting(rtems_id id, uint32_t *waiting)
{
    struct exec_barrier *b;
    port_isr_level level;

    if (waiting == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    b = barrier_lock(id, &level);
    if (b == NULL) {
        return RTEMS_INVALID_ID;
    }
    *waiting = number_waiting(b);
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}
