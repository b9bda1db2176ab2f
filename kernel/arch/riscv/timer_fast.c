/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The timer interrupt fast path on RISC-V (issue 17): a supervisor timer
 * interrupt from the partition the record names (timer_fast.h) is served
 * here, between entry.S's register save and resume, when all the full
 * entry would do is expire that partition's wall-clock timer once, deliver
 * the lines and arm the timer for the next deadline - x86's timer_entry
 * (entry.S) in C, since the trap entry saves every register anyway.
 * docs/performance.md ("Timer fast paths") says what is skipped and why
 * that state cannot have changed since the record was written.
 */
#include "arch.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/shared.h"
#include "riscv.h"
#include "riscv_upcall.h"
#include "timer_fast.h"

/* The record in time CSR values (absolute counts, what stimecmp takes):
 * served while fire <= time < limit; limit is the next period's deadline
 * or the run's end, whichever is first. */
static struct {
    uint64_t fire, limit, end, period;
} fast;

/* A periodic timer's limit after from: its next deadline or the run's
 * end, whichever is first. */
static uint64_t next_limit(uint64_t from)
{
    return from + fast.period < fast.end ? from + fast.period : fast.end;
}

/* Called by fast_timer_record_fill() at the end of a full entry. The
 * counts are the full path's roundings: time >= deadline_ticks(d) exactly
 * when arch_time_ns() >= d. A period that is not a whole number of counts
 * would drift from them: not served. */
bool arch_fast_timer_prepare(const struct fast_timer_record *r, bool same)
{
    if (riscv_idle_state != RISCV_IDLE_HALT) {
        return false;
    }
    /* The same record as before: fire and limit moved on with the deadline
     * in each served tick, and the run's end has not changed. */
    if (same) {
        return true;
    }
    if (r->period_ns % TIMEBASE_NS) {
        return false;
    }
    fast.period = r->period_ns / TIMEBASE_NS;
    fast.fire = riscv_deadline_ticks(r->deadline_ns);
    fast.end = riscv_deadline_ticks(r->end_ns);
    fast.limit = fast.period ? next_limit(fast.fire) : fast.end;
    return true;
}

/* The interrupted partition's frame is f (entry.S saved it in place).
 * Returns false with nothing changed when the full entry must run. */
bool riscv_timer_fast(struct riscv_frame *f)
{
    struct partition *p = fast_timer.part;
    struct pv_shared *s;
    struct pv_upcall_frame *u;
    uint64_t now, va, off, arm;
    uint32_t pending;

    /* Output queued (a drain is owed) or input waiting on the UART (what
     * the full entry's console poll would take). */
    if (!p || p->console.len || riscv_console_input_ready()) {
        return false;
    }
    /* Exactly one expiration, and before the run's end. */
    now = csr_read(time);
    if (now < fast.fire || now >= fast.limit) {
        return false;
    }
    s = p->shared;
    if (s->irq_level || (s->irq_mask & (1u << PV_IRQ_TIMER))) {
        return false;
    }
    /* The frame where arch_upcall_push() puts it, and only in the area the
     * last frame was found in (uaccess_ptr_cached()'s first test). */
    if (!riscv_upcall_frame_va(f->x[2], &va)) {
        return false;
    }
    off = va - p->ctx.frame_area.virt;
    if (off >= p->ctx.frame_area.size ||
        sizeof(struct pv_upcall_frame) > p->ctx.frame_area.size - off) {
        return false;
    }
    u = (struct pv_upcall_frame *)(p->ctx.frame_area.kernel + off);

    /* Served: the line raised and delivered with every unmasked pending
     * one (virq_deliver()), the expiration counted (expire_timers()). */
    pending = s->irq_pending | 1u << PV_IRQ_TIMER;
    s->irq_pending = pending & s->irq_mask;
    s->irq_level = 1;
    s->timer_expirations[PV_CLOCK_WALL]++;
    riscv_upcall_write(f, u, va, pending & ~s->irq_mask, p->upcall_entry);

    /* vtimer_expire()'s usual case: a one-shot timer disarmed, a periodic
     * one a period on. The timer armed for the limit, as arm_timer() would;
     * the record moves on with a periodic deadline still before the end. */
    arm = fast.limit;
    if (!fast.period) {
        p->timers[PV_CLOCK_WALL].armed = 0;
        fast_timer.part = NULL;
    } else {
        p->timers[PV_CLOCK_WALL].deadline += fast_timer.period_ns;
        fast_timer.deadline_ns += fast_timer.period_ns;
        if (fast.limit < fast.end) {
            fast.fire = fast.limit;
            fast.limit = next_limit(fast.limit);
        } else {
            fast_timer.part = NULL;
        }
    }
    csr_write(stimecmp, arm);
    return true;
}
