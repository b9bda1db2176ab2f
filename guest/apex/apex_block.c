/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Processes waiting on intra-partition objects (buffers, blackboards,
 * semaphores, events), in the object's queuing discipline: FIFO (longest
 * waiting first) or PRIORITY (highest current priority first, the longest
 * waiting among equals).
 *
 * The object's service does the transfer itself for the process it wakes
 * (copies the message into the waiter's buffer, hands over the semaphore)
 * while interrupts are disabled, marks it woken, and sends it
 * APEX_RTEMS_WAIT_EVENT once interrupts are enabled again. The waiter
 * blocks on that event with its time-out; when it wakes it looks at its
 * woken flag, not at why the event receive returned, so a time-out that
 * races with a wake-up counts as the wake-up.
 */
#include "apex_impl.h"

static uint32_t next_seq;

static bool before(const struct apex_process *a, const struct apex_process *b,
                   QUEUING_DISCIPLINE_TYPE discipline)
{
    if (discipline == PRIORITY && a->priority != b->priority) {
        return a->priority > b->priority; /* ARINC: larger is more important */
    }
    return (int32_t)(a->wseq - b->wseq) < 0;
}

struct apex_process *apex_waitq_head(struct apex_waitq *q)
{
    struct apex_process *head = NULL;

    for (int i = 0; i < MAX_NUMBER_OF_PROCESSES; i++) {
        struct apex_process *p = &apex_processes[i];

        if (p->used && p->wq == q && (head == NULL || before(p, head, q->discipline))) {
            head = p;
        }
    }
    return head;
}

void apex_unwait(struct apex_process *p)
{
    if (p->wq != NULL) {
        p->wq->count--;
        p->wq = NULL;
    }
}

rtems_id apex_wake(struct apex_process *p)
{
    apex_unwait(p);
    p->woken = true;
    return p->task;
}

void apex_notify(const rtems_id *tasks, int count)
{
    for (int i = 0; i < count; i++) {
        (void)rtems_event_send(tasks[i], APEX_RTEMS_WAIT_EVENT);
    }
}

RETURN_CODE_TYPE apex_wait_check(SYSTEM_TIME_TYPE timeout)
{
    rtems_event_set stale;

    if (timeout < INFINITE_TIME_VALUE) {
        return INVALID_PARAM;
    }
    if (timeout != 0) {
        (void)rtems_event_receive(APEX_RTEMS_WAIT_EVENT, RTEMS_NO_WAIT | RTEMS_EVENT_ANY, 0,
                                  &stale);
    }
    return NO_ERROR;
}

RETURN_CODE_TYPE apex_wait_begin(bool valid, SYSTEM_TIME_TYPE timeout)
{
    return valid ? apex_wait_check(timeout) : INVALID_PARAM;
}

RETURN_CODE_TYPE apex_unavailable(SYSTEM_TIME_TYPE timeout)
{
    if (timeout == 0) {
        return NOT_AVAILABLE;
    }
    return apex_may_block() ? NO_ERROR : INVALID_MODE;
}

RETURN_CODE_TYPE apex_block(struct apex_process *p, struct apex_waitq *q, void *data,
                            APEX_INTEGER len, SYSTEM_TIME_TYPE timeout,
                            rtems_interrupt_level *level)
{
    rtems_interval ticks = RTEMS_NO_TIMEOUT;
    rtems_event_set got;

    /* timeout > 0 here: at least one tick. */
    if (timeout != INFINITE_TIME_VALUE) {
        ticks = (rtems_interval)apex_timeout_ticks(timeout);
    }
    p->wq = q;
    p->wseq = next_seq++;
    p->woken = false;
    p->wdata = data;
    p->wlen = len;
    q->count++;
    rtems_interrupt_local_enable(*level);
    (void)rtems_event_receive(APEX_RTEMS_WAIT_EVENT, RTEMS_WAIT | RTEMS_EVENT_ANY, ticks, &got);
    rtems_interrupt_local_disable(*level);
    if (p->woken) {
        return NO_ERROR;
    }
    apex_unwait(p);
    return TIMED_OUT;
}
