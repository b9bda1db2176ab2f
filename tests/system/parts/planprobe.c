/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Plan switches on several CPUs (x86, tests/system/test_smp_plans.py).
 * Id 1, a system partition on CPU 0, asks for plan 1, 0, 1 and 0 again at
 * its windows SWITCH_AT[] and halts at its window STOP_AT. Every other id
 * is an observer: at the start of each of its windows it records which
 * plan the kernel says it runs in, that frame's start, its window's offset
 * in the frame and the CPU it runs on (CPUID's initial local APIC id), and
 * once it has RECORDS of them (id 5, whose windows are in plan 0 only,
 * fewer) prints them and halts.
 */
#include "smpprobe.h"

#define RECORDS      48
#define RECORDS_ONLY 16 /* id 5: windows in plan 0 only */
#define STOP_AT      32

static const struct {
    uint32_t window, plan;
} SWITCH_AT[] = {{6, 1}, {14, 0}, {22, 1}, {30, 0}};

struct record {
    uint64_t frame;
    uint64_t offset;
    uint32_t plan, cpu;
};

static struct record records[RECORDS];

/* The current window as one consistent snapshot (the seq protocol). */
static void read_window(struct record *r)
{
    struct smpprobe_window w;

    smpprobe_read_window(&w);
    r->frame = w.frame;
    r->offset = w.start - w.frame;
    r->plan = w.plan;
}

static void switcher(void)
{
    uint32_t next = 0;

    for (uint32_t w = 1; w <= STOP_AT; w++) {
        struct record r;

        pv_idle();
        read_window(&r);
        if (next < sizeof(SWITCH_AT) / sizeof(SWITCH_AT[0]) && SWITCH_AT[next].window == w) {
            tp_printf("planprobe 1: window %u, frame %llu, plan %u: switch to %u -> %d\n", w,
                      (unsigned long long)r.frame, r.plan, SWITCH_AT[next].plan,
                      (int)pv_plan_switch(SWITCH_AT[next].plan));
            next++;
        }
    }
}

static void observer(uint32_t id)
{
    uint32_t n = id == 5 ? RECORDS_ONLY : RECORDS;

    for (uint32_t i = 0; i < n; i++) {
        pv_idle(); /* returns at the start of the next window */
        read_window(&records[i]);
        records[i].cpu = smpprobe_apic_id();
    }
    for (uint32_t i = 0; i < n; i++) {
        tp_printf("planprobe %u: frame %llu plan %u offset %llu cpu %u\n", id,
                  (unsigned long long)records[i].frame, records[i].plan,
                  (unsigned long long)records[i].offset, records[i].cpu);
        /* A few lines a window: the ring drains in this partition's own
         * windows, and a line that finds it full is lost. */
        if (i % 4 == 3) {
            pv_idle();
        }
    }
}

void pv_main(uint32_t id)
{
    if (id == 1) {
        switcher();
    } else {
        observer(id);
    }
}
