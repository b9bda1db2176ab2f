/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The benchmarks' only timer.
 *
 * x86: the TSC. Under QEMU -icount shift=0 it counts one tick per executed
 * instruction, so a difference of two reads is the number of instructions in
 * between (plus the fixed cost of the read, which every program measures once
 * and subtracts). rdtsc is allowed in ring 3 (CR4.TSD is clear), so
 * partitions and native images time themselves alike.
 *
 * SPARC/LEON3: no counter is readable in user mode (the GPTIMER shares its
 * page with the UART and the interrupt controller and is mapped
 * supervisor-only), and the clock hypercall (PV_HC_TIME_GET) costs hundreds
 * of instructions that grow with the caller's valid register windows (the
 * kernel saves them all on entry), so a difference of two such reads would
 * not cancel between call depths. The kernel serves `ta 0x42` in its trap
 * table alone (kernel/arch/sparc/entry.S, 4 instructions, no kernel entry):
 * it returns the free-running GPTIMER counter, which counts down one tick
 * per 25 ns = 25 instructions under -icount shift=0. Readings are ticks
 * times 25; a difference is exact to one tick, and the mean of samples
 * spread over the tick's phases (bench_dither) is exact to about one
 * instruction. docs/performance.md ("LEON3") has the consequences.
 *
 * RISC-V: rdtime, below.
 */
#ifndef BENCH_TSC_H
#define BENCH_TSC_H

#include <stdint.h>

#if defined(__sparc__)

/* One clock tick in instructions under -icount shift=0. */
#define BENCH_CLOCK_QUANTUM 25u

/* The free-running counter started at 0xffffffff when the kernel set up
 * its clock (kernel/arch/sparc/time.c), so until it wraps (107 s) this is
 * the kernel's wall clock in ns, as PV_HC_TIME_GET would give it. */
static inline uint64_t bench_tsc(void)
{
    register uint32_t c __asm__("o0");

    __asm__ volatile("ta 0x42" : "=r"(c)::"memory");
    return (uint64_t)(0xffffffffu - c) * BENCH_CLOCK_QUANTUM;
}

/* The low word: differences are right modulo 2^32. */
static inline uint32_t bench_tsc32(void)
{
    register uint32_t c __asm__("o0");

    __asm__ volatile("ta 0x42" : "=r"(c)::"memory");
    return (0xffffffffu - c) * BENCH_CLOCK_QUANTUM;
}

/* Delays by 3 * (i % 25 + 1) instructions (subcc; bne; nop per round).
 * Run before sample i, it moves the samples' starts over every phase of the
 * 25-instruction clock tick, so that the mean of many samples of a fixed
 * cost is that cost, not a multiple of 25. */
static inline void bench_dither(uint32_t i)
{
    uint32_t n = i % BENCH_CLOCK_QUANTUM + 1;

    __asm__ volatile("1: subcc %0, 1, %0\n\tbne 1b\n\tnop" : "+r"(n)::"cc");
}

#elif defined(__riscv)

/* RISC-V on QEMU virt: the time CSR, which U-mode reads without a trap
 * (scounteren.TM), is the CLINT's mtime at 10 MHz: one tick per 100 ns =
 * 100 instructions under -icount shift=0. As on SPARC, a difference is
 * exact to one tick and dithered means to about one instruction. */
#define BENCH_CLOCK_QUANTUM 100u

/* mtime counts from 0 at QEMU's reset: the wall clock in ns. */
static inline uint64_t bench_tsc(void)
{
    uint64_t t;

    __asm__ volatile("rdtime %0" : "=r"(t)::"memory");
    return t * BENCH_CLOCK_QUANTUM;
}

/* The low word: differences are right modulo 2^32. */
static inline uint32_t bench_tsc32(void)
{
    return (uint32_t)bench_tsc();
}

/* Delays by 2 * (i % 50 + 1) instructions (addi; bnez per round), over
 * every phase of the 100-instruction tick as SPARC's over its 25. */
static inline void bench_dither(uint32_t i)
{
    uint64_t n = i % (BENCH_CLOCK_QUANTUM / 2) + 1;

    __asm__ volatile("1: addi %0, %0, -1\n\tbnez %0, 1b" : "+r"(n));
}

#else

#define BENCH_CLOCK_QUANTUM 1u

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

/* Every sample is exact: nothing to spread. */
static inline void bench_dither(uint32_t i)
{
    (void)i;
}

#endif

/* The smallest empty timed region: what every sample subtracts. With a
 * coarse clock (SPARC) it is a whole number of ticks, so the sum over 1000
 * regions spread over the tick's phases goes to *sum (bench/run.py corrects
 * the measures' means with it). */
static inline uint32_t bench_timing_overhead(uint32_t *sum)
{
    uint32_t min = ~0u;

    *sum = 0;
    for (uint32_t i = 0; i < 1000; i++) {
        uint32_t t0, d;

        bench_dither(i);
        t0 = bench_tsc32();
        d = bench_tsc32() - t0;
        *sum += d;
        if (d < min) {
            {
                min = d;
            }
        }
    }
    return min;
}

#endif
