/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Shared areas: id 1 writes a counter into the area shared with id 2, which
 * may only read it. Id 2 prints what it sees, then tries to write (the
 * kernel must stop it).
 */
#include "tp.h"

#define SHARED ((volatile uint32_t *)0x40200000)

static void writer(void)
{
    for (uint32_t n = 1; n <= 5; n++) {
        SHARED[0] = n * 100;
        pv_idle();
    }
    tp_printf("writer done\n");
}

static void reader(void)
{
    uint32_t last = 0;

    for (int windows = 0; windows < 8; windows++) {
        uint32_t v = SHARED[0];

        if (v != last) {
            tp_printf("reader sees %u\n", v);
            last = v;
        }
        pv_idle();
    }
    tp_printf("reader writes to the read-only share\n");
    SHARED[0] = 1;
    tp_printf("reader SURVIVED\n");
}

void pv_main(uint32_t id)
{
    if (id == 1) {
        writer();
    } else {
        reader();
    }
}
