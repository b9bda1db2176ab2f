/* SPDX-License-Identifier: BSD-2-Clause */
/* Id 1 sends numbered messages as fast as it can for a while; id 2 drains
 * them and checks that the numbers follow one another. */
#include <stddef.h>
#include "tp.h"

#define SEND_FOR_NS 200000000ull /* 200 ms of wall time */

static void flood(void)
{
    int32_t q = pv_port_open("out", 3);
    uint64_t until = pv_clock_ns() + SEND_FOR_NS;
    uint32_t n = 0, refused = 0;

    while (pv_clock_ns() < until) {
        if (pv_port_write(q, &n, sizeof(n)) == 0) {
            n++;
        } else {
            refused++;
        }
    }
    tp_printf("accepted %u (refused %u)\n", n, refused);
}

static void sink(void)
{
    int32_t q = pv_port_open("in", 2);
    uint32_t expect = 0, got, quiet = 0;

    /* Until the queue has stayed empty for a few windows after the flood. */
    while (quiet < 5) {
        if (pv_port_read(q, &got, sizeof(got), NULL) == sizeof(got)) {
            if (got != expect) {
                tp_printf("out of order: got %u, expected %u\n", got, expect);
            }
            expect = got + 1;
            quiet = 0;
            continue;
        }
        if (pv_clock_ns() > SEND_FOR_NS) { /* the flood is over or nearly */
            quiet++;
        }
        pv_idle();
    }
    tp_printf("received %u\n", expect);
}

void pv_main(uint32_t id)
{
    if (id == 1) {
        flood();
    } else {
        sink();
    }
}
