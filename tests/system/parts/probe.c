/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Schedule probe: busy-loops reading the clock and notices each time it was
 * switched out (a gap in the clock). It measures its own windows from the
 * inside and, after PROBE_WINDOWS windows, prints what it saw and halts.
 */
#include "tp.h"

#define PROBE_WINDOWS 1000
#define GAP_NS        20000 /* longer than any loop iteration, shorter than any foreign window */

void pv_main(uint32_t id)
{
    uint64_t first, start, prev, now;
    uint64_t period_min = ~0ull, period_max = 0, len_min = ~0ull, len_max = 0;
    uint32_t windows = 0;

    tp_printf("probe %u running\n", id);
    /* Wait for the start of a fresh window so every measured one is whole. */
    prev = tp_now();
    for (;;) {
        now = tp_now();
        if (now - prev > GAP_NS) {
            break;
        }
        prev = now;
    }
    first = start = now;
    while (windows < PROBE_WINDOWS) {
        prev = now;
        now = tp_now();
        if (now - prev <= GAP_NS) {
            continue;
        }
        /* The window that began at start ended at about prev; a new one
         * began at about now. */
        uint64_t len = prev - start, period = now - start;

        if (len < len_min) {
            len_min = len;
        }
        if (len > len_max) {
            len_max = len;
        }
        if (period < period_min) {
            period_min = period;
        }
        if (period > period_max) {
            period_max = period;
        }
        start = now;
        windows++;
    }
    tp_printf("probe %u windows=%u first=%llu last=%llu period=%llu..%llu len=%llu..%llu\n", id,
              windows, (unsigned long long)first, (unsigned long long)start,
              (unsigned long long)period_min, (unsigned long long)period_max,
              (unsigned long long)len_min, (unsigned long long)len_max);
}
