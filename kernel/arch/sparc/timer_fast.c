/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * When a timer interrupt may skip the full kernel entry (issue 17): the
 * ticks trap_fast.S's timer_fast compares the clock with, worked out at the
 * end of every full entry that resumes a partition (sparc_resume, trap.c)
 * from the arch-neutral record (timer_fast.h, written by kernel.c's
 * finish_entry just before). Nothing but a full entry changes what the
 * record was worked out from, and each full entry that ends in a partition
 * writes both again; docs/performance.md ("Timer fast paths") says what the
 * fast path skips and why that is safe.
 */
#include "partition.h"
#include "sparc.h"
#include "timer_fast.h"

struct sparc_fast_timer sparc_fast_timer;

/* The ticks are counted from the clock's last reading, which sparc_resume
 * takes after the core has written the record: worked out there. Only a
 * one-shot timer is served (trap.c calls the update only for one). */
bool arch_fast_timer_prepare(const struct fast_timer_record *r)
{
    return r->period_ns == 0;
}

/* Called by sparc_resume when the record names a partition (next, about
 * to run): works out its ticks, or drops the record. The record names it
 * when next's one-shot wall
 * timer is the armed deadline, before the run's end, and the schedule
 * timer's next interrupt can do nothing but expire it, deliver its line
 * and arm the timer for the end of the run (timer_fast.h). Whether the
 * line can be delivered and whether console input waits is the fast path's
 * to check: the partition changes the first without entering the kernel. */
void sparc_fast_timer_update(const struct partition *next)
{
    uint64_t end_tick;

    if (fast_timer.part != next) {
        fast_timer.part = NULL;
        return;
    }
    /* Published, so the clock's last reading (the entry's now) is before
     * the run's end: end_tick is ahead of it. */
    end_tick = sparc_ns_to_ticks_up(fast_timer.end_ns);
    if (end_tick - sparc_clock.ticks > ARM_MAX_TICKS) {
        fast_timer.part = NULL; /* the full entry caps the count and wakes up early */
        return;
    }
    sparc_fast_timer.last_count = sparc_clock.last_count;
    sparc_fast_timer.fire_ticks = sparc_timer_armed_tick > sparc_clock.ticks
                                      ? (uint32_t)(sparc_timer_armed_tick - sparc_clock.ticks)
                                      : 0;
    sparc_fast_timer.end_ticks = (uint32_t)(end_tick - sparc_clock.ticks);
    sparc_fast_timer.end_tick = end_tick;
}
