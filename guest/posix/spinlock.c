/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX spinlocks on one processor: the holder keeps interrupts (and so
 * dispatching) disabled until it unlocks, as RTEMS's uniprocessor
 * spinlocks do, so no other thread can ever find the lock taken. The
 * checks a second locker would need become deadlock checks.
 */
#include <rtems.h>

#include "posix_impl.h"

#include "directive.h"
#include "dispatch.h"
#include "objects.h"

#include <errno.h>
#include <pthread.h>

int pthread_spin_init(pthread_spinlock_t *lock, int pshared)
{
    struct posix_spinlock *s;
    port_isr_level level;

    if (lock == NULL || (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)) {
        return EINVAL;
    }
    s = EXEC_OBJECT_ALLOCATE_LOCK(struct posix_spinlock, &posix_spinlocks_info, 0, &level);
    if (s == NULL) {
        return EAGAIN;
    }
    s->holder = NULL;
    s->level = 0;
    *lock = s->object.id;
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

static struct posix_spinlock *spin_lock(const pthread_spinlock_t *lock, port_isr_level *level)
{
    if (lock == NULL) {
        return NULL;
    }
    return EXEC_OBJECT_LOCK(struct posix_spinlock, &posix_spinlocks_info, *lock, level);
}

int pthread_spin_destroy(pthread_spinlock_t *lock)
{
    port_isr_level level;
    struct posix_spinlock *s = spin_lock(lock, &level);
    int error = 0;

    if (s == NULL) {
        return EINVAL;
    }
    if (s->holder != NULL) {
        error = EBUSY;
    } else {
        exec_object_free(&posix_spinlocks_info, &s->object);
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error;
}

static int take(pthread_spinlock_t *lock, int busy)
{
    port_isr_level level;
    struct posix_spinlock *s = spin_lock(lock, &level);

    if (s == NULL) {
        return EINVAL;
    }
    if (s->holder != NULL) {
        /* Only the holder itself can get here (see above). */
        (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
        return busy;
    }
    s->holder = exec_executing;
    s->level = (uint32_t)level;
    return 0; /* interrupts stay disabled */
}

int pthread_spin_lock(pthread_spinlock_t *lock)
{
    return take(lock, EDEADLK);
}

int pthread_spin_trylock(pthread_spinlock_t *lock)
{
    return take(lock, EBUSY);
}

int pthread_spin_unlock(pthread_spinlock_t *lock)
{
    port_isr_level level;
    struct posix_spinlock *s = spin_lock(lock, &level);
    port_isr_level held;

    if (s == NULL) {
        return EINVAL;
    }
    if (s->holder != exec_executing) {
        (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
        return EPERM;
    }
    s->holder = NULL;
    held = (port_isr_level)s->level;
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    (void)exec_directive_unlock(held, RTEMS_SUCCESSFUL);
    return 0;
}
