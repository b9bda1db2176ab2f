/* SPDX-License-Identifier: BSD-2-Clause */
/* Restarts itself (cold, 3 MiB of data to clear) just before its window
 * ends, three times. The reload must not eat into the next window. */
#include "tp.h"

void pv_main(uint32_t id)
{
    volatile struct pv_shared *s = pv_shared();
    uint64_t end;

    tp_printf("restarter %u start, restarts=%u\n", id, s->restarts);
    if (s->restarts >= 3) {
        return;
    }
    pv_idle(); /* to the start of a fresh window */
    end = s->window_end_ns;
    while (pv_clock_ns() < end - 3000) {
        ;
    }
    pv_restart_self();
}
