/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ARINC 653 process control: START, DELAYED_START, STOP, STOP_SELF,
 * SUSPEND, SUSPEND_SELF, RESUME, SET_PRIORITY, LOCK_PREEMPTION and
 * UNLOCK_PREEMPTION.
 *
 * SUSPEND suspends the RTEMS task (a process waiting on something stays
 * waiting and is also suspended); SUSPEND_SELF waits for RESUME or its
 * time-out on APEX_RTEMS_WAIT_EVENT. The preemption lock is the partition's
 * (one level counter) and is the RTEMS no-preempt mode of the holder.
 */
#include "apex_impl.h"

LOCK_LEVEL_TYPE apex_lock_level;

static void start_after(struct apex_process *p, uint64_t delay)
{
    p->dormant = false;
    p->suspended = false;
    p->self_suspended = false;
    p->delay = delay;
    if (apex_initialising()) {
        /* ARINC 653: it waits for the partition's NORMAL mode. */
        p->start_pending = true;
        return;
    }
    p->release = apex_release_base(p) + delay;
    p->blocked = delay > 0; /* WAITING until its release point */
    apex_deadline_arm(p, p->release);
    apex_process_launch(p);
}

void START(PROCESS_ID_TYPE PROCESS_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_process *p = apex_process_get(PROCESS_ID);

    if (p == NULL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    if (!p->dormant) {
        *RETURN_CODE = NO_ACTION;
        return;
    }
    *RETURN_CODE = NO_ERROR;
    start_after(p, 0);
}

void DELAYED_START(PROCESS_ID_TYPE PROCESS_ID, SYSTEM_TIME_TYPE DELAY_TIME,
                   RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_process *p = apex_process_get(PROCESS_ID);

    if (p == NULL || DELAY_TIME < 0) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    if (!p->dormant) {
        *RETURN_CODE = NO_ACTION;
        return;
    }
    /* The first release must fall within the first period. */
    if (p->attr.PERIOD != INFINITE_TIME_VALUE && DELAY_TIME >= p->attr.PERIOD) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    *RETURN_CODE = NO_ERROR;
    start_after(p, DELAY_TIME > 0 ? apex_timeout_ticks(DELAY_TIME) : 0);
}

/* Takes p off every queue and deadline: it is dormant from here. */
static void make_dormant(struct apex_process *p)
{
    rtems_interrupt_level level;

    rtems_interrupt_local_disable(level);
    apex_unwait(p);
    p->dormant = true;
    p->start_pending = false;
    p->suspended = false;
    p->self_suspended = false;
    p->blocked = false;
    rtems_interrupt_local_enable(level);
    apex_wait_forget(p->task);
    apex_deadline_disarm(p);
}

void STOP(PROCESS_ID_TYPE PROCESS_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_process *p = apex_process_get(PROCESS_ID);

    if (p == NULL || p->task == rtems_task_self()) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    if (p->dormant) {
        *RETURN_CODE = NO_ACTION;
        return;
    }
    make_dormant(p);
    if (p->ever_started) {
        (void)rtems_task_suspend(p->task);
    }
    *RETURN_CODE = NO_ERROR;
}

static void unlock_all(void)
{
    rtems_mode old;

    if (apex_lock_level > 0) {
        apex_lock_level = 0;
        (void)rtems_task_mode(RTEMS_PREEMPT, RTEMS_PREEMPT_MASK, &old);
    }
}

void STOP_SELF(void)
{
    struct apex_process *p = apex_process_self();

    if (rtems_task_self() == apex_error_handler_task()) {
        unlock_all();
        apex_error_handler_stop_self();
    }
    if (p != NULL) {
        make_dormant(p);
        unlock_all();
        for (;;) {
            (void)rtems_task_suspend(RTEMS_SELF);
        }
    }
    rtems_task_exit(); /* the initialisation task ends */
}

void SUSPEND(PROCESS_ID_TYPE PROCESS_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_process *p = apex_process_get(PROCESS_ID);

    if (p == NULL || p->task == rtems_task_self()) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    if (p->dormant || p->attr.PERIOD != INFINITE_TIME_VALUE) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    if (p->suspended) {
        *RETURN_CODE = NO_ACTION;
        return;
    }
    p->suspended = true;
    (void)rtems_task_suspend(p->task);
    *RETURN_CODE = NO_ERROR;
}

void SUSPEND_SELF(SYSTEM_TIME_TYPE TIME_OUT, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_process *p = apex_process_self();
    rtems_interrupt_level level;
    rtems_event_set got;
    RETURN_CODE_TYPE rc;

    if (p == NULL || apex_lock_level > 0 || p->attr.PERIOD != INFINITE_TIME_VALUE) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    rc = apex_wait_check(TIME_OUT);
    if (rc != NO_ERROR || TIME_OUT == 0) {
        *RETURN_CODE = rc;
        return;
    }
    rtems_interrupt_local_disable(level);
    p->suspended = true;
    p->self_suspended = true;
    rtems_interrupt_local_enable(level);
    (void)rtems_event_receive(APEX_RTEMS_WAIT_EVENT, RTEMS_WAIT | RTEMS_EVENT_ANY,
                              TIME_OUT == INFINITE_TIME_VALUE
                                  ? RTEMS_NO_TIMEOUT
                                  : (rtems_interval)apex_timeout_ticks(TIME_OUT),
                              &got);
    rtems_interrupt_local_disable(level);
    /* RESUME clears the flags before it sends the event. */
    *RETURN_CODE = p->self_suspended ? TIMED_OUT : NO_ERROR;
    p->suspended = false;
    p->self_suspended = false;
    rtems_interrupt_local_enable(level);
}

void RESUME(PROCESS_ID_TYPE PROCESS_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_process *p = apex_process_get(PROCESS_ID);
    rtems_interrupt_level level;
    bool wake;

    if (p == NULL || p->task == rtems_task_self()) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    if (p->dormant || p->attr.PERIOD != INFINITE_TIME_VALUE) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    if (!p->suspended) {
        *RETURN_CODE = NO_ACTION;
        return;
    }
    rtems_interrupt_local_disable(level);
    wake = p->self_suspended;
    p->suspended = false;
    p->self_suspended = false;
    rtems_interrupt_local_enable(level);
    if (wake) {
        (void)rtems_event_send(p->task, APEX_RTEMS_WAIT_EVENT);
    } else {
        (void)rtems_task_resume(p->task);
    }
    *RETURN_CODE = NO_ERROR;
}

void SET_PRIORITY(PROCESS_ID_TYPE PROCESS_ID, PRIORITY_TYPE PRIORITY, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_process *p = apex_process_get(PROCESS_ID);
    rtems_task_priority old;

    if (p == NULL || PRIORITY < MIN_PRIORITY_VALUE || PRIORITY > MAX_PRIORITY_VALUE) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    if (p->dormant) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    p->priority = PRIORITY;
    if (!p->start_pending) {
        (void)rtems_task_set_priority(p->task, APEX_RTEMS_PRIORITY(PRIORITY), &old);
    }
    *RETURN_CODE = NO_ERROR;
}

/* Only a process of a partition in NORMAL mode locks preemption. */
static bool may_lock(void)
{
    return !apex_initialising() && apex_process_self() != NULL;
}

void LOCK_PREEMPTION(LOCK_LEVEL_TYPE *LOCK_LEVEL, RETURN_CODE_TYPE *RETURN_CODE)
{
    rtems_mode old;

    *LOCK_LEVEL = apex_lock_level;
    if (!may_lock()) {
        *RETURN_CODE = NO_ACTION;
        return;
    }
    if (apex_lock_level >= MAX_LOCK_LEVEL) {
        *RETURN_CODE = INVALID_CONFIG;
        return;
    }
    if (apex_lock_level++ == 0) {
        (void)rtems_task_mode(RTEMS_NO_PREEMPT, RTEMS_PREEMPT_MASK, &old);
    }
    *LOCK_LEVEL = apex_lock_level;
    *RETURN_CODE = NO_ERROR;
}

void UNLOCK_PREEMPTION(LOCK_LEVEL_TYPE *LOCK_LEVEL, RETURN_CODE_TYPE *RETURN_CODE)
{
    rtems_mode old;

    *LOCK_LEVEL = apex_lock_level;
    if (!may_lock() || apex_lock_level == 0) {
        *RETURN_CODE = NO_ACTION;
        return;
    }
    if (--apex_lock_level == 0) {
        (void)rtems_task_mode(RTEMS_PREEMPT, RTEMS_PREEMPT_MASK, &old);
    }
    *LOCK_LEVEL = apex_lock_level;
    *RETURN_CODE = NO_ERROR;
}
