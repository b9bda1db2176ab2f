/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The x86 clock's conversions between TSC ticks counted from boot and
 * nanoseconds, for a TSC of tsc_mhz MHz (a whole number, measured at boot),
 * which the file that includes this one defines (time.c; a static there,
 * as before the conversions moved here: the code is the same). Here, apart
 * from the boot-time state, so that the host checks them against exact
 * arithmetic (tests/unit/x86/test_tsc_ns.c) over ranges no test run
 * reaches: the long form starts after 71 minutes.
 *
 * They avoid libgcc's generic 64-bit division (__udivdi3/__umoddi3, about
 * 60-80 instructions each): a 64-by-32-bit division whose quotient fits in
 * 32 bits is one `divl`. The results are exactly those of the plain C
 * expressions quoted in the comments.
 */
#ifndef TESSERA_X86_TSC_NS_H
#define TESSERA_X86_TSC_NS_H

#include <stdint.h>

/* (hi:lo) / d when hi < d, so that the quotient fits in 32 bits: one divl.
 * The remainder goes to *rem. */
static inline uint32_t divl(uint32_t hi, uint32_t lo, uint32_t d, uint32_t *rem)
{
    uint32_t q, r;

    __asm__("divl %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "rm"(d) : "cc");
    *rem = r;
    return q;
}

/* tsc_ns() once t / tsc_mhz no longer fits in 32 bits (after 2^32 us of
 * uptime, 71 minutes). */
__attribute__((noinline)) static uint64_t tsc_ns_long(uint64_t t)
{
    uint32_t hi = (uint32_t)(t >> 32), qhi, q, r;

    qhi = hi / tsc_mhz;
    q = divl(hi % tsc_mhz, (uint32_t)t, tsc_mhz, &r);
    /* qhi * 1000 < 2^32 for tsc_mhz >= 1000: it is the high word of a 64-bit
     * ns count. */
    return ((uint64_t)(qhi * 1000u) << 32) + (uint64_t)q * 1000 + r * 1000u / tsc_mhz;
}

/* floor(t * 1000 / tsc_mhz), computed without overflow for centuries as
 * t / tsc_mhz * 1000 + t % tsc_mhz * 1000 / tsc_mhz. */
static inline uint64_t tsc_ns(uint64_t t)
{
    uint32_t q, r;

    if (__builtin_expect((uint32_t)(t >> 32) >= tsc_mhz, 0)) {
        return tsc_ns_long(t);
    }
    q = divl((uint32_t)(t >> 32), (uint32_t)t, tsc_mhz, &r);
    /* r < tsc_mhz, so r * 1000 fits in 32 bits for any TSC below 4 THz. */
    return (uint64_t)q * 1000 + r * 1000u / tsc_mhz;
}

/* The first tick count whose time is at or past ns: ceil(ns * tsc_mhz / 1000),
 * as tsc_ns() is floor(t * 1000 / tsc_mhz). ns at most (2^64 - 1000) / tsc_mhz,
 * so that the product fits in 64 bits (2^52, 142 years, is below it for
 * any TSC under 4 GHz). */
static inline uint64_t ns_tsc_up(uint64_t ns)
{
    uint64_t x = ns * tsc_mhz + 999;
    uint32_t hi = (uint32_t)(x >> 32), r;
    uint32_t lo = divl(hi % 1000, (uint32_t)x, 1000, &r);

    return ((uint64_t)(hi / 1000) << 32) | lo;
}

/* The longest delay one count of a local APIC timer at lapic_mhz reaches:
 * the largest d with floor(d * lapic_mhz / 1000) <= 0xffffffff. A later
 * deadline wakes up at the count's end and re-arms (time.c). Only where
 * the timer's rate differs from the TSC's: QEMU runs both at 1 GHz, so
 * the host test is the only one that takes it. */
static inline uint64_t lapic_span_ns(uint32_t lapic_mhz)
{
    return (((uint64_t)1 << 32) * 1000 - 1) / lapic_mhz;
}

#endif
