/* SPDX-License-Identifier: BSD-2-Clause */
/* The timer interrupt fast paths' record (timer_fast.h). */
#include "timer_fast.h"
#include "arch.h"
#include "trace.h"

struct fast_timer_record fast_timer ARCH_PER_CPU;

/* p is published for the fast paths (owner of the slot, ready, before its
 * guard, no trace wanting the hypercall class) and its wall-clock timer is
 * armed. The record names p only when, besides, the schedule timer is
 * armed for that timer's deadline (so it is the next thing to happen) and
 * the deadline is before the run's end (so the interrupt ends neither the
 * slot nor the run), no execution-time timer is armed (its deadline moves
 * with the time used: it could be the next deadline after the wall
 * timer's), no trace class is on (the fast path records no event), p has
 * an upcall entry, and the arch can serve it. */
void fast_timer_record_fill(struct partition *p, uint64_t run_end, uint64_t armed)
{
    const struct vtimer *wall = &p->timers[PV_CLOCK_WALL];

    if (p->timers[PV_CLOCK_EXEC].armed || p->state != PART_READY || !p->upcall_entry ||
        trace_any_on() || wall->deadline != armed || armed >= run_end) {
        fast_timer.part = NULL;
        return;
    }
    /* The record still names p for the same deadline, period and run end
     * (a fast path that serves a periodic tick moves the deadline on in
     * step with the timer's): the arch may keep what it worked out. This
     * is the usual case - an RTEMS tick's record is written at every full
     * entry of its partition - so it stores nothing else. */
    if (fast_timer.part == p && fast_timer.deadline_ns == armed &&
        fast_timer.period_ns == wall->period && fast_timer.end_ns == run_end) {
        if (!arch_fast_timer_prepare(&fast_timer, true)) {
            fast_timer.part = NULL;
        }
        return;
    }
    fast_timer.part = NULL;
    fast_timer.deadline_ns = armed;
    fast_timer.period_ns = wall->period;
    fast_timer.end_ns = run_end;
    if (arch_fast_timer_prepare(&fast_timer, false)) {
        fast_timer.part = p;
    }
}
