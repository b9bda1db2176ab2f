/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Console output against a UART the host does not drain
 * (tests/system/test_console_backpressure.py): the test holds its end of
 * the serial line unread for a while, so QEMU's UART keeps its transmitter
 * busy; the kernel must wait for it (never write over a byte not yet
 * sent) and, once the ring is full, drop whole lines and count them.
 * Writes numbered lines until the kernel has dropped some and for LINES_AFTER
 * more, then reports the bytes of those lines and how many were dropped,
 * repeating the report until it is taken whole.
 */
#include "tp.h"

#define LINES_MAX   200000u
#define LINES_AFTER 400u
#define TEXT        "the quick brown fox jumps over the lazy dog"

static uint32_t dropped(void)
{
    struct pv_partition_status st;

    if (pv_partition_status(PV_PART_SELF, &st) != PV_OK) {
        return 0;
    }
    return st.console_dropped;
}

void pv_main(uint32_t id)
{
    uint32_t d0 = dropped(), wrote = 0, after = 0, n;

    (void)id;
    for (n = 0; n < LINES_MAX && after < LINES_AFTER; n++) {
        int len = tp_printf("L%06u " TEXT "\n", n);

        if (len > 0) {
            wrote += (uint32_t)len;
        }
        if (after || dropped() != d0) {
            after++;
        }
    }
    uint32_t lost = dropped() - d0;

    if (!lost) {
        tp_printf("no back-pressure: %u lines written, none dropped\n", n);
        return;
    }
    for (uint32_t tries = 0; tries < 100000u; tries++) {
        uint32_t before = dropped();

        tp_printf("report lines %u wrote %u dropped %u\n", n, wrote, lost);
        if (dropped() == before) {
            break;
        }
        for (volatile uint32_t spin = 0; spin < 20000u; spin++) {
        }
    }
}
