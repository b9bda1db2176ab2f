/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Who runs: the executing thread, interrupt nesting, and the decision and
 * act of switching threads (through the port).
 */
#ifndef TESSERA_EXEC_DISPATCH_H
#define TESSERA_EXEC_DISPATCH_H

#include <tessera/exec_types.h>

extern struct exec_thread *exec_executing;
extern struct exec_thread exec_idle_thread;
extern uint32_t exec_isr_nest_level;
/* Non-zero during initialization and tick processing: switches wait. */
extern uint32_t exec_dispatch_disable_level;

/* The thread that should run: the highest ready one, else idle. */
struct exec_thread *exec_heir(void);

/* The executing thread gave up the processor to its equals (yield). */
void exec_dispatch_request_yield(void);

/*
 * Switches to the heir if that is due. Called with interrupts disabled;
 * does nothing in interrupt context or while dispatching is disabled (the
 * switch then happens at interrupt exit or when dispatching is enabled).
 */
void exec_dispatch(void);

/* Processor time t used so far, in ns (rate monotonic statistics). */
uint64_t exec_thread_cpu_time_used(const struct exec_thread *t);

/* Leaves the executing thread for good (deleted or restarted itself). */
_Noreturn void exec_dispatch_abandon(void);

#endif
