/* SPDX-License-Identifier: BSD-2-Clause */
/* Task internals shared by the task directives, initialization and timers. */
#ifndef TESSERA_EXEC_TASK_H
#define TESSERA_EXEC_TASK_H

#include <tessera/exec_types.h>

#include <port.h>

struct exec_object_info;

/*
 * exec_object_lock() for tasks (directive.h): locks and returns the task with
 * this id (RTEMS_SELF: the executing one), or NULL with the lock left again.
 */
struct exec_thread *exec_task_lock(rtems_id id, port_isr_level *level);

/* Empties the list of deleted tasks (boot). */
void exec_tasks_init(void);

/* rtems_task_create with the checks of the directive. */
rtems_status_code exec_task_create(const rtems_task_config *config, rtems_id *id,
                                   bool user_storage);

/*
 * exec_task_create for a table of threads (Classic tasks or POSIX threads,
 * whose control blocks begin with a struct exec_thread); any name.
 */
rtems_status_code exec_thread_create(struct exec_object_info *info, const rtems_task_config *config,
                                     rtems_id *id, bool user_storage);

/*
 * Called (locked) for a task or POSIX thread that is deleted or exits,
 * while its id is still valid; set by guest/posix (key values, joiners).
 */
extern void (*exec_task_delete_hook)(struct exec_thread *t);

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
/* Asks t to end or restart itself when it next runs (EXEC_LIFE_TERMINATING or _RESTARTING). */
void exec_task_request_life_change(struct exec_thread *t, uint32_t life);
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

/* The id of the only scheduler instance. */
#define EXEC_SCHEDULER_ID ((rtems_id)0x0f010001)

#endif
