/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The POSIX API's tables, its initialization thread, and the helpers every
 * POSIX file uses: object lookup, the priority mapping, timed blocking.
 */
#include <rtems.h>

#include "posix_impl.h"

#include "clock_impl.h"
#include "dispatch.h"
#include "objects.h"
#include "task.h"
#include "thread.h"
#include "watchdog.h"

#include <errno.h>
#include <pthread.h>

struct exec_object_info posix_mutexes_info;
struct exec_object_info posix_conds_info;
struct exec_object_info posix_keys_info;
struct exec_object_info posix_semaphores_info;
struct exec_object_info posix_barriers_info;
struct exec_object_info posix_spinlocks_info;
struct exec_object_info posix_rwlocks_info;

static void table_init(struct exec_object_info *info, uint32_t the_class,
                       const struct posix_table *table, size_t block_size)
{
    exec_object_info_init(info, OBJECTS_POSIX_API, the_class, table->blocks, table->maximum,
                          block_size);
}

static void create_init_thread(void)
{
    pthread_attr_t attr;
    pthread_t thread;

    (void)pthread_attr_init(&attr);
    (void)pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
    (void)pthread_attr_setstacksize(&attr, exec_posix_config.init_thread_stack_size);
    if (pthread_create(&thread, &attr, exec_posix_config.init_thread_entry, NULL) != 0) {
        rtems_fatal(INTERNAL_ERROR_POSIX_API, INTERNAL_ERROR_POSIX_INIT_THREAD_CREATE_FAILED);
    }
}

void exec_posix_initialize(void)
{
    const struct posix_config *c = &exec_posix_config;

    table_init(&exec_posix_threads_info, EXEC_POSIX_THREADS_CLASS, &c->threads,
               sizeof(struct posix_thread));
    table_init(&posix_mutexes_info, EXEC_POSIX_MUTEXES_CLASS, &c->mutexes,
               sizeof(struct posix_mutex));
    table_init(&posix_conds_info, EXEC_POSIX_CONDITION_VARIABLES_CLASS, &c->condition_variables,
               sizeof(struct posix_cond));
    table_init(&posix_keys_info, EXEC_POSIX_KEYS_CLASS, &c->keys, sizeof(struct posix_key));
    table_init(&posix_semaphores_info, EXEC_POSIX_SEMAPHORES_CLASS, &c->semaphores,
               sizeof(struct posix_semaphore));
    table_init(&posix_barriers_info, EXEC_POSIX_BARRIERS_CLASS, &c->barriers,
               sizeof(struct posix_barrier));
    table_init(&posix_spinlocks_info, EXEC_POSIX_SPINLOCKS_CLASS, &c->spinlocks,
               sizeof(struct posix_spinlock));
    table_init(&posix_rwlocks_info, EXEC_POSIX_RWLOCKS_CLASS, &c->rwlocks,
               sizeof(struct posix_rwlock));
    exec_task_delete_hook = posix_thread_deleted;
    if (c->init_thread_entry != NULL) {
        create_init_thread();
    }
}

struct exec_object *posix_object_lock(struct exec_object_info *info, uint32_t *id,
                                      int (*create)(uint32_t *id), port_isr_level *level)
{
    struct exec_object *object;

    if (id == NULL) {
        return NULL;
    }
    *level = port_interrupt_disable();
    if (*id == POSIX_ID_INITIALIZER && create != NULL) {
        /* Under the lock, so that two first users create one object. */
        if (create(id) != 0) {
            port_interrupt_restore(*level);
            return NULL;
        }
    }
    object = exec_object_get(info, *id);
    if (object == NULL) {
        port_interrupt_restore(*level);
    }
    return object;
}

struct posix_thread *posix_thread_of(struct exec_thread *t)
{
    if (exec_object_info_of_thread(t->object.id) != &exec_posix_threads_info) {
        return NULL;
    }
    return (struct posix_thread *)(void *)t;
}

uint32_t posix_priority_to_core(int priority)
{
    return posix_priority_to_core_max(priority, exec_config.maximum_priority);
}

int posix_priority_from_core(uint32_t priority)
{
    return posix_priority_from_core_max(priority, exec_config.maximum_priority);
}

bool posix_priority_is_valid(int priority)
{
    return posix_priority_is_valid_max(priority, exec_config.maximum_priority);
}

int posix_block_until(struct exec_threadq *q, clockid_t clock, const struct timespec *abstime)
{
    struct exec_thread *executing = exec_executing;
    uint64_t deadline;
    uint64_t now;

    if (abstime == NULL) {
        exec_thread_block(executing, q, EXEC_STATE_BLOCKED, 0);
        return 0;
    }
    if (!posix_time_to_ns(abstime->tv_sec, abstime->tv_nsec, &deadline)) {
        return EINVAL;
    }
    now = clock == CLOCK_MONOTONIC ? exec_clock_uptime_ns() : exec_clock_realtime_ns();
    if (deadline <= now) {
        return ETIMEDOUT;
    }
    exec_thread_block(executing, q, EXEC_STATE_BLOCKED, 0);
    if (clock == CLOCK_MONOTONIC) {
        exec_thread_arm_timeout(
            executing, &exec_watchdog_ticks,
            posix_ticks_after(exec_ticks_since_boot, deadline - now, exec_clock_ns_per_tick()));
    } else {
        exec_thread_arm_timeout(executing, &exec_watchdog_realtime, deadline);
    }
    return 0;
}

int posix_wait_errno(rtems_status_code status)
{
    switch (status) {
    case RTEMS_SUCCESSFUL:
        return 0;
    case RTEMS_TIMEOUT:
        return ETIMEDOUT;
    default:
        return EINVAL;
    }
}
