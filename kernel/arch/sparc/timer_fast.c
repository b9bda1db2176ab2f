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

/* The ticks from the clock's last reading, the entry's or
 * arch_timer_arm()'s just before, with sparc_timer_armed_tick already the
 * armed deadline's tick: timer_fast compares the counter with that
 * reading's last_count, so a later reading before the partition runs
 * changes nothing. Published, so that reading is before the run's end. */
static bool count_from_reading(void)
{
    struct sparc_fast_timer *t = &sparc_fast_timer;

    if (sparc_timer_armed_tick < sparc_clock.ticks) {
        return false; /* due already: the full entry serves it */
    }
    t->last_count = sparc_clock.last_count;
    t->fire_ticks = (uint32_t)(sparc_timer_armed_tick - sparc_clock.ticks);
    t->end_ticks = (uint32_t)(t->end_tick - sparc_clock.ticks);
    t->limit_ticks = (uint32_t)(t->limit_tick - sparc_clock.ticks);
    return true;
}

/* Called by fast_timer_record_fill() (timer_fast.c), at the end of the
 * full entry, when the record is to name the partition about to run (the
 * schedule's current one, which sparc_resume resumes: kernel_current()).
 * same: the record named it with the same deadline, period and run end -
 * the usual case with the RTEMS tick, written at every full entry - so
 * the end's and the limit's ticks still hold (the fast path moved the
 * limit on with the deadline): only the counts from the new reading are
 * worked out. A periodic timer's period must be a whole number of ticks
 * (the next deadline's tick is then this one's plus the period, as
 * sparc_ns_to_ticks_up() rounds it). Worked out here rather than in
 * sparc_resume, so that a resume (the usual case: no record) pays no
 * test. */
bool arch_fast_timer_prepare(const struct fast_timer_record *r, bool same)
{
    struct sparc_fast_timer *t = &sparc_fast_timer;
    uint64_t end_tick;
    uint32_t period = 0;

    if (same) {
        return count_from_reading();
    }
    if (r->period_ns) {
        /* Under 4.3 s (32-bit arithmetic, no 64-bit division) and whole ticks. */
        if (r->period_ns >> 32 || (uint32_t)r->period_ns % SPARC_TICK_NS) {
            return false;
        }
        period = (uint32_t)r->period_ns / SPARC_TICK_NS;
    }
    /* end_tick is ahead of the reading (if not, the difference wraps and
     * is refused). */
    end_tick = sparc_ns_to_ticks_up(r->end_ns);
    if (end_tick - sparc_clock.ticks > ARM_MAX_TICKS) {
        return false; /* the full entry caps the count and wakes up early */
    }
    t->end_tick = end_tick;
    t->limit_tick = end_tick;
    if (period && sparc_timer_armed_tick + period < end_tick) {
        t->limit_tick = sparc_timer_armed_tick + period;
    }
    t->period_ticks = period;
    return count_from_reading();
}
