/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Ready queues: 256 priority levels (0 highest), FIFO within a level, O(1)
 * selection of the highest ready thread through a two-level bitmap. Pure
 * bookkeeping: deciding when to switch is dispatch.c's job.
 */
#ifndef TESSERA_EXEC_SCHED_H
#define TESSERA_EXEC_SCHED_H

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

/* Index of the lowest set bit of a non-zero 16-bit value. */
unsigned exec_bit_lowest16(uint32_t bits);

#endif
