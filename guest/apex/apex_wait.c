/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Blocking SEND/RECEIVE for RTEMS tasks. The kernel's port calls never
 * block; PV_IRQ_PORT tells the partition that some port received a message
 * or freed space. Its handler sends APEX_RTEMS_EVENT to every waiting task,
 * and each retries its own port: a broadcast is enough for the few tasks of
 * a partition and needs no knowledge of which port changed.
 */
#include <rtems.h>

#include "apex_impl.h"

#define MAX_WAITERS 16

static rtems_id waiters[MAX_WAITERS];
static bool isr_installed;

static rtems_isr port_isr(rtems_vector_number vector)
{
    (void)vector;
    for (int i = 0; i < MAX_WAITERS; i++) {
        if (waiters[i])
            (void)rtems_event_send(waiters[i], APEX_RTEMS_EVENT);
    }
}

/* Ticks of a timeout, rounded up so that a task never waits less. */
static rtems_interval timeout_ticks(SYSTEM_TIME_TYPE ns)
{
    uint64_t t = ((uint64_t)ns * rtems_clock_get_ticks_per_second() + 999999999u) / 1000000000u;

    return t ? (rtems_interval)t : 1;
}

static int add_waiter(rtems_id self)
{
    rtems_interrupt_level level;
    int slot = -1;

    rtems_interrupt_local_disable(level);
    for (int i = 0; i < MAX_WAITERS && slot < 0; i++) {
        if (!waiters[i]) {
            waiters[i] = self;
            slot = i;
        }
    }
    rtems_interrupt_local_enable(level);
    return slot;
}

static int32_t block(struct apex_port *port, int32_t (*op)(struct apex_port *, void *), void *arg,
                     SYSTEM_TIME_TYPE timeout)
{
    rtems_event_set got;
    rtems_interval start = rtems_clock_get_ticks_since_boot();
    rtems_interval total = timeout < 0 ? 0 : timeout_ticks(timeout);
    int slot = add_waiter(rtems_task_self());
    int32_t r = PV_EAGAIN;

    if (slot < 0)
        return PV_EAGAIN;
    port->waiting++;
    for (;;) {
        rtems_interval wait = RTEMS_NO_TIMEOUT;

        /* Registered before the retry: an arrival after it leaves the
         * event pending, so the receive below cannot miss it. */
        r = op(port, arg);
        if (r != PV_EAGAIN)
            break;
        if (total) {
            rtems_interval spent = rtems_clock_get_ticks_since_boot() - start;

            if (spent >= total)
                break;
            wait = total - spent;
        }
        if (rtems_event_receive(APEX_RTEMS_EVENT, RTEMS_WAIT | RTEMS_EVENT_ANY, wait, &got) ==
            RTEMS_TIMEOUT) {
            r = op(port, arg);
            break;
        }
    }
    port->waiting--;
    waiters[slot] = 0;
    return r;
}

int32_t apex_wait(struct apex_port *port, int32_t (*op)(struct apex_port *, void *), void *arg,
                  SYSTEM_TIME_TYPE timeout, RETURN_CODE_TYPE *rc)
{
    rtems_event_set stale;
    int32_t r;

    if (timeout < INFINITE_TIME_VALUE) {
        *rc = INVALID_PARAM;
        return PV_EINVAL;
    }
    r = op(port, arg);
    if (r != PV_EAGAIN || timeout == 0)
        return r;
    /* Only a task can wait. A non-preemptible RTEMS task may (the Init
     * task is one by default), unlike an ARINC process holding the lock. */
    if (rtems_interrupt_is_in_progress()) {
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
    return block(port, op, arg, timeout);
}
