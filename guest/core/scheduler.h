/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Ready queues: 256 priority levels (0 highest), FIFO within a level, O(1)
 * selection of the highest ready thread through a two-level bitmap. Pure
 * bookkeeping: deciding when to switch is dispatch.c's job.
 */
#ifndef TESSERA_EXEC_SCHEDULER_H
#define TESSERA_EXEC_SCHEDULER_H

#include <tessera/exec_types.h>

#define EXEC_PRIORITY_LEVELS 256u

void exec_sched_init(void);

/* Makes t ready at t->priority, at the tail (or head) of its level. */
void exec_sched_insert(struct exec_thread *t, bool at_head);

/* Takes t (which must be ready) off the ready queues. */
void exec_sched_remove(struct exec_thread *t);

/* Moves ready t to the tail of its level. */
void exec_sched_rotate(struct exec_thread *t);

/* The first thread of the highest non-empty level, or NULL. */
struct exec_thread *exec_sched_highest(void);

/*
 * The heir rule of RTEMS's uniprocessor schedulers (scheduleruniimpl.h
 * since RTEMS 4.11): a new heir is chosen only while the current heir is
 * preemptible, or when it blocks. So a non-preemptible thread that became
 * the heir while the switch to it was deferred (interrupt context, several
 * threads readied by one directive) stays the heir even if a
 * higher-priority thread becomes ready before it runs. The dispatcher
 * reports the running thread; thread state and priority changes call
 * exec_sched_note_change() once they are complete.
 */
void exec_sched_set_running(const struct exec_thread *t);
void exec_sched_note_change(void);

/* The heir: a held non-preemptible heir, else exec_sched_highest(). */
struct exec_thread *exec_sched_heir(void);

/*
 * One tick of t's timeslice (t executing, not idle): when a timeslicing,
 * preemptible, ready t used its budget up, it goes behind its equals with a
 * new budget of ticks_per_timeslice.
 */
void exec_sched_timeslice(struct exec_thread *t, uint32_t ticks_per_timeslice);

/* Index of the lowest set bit of a non-zero 16-bit value. */
unsigned exec_bit_lowest16(uint32_t bits);

#endif
