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

/*
 * A post-switch action: work that the thread which keeps or gets the
 * processor does before exec_dispatch() returns to it (RTEMS's post-switch
 * actions; here the signal manager's ASR delivery, registered when a task
 * first catches signals, and guest/posix's signal delivery and cancellation,
 * registered when the POSIX API starts, so that dispatching needs nothing from above it).
 * is_due: whether interrupt exit must dispatch for it. run: does it if due,
 * in task context with interrupts disabled, and returns true if it ran
 * (dispatching is then checked again).
 */
struct exec_post_switch {
    bool (*is_due)(void);
    bool (*run)(void);
};

/* The post-switch actions there are: one per user above. */
#define EXEC_POST_SWITCH_MAX 4

/* Adds a post-switch action (none at boot); adding one again changes
 * nothing. */
void exec_dispatch_add_post_switch(const struct exec_post_switch *action);

/* Leaves the executing thread for good (deleted or restarted itself). */
_Noreturn void exec_dispatch_abandon(void);

#endif
