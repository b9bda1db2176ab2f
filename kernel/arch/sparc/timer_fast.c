/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * When a timer interrupt may skip the full kernel entry (issue 17): the
 * ticks timer_entry.S's timer_fast compares the clock with, worked out with
 * the arch-neutral record (timer_fast.h) whenever kernel.c's finish_entry
 * has it name a partition. Nothing but a full entry changes what the
 * record was worked out from, and each full entry writes it again;
 * docs/performance.md ("Timer fast paths") says what the fast path skips
 * and why that is safe.
 */
#include "sparc.h"
#include "timer_fast.h"

struct sparc_fast_timer sparc_fast_timer;

/* Called by fast_timer_record_fill() (timer_fast.c), at the end of the
 * full entry, when the record is to name the partition about to run (the
 * schedule's current one, which sparc_resume resumes: kernel_current()).
 * The ticks count from the clock's last reading, the entry's or
 * arch_timer_arm()'s just before, with sparc_timer_armed_tick already the
 * armed deadline's tick: timer_fast compares the counter with that
 * reading's last_count, so a later reading before the partition runs
 * changes nothing. A periodic timer's period must be a whole number of
 * ticks (the next deadline's tick is then this one's plus the period, as
 * sparc_ns_to_ticks_up() rounds it). Worked out here rather than in
 * sparc_resume, so that a resume (the usual case: no record) pays no
 * test. */
bool arch_fast_timer_prepare(const struct fast_timer_record *r, bool same)
{
    uint64_t end_tick, limit_tick;
    uint32_t period = 0;

    (void)same; /* worked out again: the ticks count from the latest reading */

    if (r->period_ns) {
        /* Under 4.3 s (32-bit arithmetic, no 64-bit division) and whole ticks. */
        if (r->period_ns >> 32 || (uint32_t)r->period_ns % SPARC_TICK_NS) {
            return false;
        }
        period = (uint32_t)r->period_ns / SPARC_TICK_NS;
    }
    /* Published, so the clock's last reading is before the run's end:
     * end_tick is ahead of it (if not, the difference wraps and is
     * refused below). */
    end_tick = sparc_ns_to_ticks_up(r->end_ns);
    if (end_tick - sparc_clock.ticks > ARM_MAX_TICKS ||
        sparc_timer_armed_tick < sparc_clock.ticks) {
        return false; /* the full entry caps the count and wakes up early */
    }
    limit_tick = end_tick;
    if (period && sparc_timer_armed_tick + period < end_tick) {
        limit_tick = sparc_timer_armed_tick + period;
    }
    sparc_fast_timer.last_count = sparc_clock.last_count;
    sparc_fast_timer.fire_ticks = (uint32_t)(sparc_timer_armed_tick - sparc_clock.ticks);
    sparc_fast_timer.end_ticks = (uint32_t)(end_tick - sparc_clock.ticks);
    sparc_fast_timer.limit_ticks = (uint32_t)(limit_tick - sparc_clock.ticks);
    sparc_fast_timer.period_ticks = period;
    sparc_fast_timer.limit_tick = limit_tick;
    return true;
}
