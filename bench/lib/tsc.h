/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The benchmarks' only timer: the TSC. Under QEMU -icount shift=0 it counts
 * one tick per executed instruction, so a difference of two reads is the
 * number of instructions in between (plus the fixed cost of the read, which
 * every program measures once and subtracts). rdtsc is allowed in ring 3
 * (CR4.TSD is clear), so partitions and native images time themselves alike.
 */
#ifndef BENCH_TSC_H
#define BENCH_TSC_H

#include <stdint.h>

static inline uint64_t bench_tsc(void)
{
    uint32_t lo, hi;

    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi)::"memory");
    return ((uint64_t)hi << 32) | lo;
}

/* The low word: enough for differences below 4 s, and cheaper. */
static inline uint32_t bench_tsc32(void)
{
    uint32_t lo;

    __asm__ volatile("rdtsc" : "=a"(lo)::"edx", "memory");
    return lo;
}

#endif
