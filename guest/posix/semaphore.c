/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX semaphores: a count and a priority-ordered wait queue. Waiting and
 * posting are the same for named ones (semaphore_named.c). Errors go to
 * errno, as POSIX asks of these functions.
 */
#include <rtems.h>

#include "posix_impl.h"

#include "directive.h"
#include "dispatch.h"
#include "objects.h"
#include "thread.h"
#include "threadq.h"

#include <errno.h>
#include <semaphore.h>

static int fail(int error)
{
    errno = error;
    return -1;
}

int sem_init(sem_t *sem, int pshared, unsigned int value)
{
    struct posix_semaphore *s;
    port_isr_level level;

    (void)pshared; /* one process: shared or not is the same */
    if (sem == NULL || value > SEM_VALUE_MAX) {
        return fail(EINVAL);
    }
    s = EXEC_OBJECT_ALLOCATE_LOCK(struct posix_semaphore, &posix_semaphores_info, 0, &level);
    if (s == NULL) {
        return fail(ENOSPC);
    }
    posix_semaphore_setup(s, value);
    *sem = s->object.id;
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

void posix_semaphore_setup(struct posix_semaphore *s, uint32_t value)
{
    s->count = value;
    exec_tq_init(&s->waiters, EXEC_TQ_PRIORITY);
    s->named = false;
    s->linked = false;
    s->open_count = 0;
    s->name[0] = '\0';
}

static struct posix_semaphore *sem_lock(const sem_t *sem, port_isr_level *level)
{
    if (sem == NULL) {
        return NULL;
    }
    return EXEC_OBJECT_LOCK(struct posix_semaphore, &posix_semaphores_info, *sem, level);
}

int sem_destroy(sem_t *sem)
{
    port_isr_level level;
    struct posix_semaphore *s = sem_lock(sem, &level);
    int error = 0;

    if (s == NULL) {
        return fail(EINVAL);
    }
    if (s->named) {
        error = EINVAL; /* sem_close and sem_unlink end a named one */
    } else if (!exec_tq_is_empty(&s->waiters)) {
        error = EBUSY;
    } else {
        exec_object_free(&posix_semaphores_info, &s->object);
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error != 0 ? fail(error) : 0;
}

static int obtain(sem_t *sem, bool wait, const struct timespec *abstime)
{
    port_isr_level level;
    struct posix_semaphore *s = sem_lock(sem, &level);
    int error = 0;

    if (s == NULL) {
        return fail(EINVAL);
    }
    if (s->count > 0) {
        s->count--;
    } else if (!wait) {
        error = EAGAIN;
    } else {
        error = posix_block_until(&s->waiters, CLOCK_REALTIME, abstime);
        if (error == 0) {
            exec_dispatch();
            error = posix_wait_errno(exec_executing->wait.status);
        }
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error != 0 ? fail(error) : 0;
}

int sem_wait(sem_t *sem)
{
    return obtain(sem, true, NULL);
}

int sem_trywait(sem_t *sem)
{
    return obtain(sem, false, NULL);
}

int sem_timedwait(sem_t *__restrict sem, const struct timespec *__restrict abstime)
{
    if (abstime == NULL) {
        return fail(EINVAL);
    }
    return obtain(sem, true, abstime);
}

int sem_post(sem_t *sem)
{
    port_isr_level level;
    struct posix_semaphore *s = sem_lock(sem, &level);
    struct exec_thread *waiter;
    int error = 0;

    if (s == NULL) {
        return fail(EINVAL);
    }
    if ((waiter = exec_tq_first(&s->waiters)) != NULL) {
        exec_thread_unblock(waiter, RTEMS_SUCCESSFUL);
        exec_dispatch();
    } else if (s->count == SEM_VALUE_MAX) {
        error = EOVERFLOW;
    } else {
        s->count++;
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error != 0 ? fail(error) : 0;
}

int sem_getvalue(sem_t *__restrict sem, int *__restrict sval)
{
    port_isr_level level;
    struct posix_semaphore *s;

    if (sval == NULL) {
        return fail(EINVAL);
    }
    s = sem_lock(sem, &level);
    if (s == NULL) {
        return fail(EINVAL);
    }
    *sval = (int)s->count;
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}
