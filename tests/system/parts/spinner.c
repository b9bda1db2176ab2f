/* SPDX-License-Identifier: BSD-2-Clause */
/* Never gives up the CPU: spins on the time-stamp counter (no hypercall)
 * for about SPIN_TSC_TICKS, then halts. The kernel must take the CPU away at
 * each of its window ends regardless. */
#include "tp.h"

#define SPIN_TSC_TICKS 500000000ull

#if defined(__sparc__)
/* LEON3 has no user-readable counter (and reading the clock would be a
 * hypercall): count loop iterations instead, about as long. */
#define SPIN_LOOPS 40000000u

static void spin(void)
{
    for (volatile uint32_t i = 0; i < SPIN_LOOPS; i++)
        ;
}
#elif defined(__riscv)
/* mtime through the time CSR (10 MHz on QEMU virt): as long as x86's spin. */
static void spin(void)
{
    uint64_t t0, t;

    __asm__ volatile("rdtime %0" : "=r"(t0));
    do
        __asm__ volatile("rdtime %0" : "=r"(t));
    while (t - t0 < SPIN_TSC_TICKS / 100);
}
#else
static uint64_t tsc(void)
{
    uint32_t lo, hi;

    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

static void spin(void)
{
    uint64_t t0 = tsc();

    while (tsc() - t0 < SPIN_TSC_TICKS) {
        ;
    }
}
#endif

void pv_main(uint32_t id)
{
    tp_printf("spinner %u spinning\n", id);
    spin();
    tp_printf("spinner %u done\n", id);
}
