/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A task's end or restart where the POSIX API has work to do in it
 * (task_life.c): the hooks guest/posix sets and the checks the task
 * directives make. Apart from task.h so that task_life.c depends on no
 * part of the task manager (tests/unit/guest/check_shape.py).
 */
#ifndef TESSERA_EXEC_TASK_LIFE_H
#define TESSERA_EXEC_TASK_LIFE_H

#include <tessera/exec_types.h>

/*
 * Called (unlocked, in the thread's own context) when the executing task or
 * POSIX thread ends (rtems_task_exit, rtems_task_delete of itself) or
 * restarts itself: the POSIX API's thread terminate and restart work of
 * RTEMS 5 and later (cleanup handlers, then key destructors). Set by
 * guest/posix once cleanup handlers or keys exist.
 */
extern void (*exec_task_life_change_hook)(void);

/*
 * Whether t (not executing) has key values for exec_task_life_change_hook
 * to dispose of; set by guest/posix with it. Cleanup handlers the core
 * sees itself (last_cleanup_context).
 */
extern bool (*exec_task_has_key_values_hook)(const struct exec_thread *t);

/* task_life.c: the executing task's own end or restart, outside an interrupt. */
bool exec_task_is_own_life_change(rtems_id id);
/* Runs exec_task_life_change_hook, if set and not in an interrupt. */
void exec_task_run_life_change_hook(void);
/* Whether t, deleted or restarted by another task, does it itself (has POSIX work). */
bool exec_task_ends_by_itself(const struct exec_thread *t);
/* Blocks the executing task until t has ended (locked); returns the wait's status. */
rtems_status_code exec_task_wait_for_end(struct exec_thread *t);

/* How rtems_task_delete ends a task that disabled cancellation (guest/posix). */
enum exec_protected_delete {
    EXEC_DELETE_AT_ONCE,  /* not protected (or it has ended already) */
    EXEC_DELETE_WAIT,     /* the request waits until it enables; so does the deleter */
    EXEC_DELETE_DEADLOCK, /* it waits (joins) for the deleter: RTEMS_INCORRECT_STATE */
};
extern enum exec_protected_delete (*exec_task_protected_delete_hook)(struct exec_thread *t);
/* EXEC_DELETE_AT_ONCE unless t disabled cancellation (and the hook says otherwise). */
enum exec_protected_delete exec_task_protected_delete(struct exec_thread *t);

#endif
