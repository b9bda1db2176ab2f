/* SPDX-License-Identifier: BSD-2-Clause */
/* Task internals shared by the task directives, initialization and timers. */
#ifndef TESSERA_EXEC_TASK_H
#define TESSERA_EXEC_TASK_H

#include <tessera/exec_types.h>

#include <port.h>

#include "task_life.h"

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

/* The id of the only scheduler instance. */
#define EXEC_SCHEDULER_ID ((rtems_id)0x0f010001)

#endif
