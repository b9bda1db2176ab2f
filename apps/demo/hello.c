/* SPDX-License-Identifier: BSD-2-Clause */
/* A bare partition for the kernel demo: at the start of each of its windows
 * it says which window it is and when it began, so the schedule can be seen
 * on the console. It stops after DEMO_WINDOWS windows. */
#include "tp.h"

#define DEMO_WINDOWS 6
#define GAP_NS       1000000

void pv_main(uint32_t id)
{
    uint64_t boot = tp_now(), prev;
    uint32_t window = 1;

    tp_printf("partition %u: window %u begins at %llu us\n", id, window,
              (unsigned long long)boot / 1000);
    /* Printing takes time of its own: measure gaps only after it. */
    prev = tp_now();
    while (window < DEMO_WINDOWS) {
        uint64_t now = tp_now();

        if (now - prev > GAP_NS) {
            window++;
            tp_printf("partition %u: window %u begins at %llu us (%llu us after my first)\n", id,
                      window, (unsigned long long)now / 1000,
                      (unsigned long long)(now - boot) / 1000);
            now = tp_now();
        }
        prev = now;
    }
    tp_printf("partition %u: done, halting\n", id);
}
