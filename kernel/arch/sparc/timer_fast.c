/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * When a timer interrupt may skip the full kernel entry (issue 17): the
 * record trap_fast.S's timer_fast reads, written at the end of every full
 * entry that resumes a partition (sparc_resume, trap.c). Nothing but a full
 * entry changes what it was worked out from, and each full entry that ends
 * in a partition writes it again; docs/performance.md ("Third round:
 * SPARC") says what the fast path skips and why that is safe.
 */
#include "kernel.h"
#include "partition.h"
#include "pv/abi.h"
#include "sparc.h"
#include "trace.h"

struct sparc_fast_timer sparc_fast_timer;

/* Writes the record for next, about to run: it names next only when the
 * schedule timer's next interrupt can do nothing but expire next's one-shot
 * wall-clock timer, deliver its line, and arm the timer for the end of
 * next's run - what kernel_on_timer() would then do: the running partition
 * published for the fast paths (kernel_fast_exit_partition: owner, ready,
 * before its guard, no trace wanting the hypercall class), no trace class
 * at all (the fast path records nothing), the armed deadline that timer's
 * and before the run's end, no execution-time timer (its deadline moves
 * with the time used), an upcall entry. Whether the line can be delivered
 * and whether console input waits is the fast path's to check: the
 * partition changes the first without entering the kernel. */
void sparc_fast_timer_update(struct partition *next)
{
    const struct vtimer *wall = &next->timers[PV_CLOCK_WALL];
    uint64_t end_tick;

    sparc_fast_timer.part = NULL;
    if (!wall->armed || wall->period || wall->deadline != armed_deadline ||
        next != kernel_fast_exit_partition || next->timers[PV_CLOCK_EXEC].armed ||
        next->state != PART_READY || !next->upcall_entry || trace_any_on() ||
        entry_run_end <= wall->deadline) {
        return;
    }
    /* Published, so the clock's last reading (the entry's now) is before
     * the run's end: end_tick is ahead of it. */
    end_tick = sparc_ns_to_ticks_up(entry_run_end);
    if (end_tick - sparc_clock.ticks > ARM_MAX_TICKS) {
        return; /* the full entry caps the count and wakes up early */
    }
    sparc_fast_timer.last_count = sparc_clock.last_count;
    sparc_fast_timer.fire_ticks = sparc_timer_armed_tick > sparc_clock.ticks
                                      ? (uint32_t)(sparc_timer_armed_tick - sparc_clock.ticks)
                                      : 0;
    sparc_fast_timer.end_ticks = (uint32_t)(end_tick - sparc_clock.ticks);
    sparc_fast_timer.end_ns = entry_run_end;
    sparc_fast_timer.end_tick = end_tick;
    sparc_fast_timer.part = next;
}
