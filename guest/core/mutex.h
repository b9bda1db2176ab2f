/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Owned, recursive locks with priority inheritance (transitive) or priority
 * ceiling. The effective priority of a thread is the highest of its real
 * priority and what each held mutex contributes: its ceiling, or the highest
 * waiter's priority under inheritance (thread.c computes that; this module
 * builds on threads, not the other way round). Port-free.
 */
#ifndef TESSERA_EXEC_MUTEX_H
#define TESSERA_EXEC_MUTEX_H

#include <tessera/exec_types.h>

void exec_mutex_init(struct exec_mutex *m, enum exec_tq_discipline discipline,
                     enum exec_mutex_protocol protocol, uint32_t ceiling);

/*
 * Acquires m for t if it is free or t owns it already (recursion).
 * RTEMS_UNSATISFIED if another thread owns it; RTEMS_INVALID_PRIORITY if t's
 * priority is higher than the ceiling.
 */
rtems_status_code exec_mutex_try_acquire(struct exec_mutex *m, struct exec_thread *t);

/* Blocks t on m (owned by another thread) and lends t's priority. */
void exec_mutex_block(struct exec_mutex *m, struct exec_thread *t, rtems_interval ticks);

/*
 * Releases one level of t's ownership; at the last level hands m to the
 * first waiter, which is unblocked. RTEMS_NOT_OWNER_OF_RESOURCE if t does
 * not own m.
 */
rtems_status_code exec_mutex_surrender(struct exec_mutex *m, const struct exec_thread *t);

/* Gives up m completely, whatever the nesting (owner deleted). */
void exec_mutex_release_all(struct exec_mutex *m);

#endif
