/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The one shape of a Classic API directive (docs/guest.md, "Directive shape"):
 *
 *   1. checks of the caller's arguments that need no lock return at once;
 *   2. exec_directive_lock() disables interrupts (the executive's only
 *      lock); EXEC_OBJECT_LOCK() also finds the object by id, and
 *      EXEC_OBJECT_ALLOCATE_LOCK() takes a free one: NULL means "no such
 *      object" or "none free", the lock is already left again and the
 *      directive returns RTEMS_INVALID_ID or RTEMS_TOO_MANY;
 *   3. the body computes one status and does not return;
 *   4. return exec_directive_unlock(level, status): the one exit that leaves
 *      the lock (exec_directive_unlock_enable for a directive that sets the
 *      interrupt level, rtems_task_mode).
 *
 * Changing the locking (or tracing every directive exit) is a change here.
 * Inline: a directive pays exactly the port calls it paid before.
 */
#ifndef TESSERA_EXEC_DIRECTIVE_H
#define TESSERA_EXEC_DIRECTIVE_H

#include <rtems.h>

#include "objects.h"

#include <port.h>

static inline port_isr_level exec_directive_lock(void)
{
    return port_interrupt_disable();
}

static inline rtems_status_code exec_directive_unlock(port_isr_level level,
                                                      rtems_status_code status)
{
    port_interrupt_restore(level);
    return status;
}

/* The exit of a directive that may set another level than it began at
 * (rtems_task_mode): enabling then also delivers what the port held
 * pending while interrupts were disabled (port.h, port_interrupt_enable). */
static inline rtems_status_code exec_directive_unlock_enable(port_isr_level level,
                                                             rtems_status_code status)
{
    port_interrupt_enable(level);
    return status;
}

/*
 * Locks and returns the active object of info with this id, or NULL with
 * the lock already left again (*level is then meaningless).
 */
static inline struct exec_object *exec_object_lock(const struct exec_object_info *info, rtems_id id,
                                                   port_isr_level *level)
{
    struct exec_object *object;

    *level = port_interrupt_disable();
    object = exec_object_get(info, id);
    if (object == NULL) {
        port_interrupt_restore(*level);
    }
    return object;
}

/*
 * Locks and takes an inactive object of info named name, or returns NULL
 * (the directive's RTEMS_TOO_MANY) with the lock already left again.
 */
static inline struct exec_object *exec_object_allocate_lock(struct exec_object_info *info,
                                                            rtems_name name, port_isr_level *level)
{
    struct exec_object *object;

    *level = port_interrupt_disable();
    object = exec_object_allocate(info, name);
    if (object == NULL) {
        port_interrupt_restore(*level);
    }
    return object;
}

/*
 * exec_object_lock() and exec_object_allocate_lock() for a control block type. Every control block
 * begins with its struct exec_object (exec_object_allocate() relies on it too).
 */
#define EXEC_OBJECT_LOCK(type, info, id, level)                                                    \
    ((type *)(void *)exec_object_lock((info), (id), (level)))
#define EXEC_OBJECT_ALLOCATE_LOCK(type, info, name, level)                                         \
    ((type *)(void *)exec_object_allocate_lock((info), (name), (level)))

#endif
