/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * newlib's retargetable locks (built with --enable-newlib-retargetable-
 * locking, see docs/newlib.md) on the executive's mutexes: every FILE, the
 * list of FILEs, atexit, the environment and the time zone get an owned,
 * recursive lock with priority inheritance, as RTEMS gives them.
 *
 * Why mutexes and not "disable dispatching": a task may block while it holds
 * a stream lock (its write function waits for a device, or the task calls
 * flockfile and then sleeps). With dispatching disabled it could not block
 * at all; with a mutex the other tasks that want the stream wait, and the
 * holder runs on the priority of the most important of them until it lets
 * go. Whatever is not in a task (interrupt handlers, initialization before
 * multitasking, the idle thread) cannot block and takes no lock: it runs
 * alone anyway, or must not use stdio. Code that runs with interrupts
 * disabled (extension hooks inside a directive, as RTEMS runs them with
 * dispatching disabled) takes a lock only if that needs no waiting, and
 * releasing one switches to no other task there: the directive does that
 * when it is done.
 *
 * newlib requires all of the lock functions and all of the static lock
 * objects from one place (libc/misc/lock.c lists them): otherwise its dummy
 * versions are linked as well and the symbols clash. The malloc lock is
 * __malloc_lock in syscalls.c (interrupts disabled, never blocks), so
 * __lock___malloc_recursive_mutex exists only for that rule.
 */
#include <rtems.h>

#include <port.h>

#include "dispatch.h"
#include "mutex.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/lock.h>

struct __lock {
    struct exec_mutex mutex;
    bool initialized; /* static locks start zeroed and are set up on first use */
    bool allocated;   /* made by __retarget_lock_init*: freed on close */
};

struct __lock __lock___sinit_recursive_mutex;
struct __lock __lock___sfp_recursive_mutex;
struct __lock __lock___atexit_recursive_mutex;
struct __lock __lock___at_quick_exit_mutex;
struct __lock __lock___malloc_recursive_mutex;
struct __lock __lock___env_recursive_mutex;
struct __lock __lock___tz_mutex;
struct __lock __lock___dd_hash_mutex;
struct __lock __lock___arc4random_mutex;

/* newlib's own entry points, declared here: no public header has them. */
void __retarget_lock_init(_LOCK_T *lock);
void __retarget_lock_init_recursive(_LOCK_T *lock);
void __retarget_lock_close(_LOCK_T lock);
void __retarget_lock_close_recursive(_LOCK_T lock);
void __retarget_lock_acquire(_LOCK_T lock);
void __retarget_lock_acquire_recursive(_LOCK_T lock);
int __retarget_lock_try_acquire(_LOCK_T lock);
int __retarget_lock_try_acquire_recursive(_LOCK_T lock);
void __retarget_lock_release(_LOCK_T lock);
void __retarget_lock_release_recursive(_LOCK_T lock);
void __sinit(struct _reent *ptr);

/* A task that may block is running (called with interrupts disabled). */
static bool in_blocking_task(void)
{
    return exec_isr_nest_level == 0 && exec_dispatch_disable_level == 0 && exec_executing != NULL &&
           exec_executing != &exec_idle_thread;
}

/* Called with interrupts disabled. */
static void set_up(struct __lock *lock)
{
    if (!lock->initialized) {
        exec_mutex_init(&lock->mutex, EXEC_TQ_PRIORITY, EXEC_MUTEX_INHERIT, 0);
        lock->initialized = true;
    }
}

void __retarget_lock_init_recursive(_LOCK_T *lock)
{
    struct __lock *made = malloc(sizeof(*made));

    /* Without memory the stream works unlocked (a NULL lock is no lock). */
    if (made != NULL) {
        port_isr_level level = port_interrupt_disable();

        made->initialized = false;
        set_up(made);
        made->allocated = true;
        port_interrupt_restore(level);
    }
    *lock = made;
}

/* The non-recursive kind is the recursive one: a superset. */
void __retarget_lock_init(_LOCK_T *lock)
{
    __retarget_lock_init_recursive(lock);
}

void __retarget_lock_close_recursive(_LOCK_T lock)
{
    if (lock != NULL && lock->allocated) {
        free(lock);
    }
}

void __retarget_lock_close(_LOCK_T lock)
{
    __retarget_lock_close_recursive(lock);
}

void __retarget_lock_acquire_recursive(_LOCK_T lock)
{
    port_isr_level level;

    if (lock == NULL) {
        return;
    }
    level = port_interrupt_disable();
    if (in_blocking_task()) {
        struct exec_thread *executing = exec_executing;

        set_up(lock);
        if (exec_mutex_try_acquire(&lock->mutex, executing) == RTEMS_UNSATISFIED && level == 0) {
            /* No timeout: the mutex is handed over to this task. */
            exec_mutex_block(&lock->mutex, executing, 0);
            exec_dispatch();
        }
    }
    port_interrupt_restore(level);
}

void __retarget_lock_acquire(_LOCK_T lock)
{
    __retarget_lock_acquire_recursive(lock);
}

/* 0: acquired (or nothing to acquire); EBUSY: another task holds it. */
int __retarget_lock_try_acquire_recursive(_LOCK_T lock)
{
    port_isr_level level;
    int result = 0;

    if (lock == NULL) {
        return 0;
    }
    level = port_interrupt_disable();
    if (in_blocking_task()) {
        set_up(lock);
        if (exec_mutex_try_acquire(&lock->mutex, exec_executing) != RTEMS_SUCCESSFUL) {
            result = EBUSY;
        }
    }
    port_interrupt_restore(level);
    return result;
}

int __retarget_lock_try_acquire(_LOCK_T lock)
{
    return __retarget_lock_try_acquire_recursive(lock);
}

void __retarget_lock_release_recursive(_LOCK_T lock)
{
    port_isr_level level;

    if (lock == NULL) {
        return;
    }
    level = port_interrupt_disable();
    /* Whoever took no lock (see above) releases none. */
    if (in_blocking_task() && lock->initialized && lock->mutex.owner == exec_executing) {
        (void)exec_mutex_surrender(&lock->mutex, exec_executing);
        /* A waiter of higher priority takes over now, unless in a directive. */
        if (level == 0) {
            exec_dispatch();
        }
    }
    port_interrupt_restore(level);
}

void __retarget_lock_release(_LOCK_T lock)
{
    __retarget_lock_release_recursive(lock);
}

/*
 * POSIX's explicit stream locking, which newlib 3.3 declares but leaves to
 * the system. The standard streams get their locks when stdio first sets
 * them up, so that happens here first.
 */
static void streams_set_up(void)
{
    if (!_REENT->__sdidinit) {
        __sinit(_REENT);
    }
}

/* String streams (sprintf's) have no lock. */
static _LOCK_T lock_of(const FILE *file)
{
    return (file->_flags & __SSTR) != 0 ? NULL : file->_lock;
}

void flockfile(FILE *file)
{
    streams_set_up();
    __retarget_lock_acquire_recursive(lock_of(file));
}

int ftrylockfile(FILE *file)
{
    streams_set_up();
    return __retarget_lock_try_acquire_recursive(lock_of(file));
}

void funlockfile(FILE *file)
{
    __retarget_lock_release_recursive(lock_of(file));
}
