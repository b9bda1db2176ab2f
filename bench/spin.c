/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The busy partner of the partition-switch benchmark: it runs through its
 * windows without a single trap, so the partner's window always begins by
 * preempting a partition in ring 3. Polling the control page (no clock read)
 * it also notices each of its own window starts: the first poll that sees a
 * new window_start_ns is the switch "from idle time" (its partner idles out
 * the rest of its windows), timed like the partner's measure.
 */
#include "tp.h"
#include "lib/pvtime.h"
#include "lib/samples.h"
#include "lib/tsc.h"

#define SAMPLES 10000
#define WARMUP  8

static uint32_t samples[SAMPLES];

void pv_main(uint32_t id)
{
    volatile struct pv_shared *s = pv_shared();
    uint64_t seen;

    tp_printf("bench spin partition %lu\n", (unsigned long)id);
    seen = s->window_start_ns;
    for (uint32_t w = 0; w < SAMPLES + WARMUP; w++) {
        uint64_t t;

        while (s->window_start_ns == seen) {
            ;
        }
        t = bench_tsc();
        seen = s->window_start_ns;
        if (w >= WARMUP) {
            samples[w - WARMUP] = (uint32_t)(bench_tsc_to_ns(t) - seen);
        }
    }
    samples_report(tp_printf, "switch_from_idle", samples, SAMPLES);
}
