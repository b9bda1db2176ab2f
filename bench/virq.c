/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Virtual interrupt latency, from the inside. The partition arms one-shot
 * wall-clock timers at deadlines spread over its window and spins; the
 * upcall handler reads the TSC as its first action, and the latency is that
 * time minus the programmed deadline. The window-start line is unmasked
 * too: its upcall, at the first instruction of each window, times the
 * partition switch plus the upcall delivery against the planned start.
 *
 * The partition is a system partition only to halt its partner (the
 * flooder of bench/systems/virq-flood.xml) when it is done.
 */
#include "tp.h"
#include "lib/pvtime.h"
#include "lib/samples.h"
#include "lib/tsc.h"

#define SAMPLES    10000
#define WARMUP     4
#define PARTNER_ID 2
#define MARGIN_NS  6000 /* no deadline closer than this to the window end */

static uint32_t timer_samples[SAMPLES], start_samples[SAMPLES];
static volatile uint32_t timer_count, start_count, windows;
static volatile uint64_t deadline;

void pv_upcall_handler(struct pv_upcall_frame *frame)
{
    uint64_t t = bench_tsc(); /* first: everything else is after the fact */
    volatile struct pv_shared *s = pv_shared();
    uint64_t now = bench_tsc_to_ns(t);

    if ((frame->lines & (1u << PV_IRQ_WINDOW_START)) && windows++ >= WARMUP &&
        start_count < SAMPLES) {
        start_samples[start_count++] = (uint32_t)(now - s->window_start_ns);
    }
    if ((frame->lines & (1u << PV_IRQ_TIMER)) && timer_count < SAMPLES) {
        timer_samples[timer_count++] = (uint32_t)(now - deadline);
        deadline = 0;
    }
}

/* Spins (busy, no trap) until the kernel has started another window. */
static void wait_next_window(uint64_t seen)
{
    while (pv_shared()->window_start_ns == seen) {
        ;
    }
}

void pv_main(uint32_t id)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t k = 0;

    tp_printf("bench virq partition %lu\n", (unsigned long)id);
    pv_upcall_set(pv_upcall_entry);
    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_irq_unmask_line(PV_IRQ_WINDOW_START);
    pv_irq_enable();
    while (timer_count < SAMPLES || start_count < SAMPLES) {
        uint64_t now = pv_clock_ns();
        /* Spread the deadlines (2-5 us ahead) over the spin loop's
         * instructions, so the distribution is not one point. */
        uint64_t dl = now + 2000 + (k++ * 7919u) % 3000u;

        /* The partition runs until its window's end less the guard band
         * (a deadline in the band is served in the next window). */
        if (timer_count >= SAMPLES || dl + MARGIN_NS > s->window_end_ns - s->window_guard_ns) {
            wait_next_window(s->window_start_ns);
            continue;
        }
        deadline = dl;
        pv_timer_set(PV_CLOCK_WALL, dl, 0);
        while (deadline) {
            ;
        }
    }
    pv_irq_disable();
    samples_report(tp_printf, "virq_timer", timer_samples, SAMPLES);
    samples_report(tp_printf, "virq_window_start", start_samples, SAMPLES);
    pv_partition_control(PARTNER_ID, PV_PART_HALT);
}
