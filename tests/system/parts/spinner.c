/* SPDX-License-Identifier: BSD-2-Clause */
/* Never gives up the CPU: spins on the time-stamp counter (no hypercall)
 * for about SPIN_TSC_TICKS, then halts. The kernel must take the CPU away at
 * each of its window ends regardless. */
#include "tp.h"

#define SPIN_TSC_TICKS 500000000ull

static uint64_t tsc(void)
{
    uint32_t lo, hi;

    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

void pv_main(uint32_t id)
{
    uint64_t t0 = tsc();

    tp_printf("spinner %u spinning\n", id);
    while (tsc() - t0 < SPIN_TSC_TICKS)
        ;
    tp_printf("spinner %u done\n", id);
}
