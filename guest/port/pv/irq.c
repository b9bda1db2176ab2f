/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Interrupts of the pv port: the executive's interrupt level is the control
 * page's virtual interrupt level (0 = enabled), so masking is a store, never
 * a trap. Virtual interrupts arrive by upcall in pv_upcall_handler(); the
 * health monitor's line is handled in hm.c.
 */
#include <stdbool.h>

#include <port.h>
#include <pv/pv.h>
#include <rtems.h>
#include <tessera/irq.h>

#include "pvport.h"

/* Lines given to rtems_interrupt_catch(). */
static uint32_t attached_lines;
/* Wall-timer expirations already turned into ticks. */
static uint32_t ticks_seen;
static bool tick_running;
/* Wall time of the next expiration to turn into a tick, and the period:
 * the kernel's periodic timer expires at exact multiples of it. */
static uint64_t next_tick_ns;
static uint64_t tick_period_ns;
/* Lines the partition raised in itself (tessera_interrupt_raise) that have
 * not run yet. Changed only while upcalls are disabled (irq_level != 0: in
 * a raise, in an upcall, in soft_interrupt()), so no upcall sees half an
 * update; read with upcalls enabled only by port_interrupt_restore(), where
 * an upcall that runs them meanwhile leaves it 0. Invariant: with upcalls
 * enabled, no raised line the mask lets through is pending here (so the
 * directives, which end at the level they began at, need not look). */
static volatile uint32_t soft_pending;

/* The control page's level has the executive's meaning (0 = enabled), so
 * the executive's levels go there as they are. */
void pvport_irq_reset(void)
{
    attached_lines = 0;
    ticks_seen = 0;
    tick_running = false;
    next_tick_ns = 0;
    tick_period_ns = 0;
    soft_pending = 0;
}

port_isr_level port_interrupt_disable(void)
{
    return pv_irq_disable();
}

/* The ISRs of the raised lines the mask lets through, lowest line first,
 * until none is left (an ISR may raise another): interrupt context, the
 * nesting level already counted, upcalls disabled. */
static void soft_run(void)
{
    uint32_t lines;

    while ((lines = soft_pending & ~pv_shared()->irq_mask) != 0) {
        uint32_t v = 0;

        while (!(lines & (1u << v))) {
            v++;
        }
        soft_pending &= ~(1u << v);
        exec_vector_isr(v);
    }
}

/* Enabling found something deliverable: the raised lines first, each run
 * as an interrupt taken here (upcalls disabled while it runs, a dispatch
 * after it if one is due), then the kernel's lines by hypercall as
 * pv_irq_restore() does. An upcall between the steps runs the raised lines
 * itself (upcall_work), so each runs once. */
static void __attribute__((noinline)) restore_deliver(void)
{
    volatile struct pv_shared *s = pv_shared();

    while (soft_pending & ~s->irq_mask) {
        s->irq_level = 1;
        pv_barrier();
        exec_isr_enter();
        soft_run();
        if (exec_isr_leave()) {
            exec_isr_dispatch();
        }
        pv_barrier();
        s->irq_level = 0;
        pv_barrier();
    }
    if (s->irq_pending & ~s->irq_mask) {
        pv_hcall0(PV_HC_IRQ_SYNC);
    }
}

void port_interrupt_restore(port_isr_level level)
{
    pv_irq_restore(level);
}

/* pv_irq_restore() plus the raised lines, in one check (port.h: only where
 * the application changes the level; the directives' unlock does not pay
 * for it). */
void port_interrupt_enable(port_isr_level level)
{
    volatile struct pv_shared *s = pv_shared();

    pv_barrier();
    s->irq_level = level;
    pv_barrier();
    if (level == 0 && ((s->irq_pending | soft_pending) & ~s->irq_mask)) {
        restore_deliver();
    }
}

rtems_status_code tessera_interrupt_raise(rtems_vector_number vector)
{
    port_isr_level level;

    if (vector >= PV_IRQ_LINES || !(attached_lines & (1u << vector))) {
        return RTEMS_INVALID_NUMBER;
    }
    level = pv_irq_disable();
    soft_pending |= 1u << vector;
    /* Enabled: runs it now, as the line's interrupt would; disabled: the
     * enable or the end of the interrupt will. */
    port_interrupt_enable(level);
    return RTEMS_SUCCESSFUL;
}

port_isr_level port_interrupt_level(void)
{
    return pv_shared()->irq_level;
}

void port_tick_start(uint32_t period_us)
{
    uint64_t period = (uint64_t)period_us * 1000u;

    ticks_seen = pv_shared()->timer_expirations[PV_CLOCK_WALL];
    tick_running = true;
    tick_period_ns = period;
    next_tick_ns = pv_clock_ns() + period;
    if (pv_timer_set(PV_CLOCK_WALL, next_tick_ns, period) != PV_OK) {
        pvport_panic("the kernel refused the tick timer");
    }
    pv_irq_unmask_line(PV_IRQ_TIMER);
}

bool port_vector_attach(uint32_t vector)
{
    /* The timer line belongs to the tick once it runs. */
    if (vector >= PV_IRQ_LINES || (vector == PV_IRQ_TIMER && tick_running)) {
        return false;
    }
    attached_lines |= 1u << vector;
    pv_irq_unmask_line(vector);
    return true;
}

/* Wall time at which the partition's current window began (the kernel
 * updates it only between windows; the sequence count guards the read). */
static uint64_t window_start_ns(void)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t seq;
    uint64_t ns;

    do {
        seq = s->seq;
        pv_barrier();
        ns = s->running_since_ns;
        pv_barrier();
    } while (seq != s->seq || (seq & 1));
    return ns;
}

/* One tick per expiration, including periods that passed while the
 * partition was outside its windows: the clock catches up. Those periods
 * are not the executing thread's, so they do not count for its timeslice
 * (exec_missed_tick_isr). */
static void ticks_catch_up(void)
{
    uint32_t now = pv_shared()->timer_expirations[PV_CLOCK_WALL];
    uint64_t window_start = window_start_ns();

    while (ticks_seen != now) {
        ticks_seen++;
        if (next_tick_ns < window_start) {
            exec_missed_tick_isr();
        } else {
            exec_tick_isr();
        }
        next_tick_ns += tick_period_ns;
    }
}

/* The upcall's interrupt work: the executive's ISRs of the lines it
 * delivers. Returns whether the health monitor left the interrupted task
 * stuck (pvport_hm_upcall). */
static inline bool upcall_work(const struct pv_upcall_frame *frame)
{
    uint32_t lines = frame->lines;
    bool leave = false;

    /* First: an exception must not let the faulting task go on. Whether
     * the upcall interrupted an ISR is asked only then (before this
     * interrupt counts as one), not on every upcall. */
    if (lines & (1u << PV_IRQ_HM)) {
        bool interrupted_isr = rtems_interrupt_is_in_progress();

        exec_isr_enter();
        leave = pvport_hm_upcall(interrupted_isr);
    } else {
        exec_isr_enter();
    }
    if ((lines & (1u << PV_IRQ_TIMER)) && tick_running) {
        ticks_catch_up();
        lines &= ~(1u << PV_IRQ_TIMER);
    }
    lines &= attached_lines;
    for (uint32_t v = 0; lines; v++, lines >>= 1) {
        if (lines & 1u) {
            exec_vector_isr(v);
        }
    }
    /* Lines raised in the partition before (interrupts disabled) or by the
     * ISRs above: they run in this interrupt, after its ISRs. */
    if (soft_pending) {
        soft_run();
    }
    return leave;
}

/* The end of every upcall: the dispatch the ISRs made necessary. */
static inline void upcall_leave(bool leave)
{
    if (exec_isr_leave()) {
        exec_isr_dispatch();
    } else if (leave) {
        pvport_hm_task_stuck();
    }
}

/* pv_upcall_handler(), unless the application traces the executive
 * (CONFIGURE_TESSERA_TRACE): then trace.c's strong definition, which
 * records the interrupt's entry and exit around the same two steps, wins
 * over this weak alias, and an application that does not trace pays
 * nothing for it. */
void pvport_upcall(struct pv_upcall_frame *frame)
{
    upcall_leave(upcall_work(frame));
}
void pv_upcall_handler(struct pv_upcall_frame *frame) __attribute__((weak, alias("pvport_upcall")));

bool pvport_upcall_work(const struct pv_upcall_frame *frame)
{
    return upcall_work(frame);
}

void pvport_upcall_leave(bool leave)
{
    upcall_leave(leave);
}
