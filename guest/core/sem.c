/* SPDX-License-Identifier: BSD-2-Clause */
/* Semaphore manager: counting, simple binary and binary (mutex) semaphores. */
#include <rtems.h>

#include "directive.h"
#include "dispatch.h"
#include "mutex.h"
#include "objects.h"
#include "task.h"
#include "thread.h"
#include "threadq.h"

#define KIND_MASK                                                                                  \
    (RTEMS_SEMAPHORE_CLASS | RTEMS_INHERIT_PRIORITY | RTEMS_PRIORITY_CEILING |                     \
     RTEMS_MULTIPROCESSOR_RESOURCE_SHARING)

static struct exec_semaphore *sem_lock(rtems_id id, port_isr_level *level)
{
    return EXEC_OBJECT_LOCK(struct exec_semaphore, &exec_semaphores_info, id, level);
}

/* Which semaphore the attributes describe, as RTEMS decides it. */
static rtems_status_code classify(rtems_attribute attributes, enum exec_sem_variant *variant,
                                  enum exec_mutex_protocol *protocol)
{
    rtems_attribute kind = attributes & KIND_MASK;
    rtems_attribute with_protocol = attributes & (KIND_MASK | RTEMS_PRIORITY);

    *protocol = EXEC_MUTEX_NO_PROTOCOL;
    if (kind == RTEMS_COUNTING_SEMAPHORE) {
        *variant = EXEC_SEM_COUNTING;
    } else if (kind == RTEMS_SIMPLE_BINARY_SEMAPHORE) {
        *variant = EXEC_SEM_SIMPLE_BINARY;
    } else if (kind == RTEMS_BINARY_SEMAPHORE) {
        *variant = EXEC_SEM_MUTEX;
    } else if (with_protocol ==
               (RTEMS_BINARY_SEMAPHORE | RTEMS_PRIORITY | RTEMS_INHERIT_PRIORITY)) {
        *variant = EXEC_SEM_MUTEX;
        *protocol = EXEC_MUTEX_INHERIT;
    } else if (with_protocol ==
                   (RTEMS_BINARY_SEMAPHORE | RTEMS_PRIORITY | RTEMS_PRIORITY_CEILING) ||
               with_protocol == (RTEMS_BINARY_SEMAPHORE | RTEMS_PRIORITY |
                                 RTEMS_MULTIPROCESSOR_RESOURCE_SHARING)) {
        /* On one processor MrsP is the priority ceiling protocol. */
        *variant = EXEC_SEM_MUTEX;
        *protocol = EXEC_MUTEX_CEILING;
    } else {
        return RTEMS_NOT_DEFINED;
    }
    return RTEMS_SUCCESSFUL;
}

rtems_status_code rtems_semaphore_create(rtems_name name, uint32_t count,
                                         rtems_attribute attribute_set,
                                         rtems_task_priority priority_ceiling, rtems_id *id)
{
    struct exec_semaphore *sem;
    enum exec_sem_variant variant;
    enum exec_mutex_protocol protocol;
    rtems_status_code status;
    port_isr_level level;

    if (name == 0) {
        return RTEMS_INVALID_NAME;
    }
    if (id == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    status = classify(attribute_set, &variant, &protocol);
    if (status != RTEMS_SUCCESSFUL) {
        return status;
    }
    if (count > 1 && variant != EXEC_SEM_COUNTING) {
        return RTEMS_INVALID_NUMBER;
    }
    level = exec_directive_lock();
    sem = (struct exec_semaphore *)(void *)exec_object_allocate(&exec_semaphores_info, name);
    if (sem == NULL) {
        status = RTEMS_TOO_MANY;
    } else if (protocol == EXEC_MUTEX_CEILING && priority_ceiling > exec_config.maximum_priority) {
        exec_object_free(&exec_semaphores_info, &sem->object);
        status = RTEMS_INVALID_PRIORITY;
    } else {
        sem->attributes = attribute_set;
        sem->variant = variant;
        sem->count = count;
        exec_mutex_init(&sem->mutex,
                        (attribute_set & RTEMS_PRIORITY) ? EXEC_TQ_PRIORITY : EXEC_TQ_FIFO,
                        protocol, priority_ceiling);
        if (variant != EXEC_SEM_MUTEX) {
            sem->mutex.queue.mutex = NULL;
        } else if (count == 0) {
            status = exec_mutex_try_acquire(&sem->mutex, exec_executing);
        }
        if (status != RTEMS_SUCCESSFUL) {
            exec_object_free(&exec_semaphores_info, &sem->object);
        } else {
            *id = sem->object.id;
            exec_dispatch();
        }
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_semaphore_ident(rtems_name name, uint32_t node, rtems_id *id)
{
    port_isr_level level = exec_directive_lock();

    return exec_directive_unlock(level, exec_object_ident(&exec_semaphores_info, name, node, id));
}

static void unblock_all(struct exec_semaphore *sem, rtems_status_code status)
{
    struct exec_thread *t;

    while ((t = exec_tq_first(&sem->mutex.queue)) != NULL) {
        exec_thread_unblock(t, status);
    }
}

rtems_status_code rtems_semaphore_delete(rtems_id id)
{
    port_isr_level level;
    struct exec_semaphore *sem = sem_lock(id, &level);
    rtems_status_code status = RTEMS_SUCCESSFUL;

    if (sem == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (sem->variant == EXEC_SEM_MUTEX && sem->mutex.owner != NULL) {
        status = RTEMS_RESOURCE_IN_USE;
    } else {
        unblock_all(sem, RTEMS_OBJECT_WAS_DELETED);
        exec_object_free(&exec_semaphores_info, &sem->object);
        exec_dispatch();
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_semaphore_obtain(rtems_id id, rtems_option option_set,
                                         rtems_interval timeout)
{
    port_isr_level level;
    struct exec_semaphore *sem = sem_lock(id, &level);
    struct exec_thread *executing;
    rtems_status_code status;

    if (sem == NULL) {
        return RTEMS_INVALID_ID;
    }
    executing = exec_executing;
    if (sem->variant == EXEC_SEM_MUTEX) {
        status = exec_mutex_try_acquire(&sem->mutex, executing);
        if (status == RTEMS_UNSATISFIED && (option_set & RTEMS_NO_WAIT) == 0) {
            exec_mutex_block(&sem->mutex, executing, timeout);
            exec_dispatch();
            status = executing->wait.status;
        }
    } else if (sem->count > 0) {
        sem->count--;
        status = RTEMS_SUCCESSFUL;
    } else if (option_set & RTEMS_NO_WAIT) {
        status = RTEMS_UNSATISFIED;
    } else {
        exec_thread_block(executing, &sem->mutex.queue, EXEC_STATE_BLOCKED, timeout);
        exec_dispatch();
        status = executing->wait.status;
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_semaphore_release(rtems_id id)
{
    port_isr_level level;
    struct exec_semaphore *sem = sem_lock(id, &level);
    struct exec_thread *waiter;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    if (sem == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (sem->variant == EXEC_SEM_MUTEX) {
        status = exec_mutex_surrender(&sem->mutex, exec_executing);
    } else if ((waiter = exec_tq_first(&sem->mutex.queue)) != NULL) {
        exec_thread_unblock(waiter, RTEMS_SUCCESSFUL);
    } else if (sem->variant == EXEC_SEM_SIMPLE_BINARY) {
        sem->count = 1;
    } else if (sem->count == UINT32_MAX) {
        status = RTEMS_UNSATISFIED;
    } else {
        sem->count++;
    }
    exec_dispatch();
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_semaphore_flush(rtems_id id)
{
    port_isr_level level;
    struct exec_semaphore *sem = sem_lock(id, &level);

    if (sem == NULL) {
        return RTEMS_INVALID_ID;
    }
    unblock_all(sem, RTEMS_UNSATISFIED);
    exec_dispatch();
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_semaphore_set_priority(rtems_id semaphore_id, rtems_id scheduler_id,
                                               rtems_task_priority new_priority,
                                               rtems_task_priority *old_priority)
{
    struct exec_semaphore *sem;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    if (old_priority == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (new_priority != RTEMS_CURRENT_PRIORITY && new_priority > exec_config.maximum_priority) {
        return RTEMS_INVALID_PRIORITY;
    }
    if (scheduler_id != EXEC_SCHEDULER_ID) {
        return RTEMS_INVALID_ID;
    }
    sem = sem_lock(semaphore_id, &level);
    if (sem == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (sem->variant != EXEC_SEM_MUTEX || sem->mutex.protocol != EXEC_MUTEX_CEILING) {
        status = RTEMS_NOT_DEFINED;
    } else {
        *old_priority = sem->mutex.ceiling;
        if (new_priority != RTEMS_CURRENT_PRIORITY) {
            sem->mutex.ceiling = new_priority;
            if (sem->mutex.owner != NULL) {
                exec_thread_update_priority(sem->mutex.owner, true);
            }
            exec_dispatch();
        }
    }
    return exec_directive_unlock(level, status);
}
