/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Thread cancellation, as RTEMS does it: pthread_cancel works on any task
 * or POSIX thread; a thread cancelling itself exits at once. Another
 * thread's request waits while that thread disables cancellation; with
 * deferred cancellation (POSIX threads start so, Classic tasks are
 * asynchronous) it is acted on at the cancellation points, which are
 * pthread_testcancel and clock_nanosleep, nanosleep, sleep and usleep (on
 * entry and before they return), and when the thread makes itself asynchronous. An
 * asynchronous request wakes a blocked thread; a post-switch action of the
 * dispatcher ends the thread when it next runs, through pthread_exit with
 * PTHREAD_CANCELED (cleanup handlers, then key destructors). The cleanup
 * handlers are newlib's pthread_cleanup_push/pop macros, which call
 * _pthread_cleanup_push/_pthread_cleanup_pop with a context on the stack.
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

/*
 * pthread_exit once the POSIX API is configured. Through a pointer so that
 * the cancellation points of sleep, usleep and nanosleep link no thread
 * code into a Classic-only application (which has no exec_posix_config);
 * before, no request can exist (pthread_cancel needs the API).
 */
static void (*exit_cancelled)(void *value);

static bool cancel_is_pending(const struct exec_thread *t, uint32_t ignored)
{
    return (t->life & EXEC_LIFE_CANCELLED) != 0 &&
           (t->life & ~ignored & (EXEC_LIFE_DISABLED | EXEC_LIFE_DEFERRED)) == 0;
}

/* The executing thread, if it is to end now for an asynchronous request. */
static struct exec_thread *cancel_candidate(void)
{
    struct exec_thread *t = exec_executing;

    if (t == NULL || t == &exec_idle_thread || t->state != 0 || exec_isr_nest_level != 0) {
        return NULL;
    }
    return cancel_is_pending(t, 0) ? t : NULL;
}

bool posix_cancel_is_asynchronous(const struct exec_thread *t)
{
    return cancel_is_pending(t, 0);
}

static bool cancel_is_due(void)
{
    return cancel_candidate() != NULL;
}

static bool cancel_run(void)
{
    struct exec_thread *t = cancel_candidate();

    if (t == NULL) {
        return false;
    }
    port_interrupt_restore(t->isr_level);
    exit_cancelled(PTHREAD_CANCELED);
    return true; /* not reached */
}

static const struct exec_post_switch cancel_action = {cancel_is_due, cancel_run};

void posix_cancel_initialize(void (*exit)(void *value))
{
    exit_cancelled = exit;
    exec_dispatch_add_post_switch(&cancel_action);
}

/* Replaces the bits mask of the executing thread's life by set; returns the old life. */
static uint32_t change_life(uint32_t mask, uint32_t set)
{
    port_isr_level level = exec_directive_lock();
    struct exec_thread *t = exec_executing;
    uint32_t previous = t->life;

    t->life = (previous & ~mask) | set;
    exec_dispatch(); /* the post-switch action ends it if that made a request due */
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return previous;
}

int pthread_setcancelstate(int state, int *oldstate)
{
    uint32_t previous;

    if (exec_isr_nest_level != 0) {
        return EPROTO;
    }
    if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE) {
        return EINVAL;
    }
    previous =
        change_life(EXEC_LIFE_DISABLED, state == PTHREAD_CANCEL_DISABLE ? EXEC_LIFE_DISABLED : 0);
    if (oldstate != NULL) {
        *oldstate =
            (previous & EXEC_LIFE_DISABLED) != 0 ? PTHREAD_CANCEL_DISABLE : PTHREAD_CANCEL_ENABLE;
    }
    return 0;
}

int pthread_setcanceltype(int type, int *oldtype)
{
    uint32_t previous;

    if (exec_isr_nest_level != 0) {
        return EPROTO;
    }
    if (type != PTHREAD_CANCEL_DEFERRED && type != PTHREAD_CANCEL_ASYNCHRONOUS) {
        return EINVAL;
    }
    previous =
        change_life(EXEC_LIFE_DEFERRED, type == PTHREAD_CANCEL_DEFERRED ? EXEC_LIFE_DEFERRED : 0);
    if (oldtype != NULL) {
        *oldtype = (previous & EXEC_LIFE_DEFERRED) != 0 ? PTHREAD_CANCEL_DEFERRED
                                                        : PTHREAD_CANCEL_ASYNCHRONOUS;
    }
    return 0;
}

void pthread_testcancel(void)
{
    if (exec_isr_nest_level == 0 && exit_cancelled != NULL &&
        cancel_is_pending(exec_executing, EXEC_LIFE_DEFERRED)) {
        exit_cancelled(PTHREAD_CANCELED);
    }
}

void _pthread_cleanup_push(struct _pthread_cleanup_context *context, void (*routine)(void *),
                           void *arg)
{
    port_isr_level level;

    context->_routine = routine;
    context->_arg = arg;
    context->_canceltype = -1; /* unused, as in RTEMS */
    if (exec_task_life_change_hook == NULL) {
        /* No POSIX tables (a Classic-only application): the handlers alone. */
        exec_task_life_change_hook = posix_cleanup_run_all;
    }
    level = port_interrupt_disable();
    context->_previous = exec_executing->last_cleanup_context;
    exec_executing->last_cleanup_context = context;
    port_interrupt_restore(level);
}

void _pthread_cleanup_pop(struct _pthread_cleanup_context *context, int execute)
{
    port_isr_level level;

    if (execute != 0) {
        context->_routine(context->_arg);
    }
    level = port_interrupt_disable();
    exec_executing->last_cleanup_context = context->_previous;
    port_interrupt_restore(level);
}

void posix_cleanup_run_all(void)
{
    struct _pthread_cleanup_context *context = exec_executing->last_cleanup_context;

    exec_executing->last_cleanup_context = NULL;
    while (context != NULL) {
        context->_routine(context->_arg);
        context = context->_previous;
    }
}
