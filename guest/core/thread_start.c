/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Starting a thread: its modes, its context and the entry every thread runs
 * first (hooks, interrupt level, the task body). Used by the task manager
 * (start, restart) and initialization (idle).
 */
#include <rtems.h>

#include "dispatch.h"
#include "extension.h"
#include "thread.h"
#include "thread_start.h"

#include <port.h>

void exec_thread_apply_modes(struct exec_thread *t, rtems_mode modes)
{
    t->preemptible = (modes & RTEMS_PREEMPT_MASK) == RTEMS_PREEMPT;
    t->timeslice = (modes & RTEMS_TIMESLICE_MASK) == RTEMS_TIMESLICE;
    t->asr_disabled = (modes & RTEMS_ASR_MASK) == RTEMS_NO_ASR;
    t->isr_level = modes & RTEMS_INTERRUPT_MASK;
    t->budget = exec_config.ticks_per_timeslice;
}

void exec_thread_entry(void)
{
    struct exec_thread *t = exec_executing;

    if (t->restart_pending) {
        /* RTEMS runs the restart hooks in the restarted thread's context. */
        t->restart_pending = false;
        exec_ext_thread_restart(t, t);
    }
    exec_ext_thread_begin(t);
    /* What is due before the body runs (a POSIX signal sent to the thread
     * before it started: its handler runs first, as RTEMS's). */
    exec_dispatch();
    port_interrupt_enable(t->isr_level);
    t->entry(t->argument);
    (void)port_interrupt_disable();
    exec_ext_thread_exitted(t);
    rtems_fatal(INTERNAL_ERROR_CORE, INTERNAL_ERROR_THREAD_EXITTED);
}

void exec_thread_start(struct exec_thread *t, rtems_task_entry entry, rtems_task_argument arg)
{
    t->entry = entry;
    t->argument = arg;
    t->restart_pending = false;
    t->events_pending = 0;
    t->system_events_pending = 0;
    t->asr_handler = NULL;
    t->signals_pending = 0;
    t->real_priority = t->initial_priority;
    t->priority = t->initial_priority;
    exec_thread_apply_modes(t, t->initial_modes);
    t->context = port_context_init(t->stack_area, t->stack_size,
                                   (t->attributes & RTEMS_FLOATING_POINT) != 0, exec_thread_entry);
    if (t->context == NULL) {
        rtems_fatal(INTERNAL_ERROR_CORE, INTERNAL_ERROR_TOO_LITTLE_WORKSPACE);
    }
    t->state = EXEC_STATE_DORMANT;
    exec_thread_clear_state(t, EXEC_STATE_DORMANT);
}
