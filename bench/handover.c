/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The handover of a moving partition (x86, issue 20; bench/systems/
 * handover.xml and handover-fixed.xml, -smp 2). M (id 1) has a window on
 * CPU 0 and, G later, one on CPU 1, and G after that its next frame's on
 * CPU 0: its context is handed over twice a frame. It idles out its
 * windows (pv_idle) and times each window start in its
 * PV_IRQ_WINDOW_START upcall, whose first act is the clock read:
 *   "handover":   from the end of its window on CPU 0 to its first
 *                 instruction on CPU 1, the windows G apart;
 *   "start_cpu1", "start_cpu0": its window start on each CPU (the clock
 *                 minus window_start_ns).
 * In handover-fixed.xml the CPU 1 window belongs to F (id 2), a partition
 * of this image that does not move: its "start_cpu1" is what the same
 * window start costs without a handover. S0 (id 3) spins on CPU 0 between
 * M's windows there. Only one CPU runs a busy partition at a time: under
 * -icount QEMU 7.2 makes next to no progress while both do
 * (docs/performance.md). The partition with the CPU 1 window reports once
 * it has SAMPLES of them and halts the others and itself.
 */
#include "tp.h"
#include "lib/samples.h"

#define SAMPLES 2000
#define WARMUP  16 /* window starts before recording: first loads, first handovers */
#define PEERS   3

static uint32_t handover[SAMPLES], start0[SAMPLES], start1[SAMPLES];
static volatile uint32_t n_handover, n0, n1, starts;
static uint64_t last_end; /* the end of its last window, 0 before one */
static uint32_t last_cpu;

void pv_upcall_handler(struct pv_upcall_frame *frame)
{
    volatile struct pv_shared *s = pv_shared();
    uint64_t now = pv_clock_ns();
    uint32_t cpu = s->cpu, late = (uint32_t)(now - s->window_start_ns);

    if (!(frame->lines & (1u << PV_IRQ_WINDOW_START))) {
        return;
    }
    if (starts++ >= WARMUP) {
        if (cpu == 1 && n1 < SAMPLES) {
            start1[n1++] = late;
        } else if (cpu == 0 && n0 < SAMPLES) {
            start0[n0++] = late;
        }
        if (last_end && cpu == 1 && last_cpu == 0 && n_handover < SAMPLES) {
            handover[n_handover++] = (uint32_t)(now - last_end);
        }
    }
    last_end = s->window_end_ns;
    last_cpu = cpu;
}

void pv_main(uint32_t id)
{
    if (id > 2) {
        for (;;) {
        }
    }
    pv_upcall_set(pv_upcall_entry);
    pv_irq_unmask_line(PV_IRQ_WINDOW_START);
    pv_irq_enable();
    while (n1 < SAMPLES) {
        pv_idle();
    }
    pv_irq_disable();
    tp_printf("bench handover partition %u: %u handovers\n", id, n_handover);
    if (n_handover) {
        samples_report(tp_printf, "handover", handover, n_handover);
        samples_report(tp_printf, "start_cpu0", start0, n0);
    }
    samples_report(tp_printf, "start_cpu1", start1, n1);
    for (uint32_t p = 1; p <= PEERS; p++) {
        if (p != id) {
            pv_partition_control(p, PV_PART_HALT);
        }
    }
    pv_halt_self();
}
