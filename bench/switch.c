/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Partition switch latency, window start jitter and drift, from the inside.
 * Each iteration idles out the rest of the window (pv_idle returns at the
 * next window start) and reads the TSC as the very first thing it does when
 * it runs again. That time minus the kernel-published planned start of the
 * window (window_start_ns) is the latency from the window-end timer
 * interrupt, which preempts the busy partner partition, to this partition's
 * first instruction.
 *
 * The planned starts themselves are checked against the ideal grid
 * first + k * major_frame (every one must be exact: zero drift by
 * construction), and the observed starts are compared between the first and
 * the last DRIFT_SPAN windows: any drift would show there.
 */
#include "tp.h"
#include "lib/pvtime.h"
#include "lib/samples.h"
#include "lib/tsc.h"

#define SAMPLES    10000   /* latency samples: the first windows */
#define FRAMES     1000000 /* windows checked for drift */
#define WARMUP     4
#define DRIFT_SPAN 1000

static uint32_t samples[SAMPLES];

void pv_main(uint32_t id)
{
    volatile struct pv_shared *s = pv_shared();
    uint64_t first = 0, frame = 0, head = 0, tail = 0;
    uint32_t off_grid = 0;

    tp_printf("bench switch partition %lu\n", (unsigned long)id);
    for (uint32_t w = 0; w < FRAMES + WARMUP; w++) {
        uint64_t t, start, late;

        pv_idle();
        t = bench_tsc();
        start = s->window_start_ns;
        if (w < WARMUP) {
            continue;
        }
        if (w == WARMUP) {
            first = start;
            frame = s->major_frame_ns;
        }
        late = bench_tsc_to_ns(t) - start;
        if (w - WARMUP < SAMPLES) {
            samples[w - WARMUP] = (uint32_t)late;
        }
        if (start != first + (uint64_t)(w - WARMUP) * frame) {
            off_grid++;
        }
        if (w - WARMUP < DRIFT_SPAN) {
            head += late;
        } else if (w - WARMUP >= FRAMES - DRIFT_SPAN) {
            tail += late;
        }
    }
    samples_report(tp_printf, "switch_from_busy", samples, SAMPLES);
    samples_fact(tp_printf, "drift", "frames", FRAMES);
    samples_fact(tp_printf, "drift", "major_frame_ns", (uint32_t)frame);
    samples_fact(tp_printf, "drift", "off_grid", off_grid);
    /* Mean lateness of the last span minus the first, in ns (signed). */
    tp_printf("bench drift k mean_head_ns %lu\n", (unsigned long)(head / DRIFT_SPAN));
    tp_printf("bench drift k mean_tail_ns %lu\n", (unsigned long)(tail / DRIFT_SPAN));
    tp_printf("bench drift k last_start_ns %llu\n",
              (unsigned long long)(first + (uint64_t)(FRAMES - 1) * frame));
}
