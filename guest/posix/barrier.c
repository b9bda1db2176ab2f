/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX barriers: the count-th arrival releases the others and gets
 * PTHREAD_BARRIER_SERIAL_THREAD.
 */
#include <rtems.h>

#include "posix_impl.h"

#include "directive.h"
#include "dispatch.h"
#include "objects.h"
#include "thread.h"
#include "threadq.h"

#include <errno.h>
#include <pthread.h>

int pthread_barrierattr_init(pthread_barrierattr_t *attr)
{
    if (attr == NULL) {
        return EINVAL;
    }
    attr->is_initialized = 1;
    attr->process_shared = PTHREAD_PROCESS_PRIVATE;
    return 0;
}

int pthread_barrierattr_destroy(pthread_barrierattr_t *attr)
{
    if (attr == NULL || !attr->is_initialized) {
        return EINVAL;
    }
    attr->is_initialized = 0;
    return 0;
}

int pthread_barrierattr_setpshared(pthread_barrierattr_t *attr, int pshared)
{
    if (attr == NULL || !attr->is_initialized ||
        (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)) {
        return EINVAL;
    }
    attr->process_shared = pshared;
    return 0;
}

int pthread_barrierattr_getpshared(const pthread_barrierattr_t *attr, int *pshared)
{
    if (attr == NULL || !attr->is_initialized || pshared == NULL) {
        return EINVAL;
    }
    *pshared = attr->process_shared;
    return 0;
}

int pthread_barrier_init(pthread_barrier_t *barrier, const pthread_barrierattr_t *attr,
                         unsigned count)
{
    struct posix_barrier *b;
    port_isr_level level;

    if (barrier == NULL || count == 0 || (attr != NULL && !attr->is_initialized)) {
        return EINVAL;
    }
    b = EXEC_OBJECT_ALLOCATE_LOCK(struct posix_barrier, &posix_barriers_info, 0, &level);
    if (b == NULL) {
        return EAGAIN;
    }
    b->count = count;
    b->waiting = 0;
    exec_tq_init(&b->waiters, EXEC_TQ_FIFO);
    *barrier = b->object.id;
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

static struct posix_barrier *barrier_lock(const pthread_barrier_t *barrier, port_isr_level *level)
{
    if (barrier == NULL) {
        return NULL;
    }
    return EXEC_OBJECT_LOCK(struct posix_barrier, &posix_barriers_info, *barrier, level);
}

int pthread_barrier_destroy(pthread_barrier_t *barrier)
{
    port_isr_level level;
    struct posix_barrier *b = barrier_lock(barrier, &level);
    int error = 0;

    if (b == NULL) {
        return EINVAL;
    }
    if (b->waiting != 0) {
        error = EBUSY;
    } else {
        exec_object_free(&posix_barriers_info, &b->object);
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error;
}

int pthread_barrier_wait(pthread_barrier_t *barrier)
{
    port_isr_level level;
    struct posix_barrier *b = barrier_lock(barrier, &level);
    int result = 0;

    if (b == NULL) {
        return EINVAL;
    }
    if (b->waiting + 1 == b->count) {
        struct exec_thread *t;

        while ((t = exec_tq_first(&b->waiters)) != NULL) {
            exec_thread_unblock(t, RTEMS_SUCCESSFUL);
        }
        b->waiting = 0;
        result = PTHREAD_BARRIER_SERIAL_THREAD;
    } else {
        b->waiting++;
        exec_thread_block(exec_executing, &b->waiters, EXEC_STATE_BLOCKED, 0);
    }
    exec_dispatch();
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return result;
}
