/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hostile partner of the virtual-interrupt benchmark: in its windows it
 * does nothing but hypercalls (a round of cheap and pointer-checking ones),
 * so a window boundary almost always finds the kernel busy on its behalf
 * with interrupts off. It runs until the measuring partition halts it.
 *
 * A short pause of pseudo-random length after each round moves the point
 * of the round at which each window boundary falls, so that over many
 * frames the boundary lands at every instruction of every hypercall and the
 * maximum latency measured is the worst case, not whatever one point the
 * code layout of a given build happens to put it at.
 */
#include "tp.h"

void pv_main(uint32_t id)
{
    struct pv_partition_status st;
    uint64_t t;
    uint32_t seed = 12345;

    tp_printf("bench flood partition %lu\n", (unsigned long)id);
    for (;;) {
        pv_time_get(&t);
        pv_hcall0(PV_HC_IRQ_SYNC);
        pv_partition_status(PV_PART_SELF, &st);
        /* 0-63 empty iterations, a few instructions each. */
        seed = seed * 1103515245u + 12345u;
        for (uint32_t i = (seed >> 16) & 63; i; i--) {
            __asm__ volatile("");
        }
    }
}
