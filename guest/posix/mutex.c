/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX mutexes on the executive's mutexes (priority queue; inheritance or
 * ceiling as asked): normal, recursive and error-checking types. A normal
 * mutex relocked by its owner fails with EDEADLK, as in RTEMS, rather than
 * deadlocking the thread.
 */
#include <rtems.h>

#include "posix_impl.h"

#include "directive.h"
#include "dispatch.h"
#include "mutex.h"
#include "objects.h"
#include "thread.h"

#include <errno.h>
#include <pthread.h>

static bool protocol_is_valid(int protocol)
{
    return protocol == PTHREAD_PRIO_NONE || protocol == PTHREAD_PRIO_INHERIT ||
           protocol == PTHREAD_PRIO_PROTECT;
}

static bool type_is_valid(int type)
{
    return type == PTHREAD_MUTEX_NORMAL || type == PTHREAD_MUTEX_RECURSIVE ||
           type == PTHREAD_MUTEX_ERRORCHECK || type == PTHREAD_MUTEX_DEFAULT;
}

int pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
    if (attr == NULL) {
        return EINVAL;
    }
    attr->is_initialized = 1;
    attr->process_shared = PTHREAD_PROCESS_PRIVATE;
    attr->prio_ceiling = (int)exec_config.maximum_priority - 1;
    attr->protocol = PTHREAD_PRIO_NONE;
    attr->type = PTHREAD_MUTEX_DEFAULT;
    attr->recursive = 0;
    return 0;
}

static bool attr_is_valid(const pthread_mutexattr_t *attr)
{
    return attr != NULL && attr->is_initialized;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
    if (!attr_is_valid(attr)) {
        return EINVAL;
    }
    attr->is_initialized = 0;
    return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
    if (!attr_is_valid(attr) || !type_is_valid(type)) {
        return EINVAL;
    }
    attr->type = type;
    attr->recursive = type == PTHREAD_MUTEX_RECURSIVE;
    return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type)
{
    if (!attr_is_valid(attr) || type == NULL) {
        return EINVAL;
    }
    *type = attr->type;
    return 0;
}

int pthread_mutexattr_setprotocol(pthread_mutexattr_t *attr, int protocol)
{
    if (!attr_is_valid(attr) || !protocol_is_valid(protocol)) {
        return EINVAL;
    }
    attr->protocol = protocol;
    return 0;
}

int pthread_mutexattr_getprotocol(const pthread_mutexattr_t *attr, int *protocol)
{
    if (!attr_is_valid(attr) || protocol == NULL) {
        return EINVAL;
    }
    *protocol = attr->protocol;
    return 0;
}

int pthread_mutexattr_setprioceiling(pthread_mutexattr_t *attr, int prioceiling)
{
    if (!attr_is_valid(attr) || !posix_priority_is_valid(prioceiling)) {
        return EINVAL;
    }
    attr->prio_ceiling = prioceiling;
    return 0;
}

int pthread_mutexattr_getprioceiling(const pthread_mutexattr_t *attr, int *prioceiling)
{
    if (!attr_is_valid(attr) || prioceiling == NULL) {
        return EINVAL;
    }
    *prioceiling = attr->prio_ceiling;
    return 0;
}

int pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared)
{
    if (!attr_is_valid(attr) ||
        (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)) {
        return EINVAL;
    }
    attr->process_shared = pshared;
    return 0;
}

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *attr, int *pshared)
{
    if (!attr_is_valid(attr) || pshared == NULL) {
        return EINVAL;
    }
    *pshared = attr->process_shared;
    return 0;
}

/* Creates a mutex with attr's properties into *id; the lock is held. */
static int create_locked(uint32_t *id, const pthread_mutexattr_t *attr)
{
    static const enum exec_mutex_protocol protocols[] = {
        [PTHREAD_PRIO_NONE] = EXEC_MUTEX_NO_PROTOCOL,
        [PTHREAD_PRIO_INHERIT] = EXEC_MUTEX_INHERIT,
        [PTHREAD_PRIO_PROTECT] = EXEC_MUTEX_CEILING,
    };
    struct posix_mutex *m =
        (struct posix_mutex *)(void *)exec_object_allocate(&posix_mutexes_info, 0);

    if (m == NULL) {
        return EAGAIN;
    }
    exec_mutex_init(&m->mutex, EXEC_TQ_PRIORITY, protocols[attr->protocol],
                    posix_priority_to_core(attr->prio_ceiling));
    m->type = attr->type;
    *id = m->object.id;
    return 0;
}

static int create_default(uint32_t *id)
{
    pthread_mutexattr_t attr;

    (void)pthread_mutexattr_init(&attr);
    return create_locked(id, &attr);
}

int pthread_mutex_init(pthread_mutex_t *mutex, const pthread_mutexattr_t *attr)
{
    pthread_mutexattr_t defaults;
    port_isr_level level;
    int error;

    if (mutex == NULL) {
        return EINVAL;
    }
    if (attr == NULL) {
        (void)pthread_mutexattr_init(&defaults);
        attr = &defaults;
    }
    if (!attr->is_initialized || !protocol_is_valid(attr->protocol) || !type_is_valid(attr->type) ||
        (attr->protocol == PTHREAD_PRIO_PROTECT && !posix_priority_is_valid(attr->prio_ceiling))) {
        return EINVAL;
    }
    level = exec_directive_lock();
    error = create_locked(mutex, attr);
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error;
}

static struct posix_mutex *mutex_lock(pthread_mutex_t *mutex, port_isr_level *level)
{
    return (struct posix_mutex *)(void *)posix_object_lock(&posix_mutexes_info, mutex,
                                                           create_default, level);
}

int pthread_mutex_destroy(pthread_mutex_t *mutex)
{
    port_isr_level level;
    struct posix_mutex *m = mutex_lock(mutex, &level);
    int error = 0;

    if (m == NULL) {
        return EINVAL;
    }
    if (m->mutex.owner != NULL) {
        error = EBUSY;
    } else {
        exec_object_free(&posix_mutexes_info, &m->object);
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error;
}

/*
 * The body of the lock functions, locked: wait false for trylock; abstime
 * NULL for no timeout.
 */
static int obtain(struct posix_mutex *m, bool wait, const struct timespec *abstime)
{
    struct exec_thread *executing = exec_executing;
    rtems_status_code status;
    int error;

    if (m->mutex.owner == executing && m->type != PTHREAD_MUTEX_RECURSIVE) {
        return wait ? EDEADLK : EBUSY;
    }
    status = exec_mutex_try_acquire(&m->mutex, executing);
    if (status == RTEMS_INVALID_PRIORITY) {
        return EINVAL; /* the caller's priority is above the ceiling */
    }
    if (status == RTEMS_SUCCESSFUL) {
        return 0;
    }
    if (!wait) {
        return EBUSY;
    }
    error = posix_block_until(&m->mutex.queue, CLOCK_REALTIME, abstime);
    if (error != 0) {
        return error;
    }
    if (m->mutex.protocol == EXEC_MUTEX_INHERIT) {
        exec_thread_update_priority(m->mutex.owner, false);
    }
    exec_dispatch();
    return posix_wait_errno(executing->wait.status);
}

static int lock_mutex(pthread_mutex_t *mutex, bool wait, const struct timespec *abstime)
{
    port_isr_level level;
    struct posix_mutex *m = mutex_lock(mutex, &level);
    int error;

    if (m == NULL) {
        return EINVAL;
    }
    error = obtain(m, wait, abstime);
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error;
}

int pthread_mutex_lock(pthread_mutex_t *mutex)
{
    return lock_mutex(mutex, true, NULL);
}

int pthread_mutex_trylock(pthread_mutex_t *mutex)
{
    return lock_mutex(mutex, false, NULL);
}

int pthread_mutex_timedlock(pthread_mutex_t *mutex, const struct timespec *timeout)
{
    if (timeout == NULL) {
        return EINVAL;
    }
    return lock_mutex(mutex, true, timeout);
}

int pthread_mutex_unlock(pthread_mutex_t *mutex)
{
    port_isr_level level;
    struct posix_mutex *m = mutex_lock(mutex, &level);
    int error = 0;

    if (m == NULL) {
        return EINVAL;
    }
    if (exec_mutex_surrender(&m->mutex, exec_executing) != RTEMS_SUCCESSFUL) {
        error = EPERM;
    }
    exec_dispatch();
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error;
}

int pthread_mutex_getprioceiling(const pthread_mutex_t *mutex, int *prioceiling)
{
    port_isr_level level;
    pthread_mutex_t id;
    struct posix_mutex *m;

    if (mutex == NULL || prioceiling == NULL) {
        return EINVAL;
    }
    id = *mutex;
    m = mutex_lock(&id, &level);
    if (m == NULL) {
        return EINVAL;
    }
    *prioceiling = posix_priority_from_core(m->mutex.ceiling);
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

int pthread_mutex_setprioceiling(pthread_mutex_t *mutex, int prioceiling, int *old_ceiling)
{
    port_isr_level level;
    struct posix_mutex *m;
    int error;

    if (old_ceiling == NULL || !posix_priority_is_valid(prioceiling)) {
        return EINVAL;
    }
    m = mutex_lock(mutex, &level);
    if (m == NULL) {
        return EINVAL;
    }
    /* POSIX: lock the mutex, change the ceiling, unlock it. */
    error = obtain(m, true, NULL);
    if (error == 0) {
        *old_ceiling = posix_priority_from_core(m->mutex.ceiling);
        m->mutex.ceiling = posix_priority_to_core(prioceiling);
        (void)exec_mutex_surrender(&m->mutex, exec_executing);
        exec_dispatch();
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error;
}
