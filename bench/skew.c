/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Frame-start skew between two CPUs (x86, issue 20; bench/systems/skew.xml).
 * Partition A (id 1) on CPU 0 and partition B (id 2) on CPU 1 each have a
 * window at offset 0 of the same major frame, so both windows start at the
 * frame start. Each idles out its window (pv_idle returns at its next
 * window start) and reads the TSC first thing when it runs again: that
 * minus the planned start (window_start_ns, the same instant on both CPUs:
 * one frame grid) is how late its CPU started the frame, kernel entry and
 * exit included - the same code on both CPUs. B sends (frame start, its
 * lateness) over a queuing channel (ports across CPUs); A pairs each with
 * its own lateness for the same frame and reports |A - B|, the time between
 * the two CPUs' starts of one frame, as the samples "skew"; also each
 * side's own lateness ("late_cpu0", "late_cpu1").
 */
#include "tp.h"
#include "lib/pvtime.h"
#include "lib/samples.h"
#include "lib/tsc.h"

#define FRAMES 2000 /* frames measured */
#define WARMUP 4
#define RING   64 /* A's last latenesses, by frame */

struct report {
    uint64_t frame_start;
    uint32_t late;
    uint32_t pad;
};

static uint32_t skew[FRAMES], late0[FRAMES], late1[FRAMES];

/* Idles to the next window start; its lateness and frame start. */
static uint32_t next_window(uint64_t *frame_start)
{
    volatile struct pv_shared *s = pv_shared();
    uint64_t t, start;

    pv_idle();
    t = bench_tsc();
    start = s->window_start_ns;
    *frame_start = s->frame_start_ns;
    return (uint32_t)(bench_tsc_to_ns(t) - start);
}

static void cpu1_side(void)
{
    int32_t q = pv_port_open("late_out", 8);
    uint32_t refused = 0;

    for (uint32_t w = 0; w < FRAMES + WARMUP + 8; w++) {
        struct report r = {0, 0, 0};

        r.late = next_window(&r.frame_start);
        if (w >= WARMUP && pv_port_write(q, &r, sizeof(r)) != PV_OK) {
            refused++;
        }
    }
    tp_printf("bench skew cpu1 refused %u\n", refused);
}

static void cpu0_side(void)
{
    int32_t q = pv_port_open("late_in", 7);
    uint64_t starts[RING] = {0};
    uint32_t lates[RING], n = 0, n1 = 0, unmatched = 0;
    struct report r;

    for (uint32_t w = 0; n < FRAMES && w < 4 * FRAMES; w++) {
        uint64_t start;
        uint32_t late = next_window(&start), slot = (uint32_t)(w % RING);

        starts[slot] = start;
        lates[slot] = late;
        if (w >= WARMUP && w - WARMUP < FRAMES) {
            late0[w - WARMUP] = late;
        }
        while (n < FRAMES && pv_port_read(q, &r, sizeof(r), NULL) == (int32_t)sizeof(r)) {
            uint32_t found = RING;

            for (uint32_t i = 0; i < RING; i++) {
                if (starts[i] == r.frame_start) {
                    found = i;
                }
            }
            if (n1 < FRAMES) {
                late1[n1++] = r.late;
            }
            if (found == RING) {
                unmatched++;
                continue;
            }
            skew[n++] = lates[found] > r.late ? lates[found] - r.late : r.late - lates[found];
        }
    }
    samples_fact(tp_printf, "skew", "unmatched", unmatched);
    samples_report(tp_printf, "skew", skew, n);
    samples_report(tp_printf, "late_cpu0", late0, FRAMES);
    samples_report(tp_printf, "late_cpu1", late1, n1);
}

void pv_main(uint32_t id)
{
    tp_printf("bench skew partition %u\n", id);
    if (id == 1) {
        cpu0_side();
    } else {
        cpu1_side();
    }
}
