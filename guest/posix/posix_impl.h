/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the files of guest/posix share: their object tables, the lookup of
 * an object by the id an application variable holds (with the lazy
 * creation of statically initialized objects), the priority mapping and
 * timeouts. Built on the executive's core (guest/core) like guest/libc.
 */
#ifndef TESSERA_POSIX_IMPL_H
#define TESSERA_POSIX_IMPL_H

#include <tessera/posix_types.h>

#include "posix_time.h"
#include "task.h"

#include <port.h>
#include <signal.h>
#include <time.h>

extern struct exec_object_info posix_mutexes_info;
extern struct exec_object_info posix_conds_info;
extern struct exec_object_info posix_keys_info;
extern struct exec_object_info posix_semaphores_info;
extern struct exec_object_info posix_barriers_info;
extern struct exec_object_info posix_spinlocks_info;
extern struct exec_object_info posix_rwlocks_info;
extern struct exec_object_info posix_mqueues_info;
extern struct exec_object_info posix_timers_info;

/* The id newlib's PTHREAD_*_INITIALIZER values stand for: create on first use. */
#define POSIX_ID_INITIALIZER 0xffffffffu

/*
 * Locks (interrupts disabled) and returns the object whose id *id holds, or
 * NULL unlocked. An initializer value is first replaced by a new object
 * made by create (default attributes; NULL when none is free).
 */
struct exec_object *posix_object_lock(struct exec_object_info *info, uint32_t *id,
                                      int (*create)(uint32_t *id), port_isr_level *level);

/* The POSIX thread t is, or NULL for a Classic task (or idle). */
struct posix_thread *posix_thread_of(struct exec_thread *t);

/* Classic priority of a valid POSIX one, and back (RTEMS's mapping). */
uint32_t posix_priority_to_core(int priority);
int posix_priority_from_core(uint32_t priority);
bool posix_priority_is_valid(int priority);

/* Rounds of destructor calls at a thread's exit (POSIX's minimum, as RTEMS). */
#define POSIX_DESTRUCTOR_ITERATIONS 4

/* Registers cancellation's post-switch action; a cancelled thread ends by
 * exit (pthread_exit; passed by exec_posix_initialize, see cancel.c). */
void posix_cancel_initialize(void (*exit)(void *value));
/* Whether t has a cancellation request to act on at once (enabled, asynchronous). */
bool posix_cancel_is_asynchronous(const struct exec_thread *t);
/* Runs and forgets the executing thread's cleanup handlers, innermost first. */
void posix_cleanup_run_all(void);

/* Initializes a semaphore block just allocated: unnamed, count value. */
void posix_semaphore_setup(struct posix_semaphore *s, uint32_t value);

/* exec_task_protected_delete_hook: t disabled cancellation; does it wait for the deleter? */
enum exec_protected_delete posix_protected_delete(struct exec_thread *t);

/* exec_task_delete_hook: forgets t's key values, wakes its joiners. */
void posix_thread_deleted(struct exec_thread *t);

/* The slot of thread t in a key's value array. */
uint32_t posix_key_slot(const struct exec_thread *t);
/* Runs the destructors of the executing thread's key values (pthread_exit). */
void posix_keys_run_destructors(void);
/* exec_task_has_key_values_hook: whether t has a key value set. */
bool posix_keys_have_values(const struct exec_thread *t);
/* Forgets the values of a slot (NO_SLOT: nothing). */
void posix_keys_clear_slot(uint32_t slot);

/*
 * Blocks the executing thread on q (interrupts disabled) until it is
 * unblocked or abstime on clock passes; abstime NULL: no timeout. Returns
 * 0, ETIMEDOUT, or EINVAL for an invalid abstime (then it did not block).
 * The caller dispatches.
 */
int posix_block_until(struct exec_threadq *q, clockid_t clock, const struct timespec *abstime);

/* Whether ev asks for a notification this API delivers (SIGEV_NONE, and
 * SIGEV_SIGNAL with a valid signal once signals exist). */
bool posix_sigevent_is_supported(const struct sigevent *ev);
/* Delivers ev's notification (interrupts disabled); code is the si_code
 * (SI_MESGQ, SI_TIMER). The caller dispatches. */
void posix_sigevent_notify(const struct sigevent *ev, int code);

/* Signals (signal.c). A valid signal number: 1..NSIG-1. */
static inline bool posix_signal_is_valid(int sig)
{
    return sig > 0 && sig < NSIG;
}
/* The bit of a valid sig in a sigset_t, as RTEMS (sigset.c): bit sig - 1. */
static inline sigset_t posix_signal_bit(int sig)
{
    return (sigset_t)1 << (sig - 1);
}
/* sigfillset's set: as RTEMS, all 32 bits (the last stands for no signal). */
#define POSIX_SIGNAL_ALL ((sigset_t)0xffffffffu)
/* The wait status of a sleep or sigsuspend that a signal ended (EINTR). */
#define POSIX_STATUS_INTERRUPTED RTEMS_UNSATISFIED
/* The signal state of thread t (NULL for the idle thread). */
struct posix_signal_thread *posix_signal_state(const struct exec_thread *t);
/*
 * Generates sig for thread t, or for the process (t NULL), with this
 * siginfo (interrupts disabled; also from interrupt context). The caller
 * dispatches.
 */
void posix_signal_generate(struct exec_thread *t, int sig, int code, union sigval value);
/* Whether s has a pending signal (its own or the process's) it does not block. */
bool posix_signal_is_deliverable(const struct posix_signal_thread *s);
/* Whether sig is pending on the process or on some thread. */
bool posix_signal_is_pending(int sig);
/* Takes the lowest signal of set pending on s or on the process (0: none),
 * with its siginfo unless info is NULL. */
int posix_signal_take(struct posix_signal_thread *s, sigset_t set, siginfo_t *info);
/* The threads blocked in sigwait & co., sigsuspend and pause, and
 * sleeping (see posix_sleepers), by priority. */
extern struct exec_threadq posix_signal_waiters;
/*
 * Where nanosleep & co. wait (clock.c): posix_signal_waiters once signals
 * exist (posix_signals_initialize), so that a signal the thread does not
 * block ends the sleep early; NULL (no signals: nothing interrupts it) in
 * an application that configures no POSIX object.
 */
extern struct exec_threadq *posix_sleepers;
/* Sets signals up (exec_posix_initialize). */
void posix_signals_initialize(void);
/* A new POSIX thread t inherits creator's signal mask, nothing pending. */
void posix_signal_thread_start(const struct exec_thread *t, const struct exec_thread *creator);

/* errno value of a blocking outcome (wait.status). */
int posix_wait_errno(rtems_status_code status);

#endif
