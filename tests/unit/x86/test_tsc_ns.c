/* SPDX-License-Identifier: BSD-2-Clause */
/* The x86 clock's conversions (kernel/arch/x86/include/tsc_ns.h) on the
 * host, against exact 128-bit arithmetic: tsc_ns() is floor(t * 1000 /
 * mhz) and ns_tsc_up() ceil(ns * mhz / 1000), on both sides of the switch
 * to the long form (t / mhz reaching 2^32, 71 minutes of uptime, which no
 * system test reaches), at its edge, and up to the ends of their ranges,
 * for the TSC rates QEMU and real machines give (1000 MHz under -icount);
 * and the longest delay one local APIC count reaches. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
static uint32_t tsc_mhz; /* the rate the conversions use */
#include "tsc_ns.h"

static const uint32_t rates[] = {1000, 1001, 1193, 2400, 2999, 3600, 3999, 4095};
#define N_RATES (sizeof(rates) / sizeof(rates[0]))

static uint64_t floor_ns(uint64_t t, uint32_t mhz)
{
    return (uint64_t)((unsigned __int128)t * 1000 / mhz);
}

static uint64_t ceil_ticks(uint64_t ns, uint32_t mhz)
{
    return (uint64_t)(((unsigned __int128)ns * mhz + 999) / 1000);
}

/* A small seeded generator: the same values on every run. */
static uint64_t next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* The tick counts around where the long form takes over: (t >> 32) == mhz. */
static void test_long_form_edge(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_RATES; i++) {
        uint64_t edge = (uint64_t)rates[i] << 32;

        tsc_mhz = rates[i];
        for (int64_t d = -3000; d <= 3000; d++) {
            uint64_t t = edge + (uint64_t)d;

            assert_int_equal(tsc_ns(t), floor_ns(t, rates[i]));
        }
    }
}

/* Short and long forms over the whole range: t from 0 to 2^64 - 1. */
static void test_tsc_ns_range(void **state)
{
    uint64_t s = 0x9e3779b97f4a7c15ull;

    (void)state;
    for (size_t i = 0; i < N_RATES; i++) {
        const uint64_t fixed[] = {0,
                                  1,
                                  999,
                                  1000,
                                  rates[i] - 1u,
                                  rates[i],
                                  0xffffffffull,
                                  0x100000000ull,
                                  1ull << 63,
                                  (1ull << 63) | 0xffffffffull,
                                  UINT64_MAX - 1,
                                  UINT64_MAX};

        tsc_mhz = rates[i];
        for (size_t k = 0; k < sizeof(fixed) / sizeof(fixed[0]); k++) {
            assert_int_equal(tsc_ns(fixed[k]), floor_ns(fixed[k], rates[i]));
        }
        for (int n = 0; n < 200000; n++) {
            /* Every magnitude: a random value shifted down by 0..63 bits. */
            uint64_t t = next(&s) >> (next(&s) % 64);

            assert_int_equal(tsc_ns(t), floor_ns(t, rates[i]));
        }
    }
}

/* ns_tsc_up() is the first tick count whose tsc_ns() is at or past ns, up
 * to the largest ns the kernel converts ((2^64 - 1000) / mhz). */
static void test_ns_tsc_up(void **state)
{
    uint64_t s = 0x2545f4914f6cdd1dull;

    (void)state;
    for (size_t i = 0; i < N_RATES; i++) {
        uint32_t mhz = rates[i];
        uint64_t max = (UINT64_MAX - 999) / mhz;

        tsc_mhz = mhz;
        for (int n = 0; n < 200000; n++) {
            uint64_t ns =
                n < 4 ? (uint64_t[]){0, 1, max - 1, max}[n] : (next(&s) >> (next(&s) % 64));
            uint64_t up;

            if (ns > max) {
                ns = max;
            }
            up = ns_tsc_up(ns);
            assert_int_equal(up, ceil_ticks(ns, mhz));
            assert_true(tsc_ns(up) >= ns);
            if (up > 0) {
                assert_true(tsc_ns(up - 1) < ns);
            }
        }
    }
}

/* lapic_span_ns() is the longest delay whose count of local APIC ticks
 * fits the 32-bit counter, one nanosecond more being too long, for timer
 * rates from the slowest bus clocks up (1000: where 2^32 * 1000 divides
 * exactly). */
static void test_lapic_span(void **state)
{
    static const uint32_t lapic_rates[] = {1, 7, 25, 100, 133, 200, 1000, 1001, 2400, 4095};

    (void)state;
    for (size_t i = 0; i < sizeof(lapic_rates) / sizeof(lapic_rates[0]); i++) {
        uint32_t mhz = lapic_rates[i];
        uint64_t d = lapic_span_ns(mhz);

        assert_true((unsigned __int128)d * mhz / 1000 <= 0xffffffffu);
        assert_true((unsigned __int128)(d + 1) * mhz / 1000 > 0xffffffffu);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_long_form_edge),
        cmocka_unit_test(test_tsc_ns_range),
        cmocka_unit_test(test_ns_tsc_up),
        cmocka_unit_test(test_lapic_span),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
