/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Records how late each of its windows starts: the clock in its
 * PV_IRQ_WINDOW_START upcall minus the window start in its control page,
 * per window of the plan (so per neighbour whose window comes before).
 * After FRAMES frames it prints, per window index, the number of samples,
 * min, max and a hash of the whole sequence, halts its neighbours (ids
 * 200..299, hostile.c) and itself. Under -icount the figures are exact, so
 * windows after different neighbours can be compared byte for byte. Id 2
 * idles out its windows instead of spinning and counts window indices per
 * CPU (index + 16 * CPU), as the moving victim of
 * tests/system/gen_smp_hostile.py: under -icount with -smp 2, QEMU makes
 * next to no progress while both CPUs run busy partitions).
 */
#include "tp.h"

#define FRAMES  2000
#define WARMUP  32 /* window starts before recording: the neighbours' first loads */
#define MAX_WIN 32

struct record {
    uint32_t n, min, max, hash;
};

static struct record rec[MAX_WIN];
static volatile uint32_t starts, first = MAX_WIN; /* first: a window of ours */
/* The moving victim (id 2) keeps each CPU's windows apart: index + CPU_STRIDE * CPU. */
#define CPU_STRIDE 16u
static uint32_t cpu_stride;

void pv_upcall_handler(struct pv_upcall_frame *frame)
{
    volatile struct pv_shared *s = pv_shared();
    uint64_t now = pv_clock_ns(), start = s->window_start_ns;
    uint32_t w = s->window_index + cpu_stride * s->cpu, lat;

    /* A window that began between the two readings (this handler stopped
     * at its window's end and resumed in the next - on another CPU for the
     * moving victim; without -icount a host stall does it) gives a clock
     * before the start: 4.29e9 as a uint32. Not a sample: the new window's
     * own upcall records that window. */
    if (now < start) {
        return;
    }
    if (!(frame->lines & (1u << PV_IRQ_WINDOW_START)) || w >= MAX_WIN || rec[w].n >= FRAMES) {
        return;
    }
    if (starts++ < WARMUP) {
        return;
    }
    if (first == MAX_WIN) {
        first = w;
    }
    lat = (uint32_t)(now - start);
    if (rec[w].n == 0 || lat < rec[w].min) {
        rec[w].min = lat;
    }
    if (lat > rec[w].max) {
        rec[w].max = lat;
    }
    rec[w].hash = (rec[w].hash ^ lat) * 16777619u;
    rec[w].n++;
}

/* Every window of ours has FRAMES samples (one frame after the first has). */
static int all_recorded(void)
{
    if (first == MAX_WIN) {
        return 0;
    }
    for (uint32_t w = 0; w < MAX_WIN; w++) {
        if (*(volatile uint32_t *)&rec[w].n && *(volatile uint32_t *)&rec[w].n < FRAMES) {
            return 0;
        }
    }
    return rec[first].n == FRAMES;
}

/* Waits for its next window: one report line per window, since a burst
 * would outrun what its windows drain and its ring would drop lines (its
 * own loss, counted) - no neighbour's kernel line prints its ring. */
static void next_window(void)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t start = (uint32_t)s->window_start_ns;

    /* cppcheck-suppress knownConditionTrueFalse ; volatile: the kernel moves it */
    while ((uint32_t)s->window_start_ns == start) {
        ;
    }
}

void pv_main(uint32_t id)
{
    tp_printf("victim %u\n", id);
    if (id == 2) {
        cpu_stride = CPU_STRIDE;
    }
    pv_upcall_set(pv_upcall_entry);
    pv_irq_unmask_line(PV_IRQ_WINDOW_START);
    pv_irq_enable();
    while (!all_recorded()) {
        if (id == 2) {
            pv_idle();
        }
    }
    pv_irq_disable();
    for (uint32_t w = 0; w < MAX_WIN; w++) {
        if (rec[w].n) {
            tp_printf("window %u: n=%u min=%u max=%u hash=%08x\n", w, rec[w].n, rec[w].min,
                      rec[w].max, rec[w].hash);
            next_window();
        }
    }
    for (uint32_t h = 200; h < 300; h++) {
        pv_partition_control(h, PV_PART_HALT);
    }
    pv_halt_self();
}
