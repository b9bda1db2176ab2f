/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The POSIX part of <rtems/confdefs.h> (included by it, CONFIGURE_INIT only):
 * the tables of guest/posix sized by CONFIGURE_MAXIMUM_POSIX_*, the POSIX
 * initialization thread and the workspace they need. Without any of them
 * the application gets no POSIX API and links none of guest/posix.
 */
#ifndef TESSERA_POSIX_CONFDEFS_H
#define TESSERA_POSIX_CONFDEFS_H

#ifndef CONFIGURE_MAXIMUM_POSIX_THREADS
#define CONFIGURE_MAXIMUM_POSIX_THREADS 0
#endif
#ifndef CONFIGURE_MAXIMUM_POSIX_MUTEXES
#define CONFIGURE_MAXIMUM_POSIX_MUTEXES 0
#endif
#ifndef CONFIGURE_MAXIMUM_POSIX_CONDITION_VARIABLES
#define CONFIGURE_MAXIMUM_POSIX_CONDITION_VARIABLES 0
#endif
#ifndef CONFIGURE_MAXIMUM_POSIX_KEYS
#define CONFIGURE_MAXIMUM_POSIX_KEYS 0
#endif
#ifndef CONFIGURE_MAXIMUM_POSIX_SEMAPHORES
#define CONFIGURE_MAXIMUM_POSIX_SEMAPHORES 0
#endif
#ifndef CONFIGURE_MAXIMUM_POSIX_BARRIERS
#define CONFIGURE_MAXIMUM_POSIX_BARRIERS 0
#endif
#ifndef CONFIGURE_MAXIMUM_POSIX_SPINLOCKS
#define CONFIGURE_MAXIMUM_POSIX_SPINLOCKS 0
#endif
#ifndef CONFIGURE_MAXIMUM_POSIX_RWLOCKS
#define CONFIGURE_MAXIMUM_POSIX_RWLOCKS 0
#endif
#ifndef CONFIGURE_MAXIMUM_POSIX_MESSAGE_QUEUES
#define CONFIGURE_MAXIMUM_POSIX_MESSAGE_QUEUES 0
#endif
#ifndef CONFIGURE_MAXIMUM_POSIX_TIMERS
#define CONFIGURE_MAXIMUM_POSIX_TIMERS 0
#endif
/* As RTEMS: a POSIX thread's default stack is twice the task minimum. */
#ifndef CONFIGURE_MINIMUM_POSIX_THREAD_STACK_SIZE
#define CONFIGURE_MINIMUM_POSIX_THREAD_STACK_SIZE (2 * (CONFIGURE_MINIMUM_TASK_STACK_SIZE))
#endif

#if CONFIGURE_MAXIMUM_POSIX_THREADS > 0xffff || CONFIGURE_MAXIMUM_POSIX_MUTEXES > 0xffff ||        \
    CONFIGURE_MAXIMUM_POSIX_CONDITION_VARIABLES > 0xffff ||                                        \
    CONFIGURE_MAXIMUM_POSIX_KEYS > 0xffff || CONFIGURE_MAXIMUM_POSIX_SEMAPHORES > 0xffff ||        \
    CONFIGURE_MAXIMUM_POSIX_BARRIERS > 0xffff || CONFIGURE_MAXIMUM_POSIX_SPINLOCKS > 0xffff ||     \
    CONFIGURE_MAXIMUM_POSIX_RWLOCKS > 0xffff || CONFIGURE_MAXIMUM_POSIX_MESSAGE_QUEUES > 0xffff || \
    CONFIGURE_MAXIMUM_POSIX_TIMERS > 0xffff
#error "object maximums must fit the 16-bit index of an object id"
#endif

#ifdef CONFIGURE_POSIX_INIT_THREAD_TABLE
#ifndef CONFIGURE_POSIX_INIT_THREAD_ENTRY_POINT
void *POSIX_Init(void *);
#define CONFIGURE_POSIX_INIT_THREAD_ENTRY_POINT POSIX_Init
#endif
#ifndef CONFIGURE_POSIX_INIT_THREAD_STACK_SIZE
#define CONFIGURE_POSIX_INIT_THREAD_STACK_SIZE CONFIGURE_MINIMUM_POSIX_THREAD_STACK_SIZE
#endif
#define _EXEC_POSIX_INIT_ENTRY CONFIGURE_POSIX_INIT_THREAD_ENTRY_POINT
#define _EXEC_POSIX_INIT_EXTRA_STACK                                                               \
    (CONFIGURE_POSIX_INIT_THREAD_STACK_SIZE > CONFIGURE_MINIMUM_POSIX_THREAD_STACK_SIZE            \
         ? CONFIGURE_POSIX_INIT_THREAD_STACK_SIZE - CONFIGURE_MINIMUM_POSIX_THREAD_STACK_SIZE      \
         : 0)
#else
#define _EXEC_POSIX_INIT_ENTRY                 NULL
#define _EXEC_POSIX_INIT_EXTRA_STACK           0
#define CONFIGURE_POSIX_INIT_THREAD_STACK_SIZE 0
#endif

#if defined(CONFIGURE_POSIX_INIT_THREAD_TABLE) || CONFIGURE_MAXIMUM_POSIX_THREADS > 0 ||           \
    CONFIGURE_MAXIMUM_POSIX_MUTEXES > 0 || CONFIGURE_MAXIMUM_POSIX_CONDITION_VARIABLES > 0 ||      \
    CONFIGURE_MAXIMUM_POSIX_KEYS > 0 || CONFIGURE_MAXIMUM_POSIX_SEMAPHORES > 0 ||                  \
    CONFIGURE_MAXIMUM_POSIX_BARRIERS > 0 || CONFIGURE_MAXIMUM_POSIX_SPINLOCKS > 0 ||               \
    CONFIGURE_MAXIMUM_POSIX_RWLOCKS > 0 || CONFIGURE_MAXIMUM_POSIX_MESSAGE_QUEUES > 0 ||           \
    CONFIGURE_MAXIMUM_POSIX_TIMERS > 0
#define _EXEC_POSIX_API
#endif

#ifdef _EXEC_POSIX_API
#include <tessera/posix_types.h>

/* RTEMS's confdefs brings <mqueue.h> (its POSIX objects' headers), and
 * some psxtests rely on it. */
#include <mqueue.h>

#define _EXEC_POSIX_TABLE(_type, _name, _n) static struct _type _name[(_n) > 0 ? (_n) : 1];
_EXEC_POSIX_TABLE(posix_thread, _Exec_posix_threads, CONFIGURE_MAXIMUM_POSIX_THREADS)
_EXEC_POSIX_TABLE(posix_mutex, _Exec_posix_mutexes, CONFIGURE_MAXIMUM_POSIX_MUTEXES)
_EXEC_POSIX_TABLE(posix_cond, _Exec_posix_conds, CONFIGURE_MAXIMUM_POSIX_CONDITION_VARIABLES)
_EXEC_POSIX_TABLE(posix_key, _Exec_posix_keys, CONFIGURE_MAXIMUM_POSIX_KEYS)
_EXEC_POSIX_TABLE(posix_semaphore, _Exec_posix_semaphores, CONFIGURE_MAXIMUM_POSIX_SEMAPHORES)
_EXEC_POSIX_TABLE(posix_barrier, _Exec_posix_barriers, CONFIGURE_MAXIMUM_POSIX_BARRIERS)
_EXEC_POSIX_TABLE(posix_spinlock, _Exec_posix_spinlocks, CONFIGURE_MAXIMUM_POSIX_SPINLOCKS)
_EXEC_POSIX_TABLE(posix_rwlock, _Exec_posix_rwlocks, CONFIGURE_MAXIMUM_POSIX_RWLOCKS)
_EXEC_POSIX_TABLE(posix_mqueue, _Exec_posix_mqueues, CONFIGURE_MAXIMUM_POSIX_MESSAGE_QUEUES)
_EXEC_POSIX_TABLE(posix_timer, _Exec_posix_timers, CONFIGURE_MAXIMUM_POSIX_TIMERS)
static struct posix_signal_thread
    _Exec_posix_signal_threads[(CONFIGURE_MAXIMUM_TASKS) + (CONFIGURE_MAXIMUM_POSIX_THREADS) + 1];

#define _EXEC_POSIX_ENTRY(_name, _n)                                                               \
    {                                                                                              \
        (_name), (_n)                                                                              \
    }
const struct posix_config exec_posix_config = {
    .threads = _EXEC_POSIX_ENTRY(_Exec_posix_threads, CONFIGURE_MAXIMUM_POSIX_THREADS),
    .mutexes = _EXEC_POSIX_ENTRY(_Exec_posix_mutexes, CONFIGURE_MAXIMUM_POSIX_MUTEXES),
    .condition_variables =
        _EXEC_POSIX_ENTRY(_Exec_posix_conds, CONFIGURE_MAXIMUM_POSIX_CONDITION_VARIABLES),
    .keys = _EXEC_POSIX_ENTRY(_Exec_posix_keys, CONFIGURE_MAXIMUM_POSIX_KEYS),
    .semaphores = _EXEC_POSIX_ENTRY(_Exec_posix_semaphores, CONFIGURE_MAXIMUM_POSIX_SEMAPHORES),
    .barriers = _EXEC_POSIX_ENTRY(_Exec_posix_barriers, CONFIGURE_MAXIMUM_POSIX_BARRIERS),
    .spinlocks = _EXEC_POSIX_ENTRY(_Exec_posix_spinlocks, CONFIGURE_MAXIMUM_POSIX_SPINLOCKS),
    .rwlocks = _EXEC_POSIX_ENTRY(_Exec_posix_rwlocks, CONFIGURE_MAXIMUM_POSIX_RWLOCKS),
    .message_queues =
        _EXEC_POSIX_ENTRY(_Exec_posix_mqueues, CONFIGURE_MAXIMUM_POSIX_MESSAGE_QUEUES),
    .timers = _EXEC_POSIX_ENTRY(_Exec_posix_timers, CONFIGURE_MAXIMUM_POSIX_TIMERS),
    .signal_threads = _Exec_posix_signal_threads,
    .minimum_stack_size = CONFIGURE_MINIMUM_POSIX_THREAD_STACK_SIZE,
    .init_thread_entry = _EXEC_POSIX_INIT_ENTRY,
    .init_thread_stack_size = CONFIGURE_POSIX_INIT_THREAD_STACK_SIZE,
};
#define _EXEC_POSIX_INITIALIZE exec_posix_initialize
#else
#define _EXEC_POSIX_INITIALIZE NULL
#endif

/* Stacks of the POSIX threads and the key value arrays (one slot per
 * thread). Message queue buffers come from CONFIGURE_MESSAGE_BUFFER_MEMORY,
 * as in RTEMS (CONFIGURE_MESSAGE_BUFFERS_FOR_QUEUE counts a POSIX queue
 * too). */
#define _EXEC_POSIX_WORKSPACE_SIZE                                                                 \
    ((size_t)(CONFIGURE_MAXIMUM_POSIX_THREADS) *                                                   \
         (EXEC_WORKSPACE_ALLOC_SIZE(CONFIGURE_MINIMUM_POSIX_THREAD_STACK_SIZE) +                   \
          EXEC_WORKSPACE_ALIGNMENT) +                                                              \
     (size_t)_EXEC_POSIX_INIT_EXTRA_STACK +                                                        \
     (size_t)(CONFIGURE_MAXIMUM_POSIX_KEYS)*EXEC_WORKSPACE_ALLOC_SIZE(                             \
         sizeof(void *) *                                                                          \
         ((size_t)(CONFIGURE_MAXIMUM_TASKS) + (size_t)(CONFIGURE_MAXIMUM_POSIX_THREADS))))

#endif
