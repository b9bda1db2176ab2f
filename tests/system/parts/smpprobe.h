/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the multicore probes (x86: cpuprobe.c, moveprobe.c, planprobe.c)
 * share: the CPU they run on as the hardware says it, and the control
 * page's current window as one consistent snapshot.
 */
#ifndef TESSERA_TESTS_SMPPROBE_H
#define TESSERA_TESTS_SMPPROBE_H

#include <stdint.h>

#include "tp.h"

/* CPUID leaf 1's initial local APIC id: the CPU, readable in ring 3. */
static inline uint32_t smpprobe_apic_id(void)
{
    uint32_t a = 1, b, c = 0, d;

    __asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
    return b >> 24;
}

struct smpprobe_window {
    uint64_t start, end, frame; /* ns: the window's start and end, its frame's start */
    uint32_t index, cpu, plan;  /* window index, the CPU the kernel says, plan id */
};

/* The window fields as one consistent snapshot (the seq protocol of
 * pv_shared: an odd or changed seq means the kernel was writing). */
static inline void smpprobe_read_window(struct smpprobe_window *w)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t seq;

    do {
        seq = s->seq;
        __asm__ volatile("" : : : "memory");
        w->start = s->window_start_ns;
        w->end = s->window_end_ns;
        w->frame = s->frame_start_ns;
        w->index = s->window_index;
        w->cpu = s->cpu;
        w->plan = s->plan_id;
        __asm__ volatile("" : : : "memory");
    } while ((seq & 1) || seq != s->seq);
}

#endif
