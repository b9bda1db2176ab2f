/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The x86 part of the native self-test (../../common/selftest/init.c): x87
 * values (long double, 80 bits in the FP registers), the vectors of the
 * port (CPU exceptions and the 8259's lines refused, software vectors from
 * 0x30 caught), int $n to raise one; no clock but the tick's to check it
 * against.
 */
#ifndef NATIVE_X86_SELFTEST_ARCH_H
#define NATIVE_X86_SELFTEST_ARCH_H

#include <stdint.h>

typedef long double selftest_real;

#define SELFTEST_ROUNDS 3000000

/* A CPU exception and the tick's 8259 line: not the application's. */
#define SELFTEST_REFUSED_VECTOR_1 0x10u
#define SELFTEST_REFUSED_VECTOR_2 0x22u
#define SELFTEST_VECTOR           0x30u
#define SELFTEST_RAISE_TEXT       "int $0x30"

static inline void selftest_raise(void)
{
    __asm__ volatile("int $0x30");
}

static inline uint64_t selftest_hw_clock(void)
{
    return 0;
}

static inline void selftest_hw_clock_report(uint64_t start, uint64_t end)
{
    (void)start;
    (void)end;
}

#endif
