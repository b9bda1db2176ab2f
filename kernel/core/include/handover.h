/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A partition on the CPUs its windows name, one at a time (issue 20, step
 * 3; docs/architecture.md, "Multicore"). Its context - registers, FPU
 * state, upcall state, virtual timers, pending lines, all in its struct
 * partition and control page - is the partition's, not a CPU's: handing it
 * over is making sure that the CPU it leaves has put everything of it back
 * in memory before the CPU it goes to loads it. The word context_held says
 * so: a CPU takes it at the start of the partition's window there and
 * gives it back, with a release store, in the timer entry that ends that
 * window's slot, once the arch has saved the context (arch_context_save).
 * tessera-config leaves at least the guard time G between a partition's
 * windows on different CPUs, and G covers the longest kernel path the
 * partition can start before its window ends, so the word is free when
 * the taker looks; if it is not (a kernel bug), the taker waits at most G
 * more and then reports a deadline-missed error instead of waiting on.
 */
#ifndef TESSERA_HANDOVER_H
#define TESSERA_HANDOVER_H

#include <stdbool.h>
#include "partition.h"

/* At p's window start on this CPU (p moves: PART_CPU_MOVES): takes p's
 * context once the CPU it last ran on has given it back, waiting at most
 * the guard time G for it. Returns true with p this CPU's to run; false
 * when it was not given back in time: the error is logged (deadline-missed,
 * action log: p's configured action would change a partition another CPU
 * holds) and the kernel says so, and p does not run in this window here. */
bool handover_take(struct partition *p);

/* The timer entry of a system whose partitions move between CPUs (only a
 * timer entry ends a slot), on every CPU: the arch calls
 * handover_timer_begin() before the kernel's entry and handover_timer_end()
 * once it has resumed the context to run next. If the slot's owner at the
 * beginning moves between CPUs and no longer owns the slot, its context is
 * saved (arch_context_save) and given back. Constant time. */
void handover_timer_begin(void);
void handover_timer_end(void);

#endif
