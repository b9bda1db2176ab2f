/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The RISC-V part of the native self-test (../../common/selftest/init.c):
 * double values in F/D registers (lp64d: the thread context keeps f0-f31
 * and fcsr), vectors that are scause's interrupt codes (0, U-mode's
 * software interrupt, and 5, the supervisor timer, refused; 1, the
 * supervisor software interrupt, caught and raised by setting sip.SSIP),
 * and the time CSR to check the tick's period against.
 */
#ifndef NATIVE_RISCV_SELFTEST_ARCH_H
#define NATIVE_RISCV_SELFTEST_ARCH_H

#include <stdint.h>
#include <stdio.h>

typedef double selftest_real;

/* Hard float: 6 instructions a step, twice x86's rounds to span as many
 * ticks. */
#define SELFTEST_ROUNDS 6000000

#define SELFTEST_REFUSED_VECTOR_1 0x0u
#define SELFTEST_REFUSED_VECTOR_2 0x5u
#define SELFTEST_VECTOR           0x1u
#define SELFTEST_RAISE_TEXT       "sip.SSIP"

#define SIP_SSIP 2u
/* virt's time CSR: 10 MHz. */
#define TIME_COUNTS_PER_MS 10000u

static inline void selftest_raise(void)
{
    __asm__ volatile("csrs sip, %0" : : "r"(SIP_SSIP) : "memory");
}

static inline uint64_t selftest_hw_clock(void)
{
    uint64_t t;

    __asm__ volatile("rdtime %0" : "=r"(t));
    return t;
}

/* The 100 ticks of wake_after(100) by the time CSR: 990 to 1000 ms. */
static inline void selftest_hw_clock_report(uint64_t start, uint64_t end)
{
    uint64_t ms = (end - start) / TIME_COUNTS_PER_MS;

    printf("and 1 s by the time CSR: %s\n", ms >= 990 && ms <= 1000 ? "yes" : "no");
}

#endif
