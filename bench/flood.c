/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hostile partner of the virtual-interrupt benchmark: in its windows it
 * does nothing but hypercalls (a round of cheap and pointer-checking ones),
 * so a window boundary almost always finds the kernel busy on its behalf
 * with interrupts off. It runs until the measuring partition halts it.
 */
#include "tp.h"

void pv_main(uint32_t id)
{
    struct pv_partition_status st;
    uint64_t t;

    tp_printf("bench flood partition %lu\n", (unsigned long)id);
    for (;;) {
        pv_time_get(&t);
        pv_hcall0(PV_HC_IRQ_SYNC);
        pv_partition_status(PV_PART_SELF, &st);
    }
}
