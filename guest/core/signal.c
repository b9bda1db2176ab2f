/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Signal manager. Signals sent to a task collect in its pending set; its
 * ASR runs, with the signals taken so far, when the task next gets the
 * processor (in exec_dispatch) while its mode has ASRs enabled. The ASR runs
 * in the mode given to rtems_signal_catch; the task's mode and the state of
 * an interrupted directive's wait are restored afterwards, so the ASR may use
 * any directive.
 */
#include <rtems.h>

#include "directive.h"
#include "dispatch.h"
#include "task.h"

#include <port.h>

static struct exec_thread *asr_candidate(void)
{
    struct exec_thread *t = exec_executing;

    if (t == NULL || t == &exec_idle_thread || t->state != 0 || t->asr_disabled ||
        t->asr_handler == NULL || t->signals_pending == 0) {
        return NULL;
    }
    return t;
}

/* The executing task has signals pending and its ASR enabled. */
static bool asr_is_due(void)
{
    return asr_candidate() != NULL;
}

/*
 * Runs the executing task's ASR if that is due, in the ASR's own mode, and
 * returns true if it ran. Called by exec_dispatch() in task context with
 * interrupts disabled; returns with them disabled.
 */
static bool asr_deliver(void)
{
    struct exec_thread *t = asr_candidate();
    struct exec_wait saved_wait;
    rtems_signal_set signals;
    bool preemptible, timeslice, asr_disabled;
    uint32_t isr_level;
    rtems_mode mode;

    if (t == NULL || exec_isr_nest_level != 0) {
        return false;
    }
    saved_wait = t->wait;
    preemptible = t->preemptible;
    timeslice = t->timeslice;
    asr_disabled = t->asr_disabled;
    isr_level = t->isr_level;
    signals = t->signals_pending;
    t->signals_pending = 0;
    mode = t->asr_mode_set;
    t->preemptible = (mode & RTEMS_PREEMPT_MASK) == RTEMS_PREEMPT;
    t->timeslice = (mode & RTEMS_TIMESLICE_MASK) == RTEMS_TIMESLICE;
    t->asr_disabled = (mode & RTEMS_ASR_MASK) == RTEMS_NO_ASR;
    t->isr_level = mode & RTEMS_INTERRUPT_MASK;
    port_interrupt_enable(t->isr_level);
    t->asr_handler(signals);
    (void)port_interrupt_disable();
    t->preemptible = preemptible;
    t->timeslice = timeslice;
    t->asr_disabled = asr_disabled;
    t->isr_level = isr_level;
    t->wait = saved_wait;
    return true;
}

static const struct exec_post_switch asr_delivery = {asr_is_due, asr_deliver};

rtems_status_code rtems_signal_catch(rtems_asr_entry asr_handler, rtems_mode mode_set)
{
    struct exec_thread *t;
    port_isr_level level = exec_directive_lock();

    /* Signals can be pending only for a task that has an ASR: from now on. */
    exec_dispatch_add_post_switch(&asr_delivery);
    t = exec_executing;
    t->asr_handler = asr_handler;
    t->asr_mode_set = mode_set;
    if (asr_handler == NULL) {
        /* Without a routine the signals that were waiting for it are lost. */
        t->signals_pending = 0;
    }
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_signal_send(rtems_id id, rtems_signal_set signal_set)
{
    struct exec_thread *t;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    if (signal_set == 0) {
        return RTEMS_INVALID_NUMBER;
    }
    t = exec_task_lock(id, &level);
    if (t == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (t->asr_handler == NULL) {
        status = RTEMS_NOT_DEFINED;
    } else {
        t->signals_pending |= signal_set;
        exec_dispatch();
    }
    return exec_directive_unlock(level, status);
}
