/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Thread states, blocking and unblocking, timeouts and effective priority.
 * Port-free: callers hold interrupts disabled and call exec_dispatch()
 * afterwards when a switch may be due.
 */
#ifndef TESSERA_EXEC_THREAD_H
#define TESSERA_EXEC_THREAD_H

#include <tessera/exec_types.h>

#include "thread_state.h"

/* Tick count that drives the tick watchdog list (advanced by timebase.c). */
extern uint64_t exec_ticks_since_boot;

void exec_thread_set_state(struct exec_thread *t, uint32_t bits);
void exec_thread_clear_state(struct exec_thread *t, uint32_t bits);

/*
 * Blocks t in state (one of the wait states), on q unless q is NULL, with a
 * timeout of ticks (0: none). The outcome lands in t->wait.status.
 */
void exec_thread_block(struct exec_thread *t, struct exec_threadq *q, uint32_t state,
                       rtems_interval ticks);

/* Arms t's timeout on a list at an absolute time (wake_when). */
void exec_thread_arm_timeout(struct exec_thread *t, struct exec_watchdog_list *list,
                             uint64_t expire);

/* Ends t's wait with status; t becomes ready unless otherwise suspended. */
void exec_thread_unblock(struct exec_thread *t, rtems_status_code status);

/*
 * Recomputes t's effective priority from its real priority and the mutexes
 * it holds, moves it in the ready or wait queue, and passes the change on
 * along the chain of inheritance mutex owners. A thread whose priority gets
 * lowered goes to the head of its new level if lowered_to_head (giving up a
 * lent priority), otherwise to the tail.
 */
void exec_thread_update_priority(struct exec_thread *t, bool lowered_to_head);

/* Sets t's real priority (the directive's view) and updates. */
void exec_thread_set_real_priority(struct exec_thread *t, uint32_t priority);

void exec_thread_timeout(struct exec_watchdog *w);

#endif
