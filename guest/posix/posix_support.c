/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What every POSIX file uses: the object tables (empty until
 * exec_posix_initialize fills them in), object lookup, the priority mapping
 * and timed blocking.
 */
#include <rtems.h>

#include "posix_impl.h"

#include "clock_impl.h"
#include "dispatch.h"
#include "objects.h"
#include "thread.h"
#include "watchdog.h"

#include <errno.h>

struct exec_object_info posix_mutexes_info;
struct exec_object_info posix_conds_info;
struct exec_object_info posix_keys_info;
struct exec_object_info posix_semaphores_info;
struct exec_object_info posix_barriers_info;
struct exec_object_info posix_spinlocks_info;
struct exec_object_info posix_rwlocks_info;
struct exec_object_info posix_mqueues_info;

EXEC_OBJECT_FIRST(struct posix_thread, thread.object);
EXEC_OBJECT_FIRST(struct posix_mutex, object);
EXEC_OBJECT_FIRST(struct posix_cond, object);
EXEC_OBJECT_FIRST(struct posix_key, object);
EXEC_OBJECT_FIRST(struct posix_semaphore, object);
EXEC_OBJECT_FIRST(struct posix_barrier, object);
EXEC_OBJECT_FIRST(struct posix_spinlock, object);
EXEC_OBJECT_FIRST(struct posix_rwlock, object);
EXEC_OBJECT_FIRST(struct posix_mqueue, object);
EXEC_OBJECT_FIRST(struct posix_timer, object);

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
