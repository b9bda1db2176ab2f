/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Condition variables. Waiters queue in FIFO order, as in RTEMS; a timed
 * wait measures its absolute timeout on the clock of the condition's
 * attribute (CLOCK_REALTIME by default, or CLOCK_MONOTONIC).
 */
#include <rtems.h>

#include "posix_impl.h"

#include "directive.h"
#include "dispatch.h"
#include "mutex.h"
#include "objects.h"
#include "thread.h"
#include "threadq.h"

#include <errno.h>
#include <pthread.h>

int pthread_condattr_init(pthread_condattr_t *attr)
{
    if (attr == NULL) {
        return EINVAL;
    }
    attr->is_initialized = 1;
    attr->clock = CLOCK_REALTIME;
    attr->process_shared = PTHREAD_PROCESS_PRIVATE;
    return 0;
}

static bool attr_is_valid(const pthread_condattr_t *attr)
{
    return attr != NULL && attr->is_initialized;
}

int pthread_condattr_destroy(pthread_condattr_t *attr)
{
    if (!attr_is_valid(attr)) {
        return EINVAL;
    }
    attr->is_initialized = 0;
    return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock)
{
    if (!attr_is_valid(attr) || (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)) {
        return EINVAL;
    }
    attr->clock = clock;
    return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *attr, clockid_t *clock)
{
    if (!attr_is_valid(attr) || clock == NULL) {
        return EINVAL;
    }
    *clock = attr->clock;
    return 0;
}

int pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared)
{
    if (!attr_is_valid(attr) ||
        (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)) {
        return EINVAL;
    }
    attr->process_shared = pshared;
    return 0;
}

int pthread_condattr_getpshared(const pthread_condattr_t *attr, int *pshared)
{
    if (!attr_is_valid(attr) || pshared == NULL) {
        return EINVAL;
    }
    *pshared = attr->process_shared;
    return 0;
}

static int create_locked(uint32_t *id, clockid_t clock)
{
    struct posix_cond *c = (struct posix_cond *)(void *)exec_object_allocate(&posix_conds_info, 0);

    if (c == NULL) {
        return EAGAIN;
    }
    exec_tq_init(&c->waiters, EXEC_TQ_FIFO);
    c->mutex = 0;
    c->clock = (int)clock;
    *id = c->object.id;
    return 0;
}

static int create_default(uint32_t *id)
{
    return create_locked(id, CLOCK_REALTIME);
}

int pthread_cond_init(pthread_cond_t *cond, const pthread_condattr_t *attr)
{
    port_isr_level level;
    int error;

    if (cond == NULL || (attr != NULL && !attr->is_initialized)) {
        return EINVAL;
    }
    level = exec_directive_lock();
    error = create_locked(cond, attr != NULL ? attr->clock : CLOCK_REALTIME);
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error;
}

static struct posix_cond *cond_lock(pthread_cond_t *cond, port_isr_level *level)
{
    return (struct posix_cond *)(void *)posix_object_lock(&posix_conds_info, cond, create_default,
                                                          level);
}

int pthread_cond_destroy(pthread_cond_t *cond)
{
    port_isr_level level;
    struct posix_cond *c = cond_lock(cond, &level);
    int error = 0;

    if (c == NULL) {
        return EINVAL;
    }
    if (!exec_tq_is_empty(&c->waiters)) {
        error = EBUSY;
    } else {
        exec_object_free(&posix_conds_info, &c->object);
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error;
}

static int wake(pthread_cond_t *cond, bool all)
{
    port_isr_level level;
    struct posix_cond *c = cond_lock(cond, &level);
    struct exec_thread *t;

    if (c == NULL) {
        return EINVAL;
    }
    while ((t = exec_tq_first(&c->waiters)) != NULL) {
        exec_thread_unblock(t, RTEMS_SUCCESSFUL);
        if (!all) {
            break;
        }
    }
    if (exec_tq_is_empty(&c->waiters)) {
        c->mutex = 0;
    }
    exec_dispatch();
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

int pthread_cond_signal(pthread_cond_t *cond)
{
    return wake(cond, false);
}

int pthread_cond_broadcast(pthread_cond_t *cond)
{
    return wake(cond, true);
}

/* The mutex the caller must own, locked already (lock held), or NULL. */
static struct exec_mutex *owned_mutex(pthread_mutex_t id)
{
    struct posix_mutex *m = (struct posix_mutex *)(void *)exec_object_get(&posix_mutexes_info, id);

    return m != NULL && m->mutex.owner == exec_executing ? &m->mutex : NULL;
}

static int wait_on(pthread_cond_t *cond, pthread_mutex_t *mutex, const struct timespec *abstime)
{
    port_isr_level level;
    struct posix_cond *c;
    struct exec_mutex *m;
    int error;

    if (mutex == NULL) {
        return EINVAL;
    }
    c = cond_lock(cond, &level);
    if (c == NULL) {
        return EINVAL;
    }
    m = owned_mutex(*mutex);
    if (m == NULL) {
        (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
        return EPERM;
    }
    if (exec_tq_is_empty(&c->waiters)) {
        c->mutex = 0; /* earlier waiters may have timed out */
    }
    if (c->mutex != 0 && c->mutex != *mutex) {
        (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
        return EINVAL; /* waiters of one condition use one mutex */
    }
    error = posix_block_until(&c->waiters, (clockid_t)c->clock, abstime);
    if (error == EINVAL) {
        (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
        return error;
    }
    c->mutex = *mutex;
    /* Under the same lock as the blocking: no signal can fall in between. */
    (void)exec_mutex_surrender(m, exec_executing);
    if (error == 0) {
        exec_dispatch();
        error = posix_wait_errno(exec_executing->wait.status);
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    /* The mutex is held again on return, whatever the outcome. */
    (void)pthread_mutex_lock(mutex);
    return error;
}

int pthread_cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex)
{
    return wait_on(cond, mutex, NULL);
}

int pthread_cond_timedwait(pthread_cond_t *cond, pthread_mutex_t *mutex,
                           const struct timespec *abstime)
{
    if (abstime == NULL) {
        return EINVAL;
    }
    return wait_on(cond, mutex, abstime);
}
