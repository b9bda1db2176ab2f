/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * pthread_cancel (the rest of cancellation is in cancel.c): a thread that
 * cancels itself exits at once, whatever its state and type (as RTEMS); a
 * task never started is deleted; another thread gets the request, and if
 * it is asynchronous and enabled it is woken from any wait (its directive
 * does not return: cancel.c's post-switch action ends it when it runs).
 */
#include <rtems.h>

#include "posix_impl.h"

#include "directive.h"
#include "dispatch.h"
#include "task.h"
#include "thread.h"
#include "thread_state.h"

#include <errno.h>
#include <pthread.h>

int pthread_cancel(pthread_t thread)
{
    struct exec_thread *t;
    port_isr_level level;

    t = exec_task_lock(thread, &level);
    if (t == NULL) {
        return ESRCH;
    }
    if (t == exec_executing && exec_isr_nest_level == 0) {
        (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
        pthread_exit(PTHREAD_CANCELED);
    }
    if ((t->state & EXEC_STATE_DORMANT) != 0) {
        /* Never started: nothing to clean up (RTEMS makes it a zombie). */
        (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
        (void)rtems_task_delete(thread);
        return 0;
    }
    t->life |= EXEC_LIFE_CANCELLED;
    if (posix_cancel_is_asynchronous(t) && (t->state & EXEC_STATE_WAIT_MASK) != 0) {
        exec_thread_unblock(t, RTEMS_INTERNAL_ERROR);
    }
    exec_thread_clear_state(t, EXEC_STATE_SUSPENDED);
    exec_dispatch();
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}
