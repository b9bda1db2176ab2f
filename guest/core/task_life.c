/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A task's end or restart where the POSIX API has work to do in it: its
 * cleanup handlers and key destructors run in its own context, as RTEMS 5
 * and later run the POSIX API's thread terminate and restart extensions.
 * The task directives (task.c) call these; guest/posix sets the hooks.
 */
#include <rtems.h>

#include "dispatch.h"
#include "task_life.h"
#include "thread.h"
#include "threadq.h"

void (*exec_task_life_change_hook)(void);

/* The executing task's own end or restart, outside an interrupt: application code may run. */
bool exec_task_is_own_life_change(rtems_id id)
{
    return (id == RTEMS_SELF || id == exec_executing->object.id) && exec_isr_nest_level == 0;
}

void exec_task_run_life_change_hook(void)
{
    if (exec_task_life_change_hook != NULL && exec_isr_nest_level == 0) {
        exec_task_life_change_hook();
    }
}

bool (*exec_task_has_key_values_hook)(const struct exec_thread *t);
enum exec_protected_delete (*exec_task_protected_delete_hook)(struct exec_thread *t);

/* The executing task waits until t has ended (locked); the outcome of the wait. */
rtems_status_code exec_task_wait_for_end(struct exec_thread *t)
{
    exec_thread_block(exec_executing, &t->life_waiters, EXEC_STATE_BLOCKED, 0);
    exec_dispatch();
    return exec_executing->wait.status;
}

/*
 * As RTEMS 5 and later (_Thread_Close, _Thread_Join): a task that disabled
 * cancellation keeps the delete request as a cancellation request until it
 * enables it, and the deleter waits for its end, unless the task waits for
 * the deleter.
 */
enum exec_protected_delete exec_task_protected_delete(struct exec_thread *t)
{
    if (exec_task_protected_delete_hook == NULL || exec_isr_nest_level != 0 ||
        (t->life & EXEC_LIFE_DISABLED) == 0) {
        return EXEC_DELETE_AT_ONCE;
    }
    return exec_task_protected_delete_hook(t);
}

/*
 * Another task deletes or restarts t. When t has cleanup handlers or key
 * values, it does so itself, as RTEMS 5 and later (_Thread_Cancel,
 * _Thread_Restart: a life action run by the thread): its handlers and
 * destructors run in its own context, when it next runs. Otherwise nothing
 * of it would run in its context, and it is done at once.
 */
bool exec_task_ends_by_itself(const struct exec_thread *t)
{
    return exec_isr_nest_level == 0 && t->entry != NULL && (t->state & EXEC_STATE_DORMANT) == 0 &&
           (t->last_cleanup_context != NULL ||
            (exec_task_has_key_values_hook != NULL && exec_task_has_key_values_hook(t)));
}
