/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX read-write locks. As RTEMS's: a reader gets in while the lock is
 * read-held and nobody waits; waiters queue in FIFO order, and a release
 * hands the lock to the first waiter (and, if that is a reader, to the
 * readers behind it up to the next writer).
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

#define WANTS_WRITE 1u

int pthread_rwlockattr_init(pthread_rwlockattr_t *attr)
{
    if (attr == NULL) {
        return EINVAL;
    }
    attr->is_initialized = 1;
    attr->process_shared = PTHREAD_PROCESS_PRIVATE;
    return 0;
}

int pthread_rwlockattr_destroy(pthread_rwlockattr_t *attr)
{
    if (attr == NULL || !attr->is_initialized) {
        return EINVAL;
    }
    attr->is_initialized = 0;
    return 0;
}

static int create_locked(uint32_t *id)
{
    struct posix_rwlock *rw =
        (struct posix_rwlock *)(void *)exec_object_allocate(&posix_rwlocks_info, 0);

    if (rw == NULL) {
        return EAGAIN;
    }
    exec_tq_init(&rw->waiters, EXEC_TQ_FIFO);
    rw->readers = 0;
    rw->writer = NULL;
    *id = rw->object.id;
    return 0;
}

int pthread_rwlock_init(pthread_rwlock_t *rwlock, const pthread_rwlockattr_t *attr)
{
    port_isr_level level;
    int error;

    if (rwlock == NULL || (attr != NULL && !attr->is_initialized)) {
        return EINVAL;
    }
    level = exec_directive_lock();
    error = create_locked(rwlock);
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error;
}

static struct posix_rwlock *rwlock_lock(pthread_rwlock_t *rwlock, port_isr_level *level)
{
    return (struct posix_rwlock *)(void *)posix_object_lock(&posix_rwlocks_info, rwlock,
                                                            create_locked, level);
}

int pthread_rwlock_destroy(pthread_rwlock_t *rwlock)
{
    port_isr_level level;
    struct posix_rwlock *rw = rwlock_lock(rwlock, &level);
    int error = 0;

    if (rw == NULL) {
        return EINVAL;
    }
    if (rw->readers != 0 || rw->writer != NULL || !exec_tq_is_empty(&rw->waiters)) {
        error = EBUSY;
    } else {
        exec_object_free(&posix_rwlocks_info, &rw->object);
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error;
}

static bool can_take(const struct posix_rwlock *rw, bool write)
{
    if (write) {
        return rw->writer == NULL && rw->readers == 0;
    }
    return rw->writer == NULL && exec_tq_is_empty(&rw->waiters);
}

static int take(pthread_rwlock_t *rwlock, bool write, bool wait, const struct timespec *abstime)
{
    port_isr_level level;
    struct posix_rwlock *rw = rwlock_lock(rwlock, &level);
    struct exec_thread *executing = exec_executing;
    int error = 0;

    if (rw == NULL) {
        return EINVAL;
    }
    if (write && rw->writer == executing) {
        error = EDEADLK;
    } else if (can_take(rw, write)) {
        if (write) {
            rw->writer = executing;
        } else {
            rw->readers++;
        }
    } else if (!wait) {
        error = EBUSY;
    } else {
        error = posix_block_until(&rw->waiters, CLOCK_REALTIME, abstime);
        if (error == 0) {
            executing->wait.option = write ? WANTS_WRITE : 0;
            exec_dispatch();
            /* On success the releaser made this thread a holder. */
            error = posix_wait_errno(executing->wait.status);
        }
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error;
}

int pthread_rwlock_rdlock(pthread_rwlock_t *rwlock)
{
    return take(rwlock, false, true, NULL);
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t *rwlock)
{
    return take(rwlock, false, false, NULL);
}

int pthread_rwlock_timedrdlock(pthread_rwlock_t *rwlock, const struct timespec *abstime)
{
    return abstime != NULL ? take(rwlock, false, true, abstime) : EINVAL;
}

int pthread_rwlock_wrlock(pthread_rwlock_t *rwlock)
{
    return take(rwlock, true, true, NULL);
}

int pthread_rwlock_trywrlock(pthread_rwlock_t *rwlock)
{
    return take(rwlock, true, false, NULL);
}

int pthread_rwlock_timedwrlock(pthread_rwlock_t *rwlock, const struct timespec *abstime)
{
    return abstime != NULL ? take(rwlock, true, true, abstime) : EINVAL;
}

/* Hands the free lock to the first waiter, and to the readers behind a reader. */
static void hand_over(struct posix_rwlock *rw)
{
    struct exec_thread *t = exec_tq_first(&rw->waiters);

    if (t != NULL && t->wait.option == WANTS_WRITE) {
        rw->writer = t;
        exec_thread_unblock(t, RTEMS_SUCCESSFUL);
        return;
    }
    while (t != NULL && t->wait.option != WANTS_WRITE) {
        rw->readers++;
        exec_thread_unblock(t, RTEMS_SUCCESSFUL);
        t = exec_tq_first(&rw->waiters);
    }
}

int pthread_rwlock_unlock(pthread_rwlock_t *rwlock)
{
    port_isr_level level;
    struct posix_rwlock *rw = rwlock_lock(rwlock, &level);
    int error = 0;

    if (rw == NULL) {
        return EINVAL;
    }
    if (rw->writer == exec_executing) {
        rw->writer = NULL;
    } else if (rw->writer == NULL && rw->readers > 0) {
        rw->readers--;
    } else {
        error = EPERM;
    }
    if (error == 0 && rw->writer == NULL && rw->readers == 0) {
        hand_over(rw);
        exec_dispatch();
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error;
}
