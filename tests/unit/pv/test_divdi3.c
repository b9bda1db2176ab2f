/* SPDX-License-Identifier: BSD-2-Clause */
/* SPARC's 64-bit division helpers (pv/arch/sparc/libgcc/divdi3.c), compiled
 * for the host under other names and compared with the host's own 64-bit
 * division: signs, both paths (32-bit operands and the long loop), zero
 * and the extremes. On LEON3 every partition links them, but few programs
 * reach the signed ones, so the system tests alone cannot tell. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

uint64_t t_udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem);
uint64_t t_udivdi3(uint64_t n, uint64_t d);
uint64_t t_umoddi3(uint64_t n, uint64_t d);
int64_t t_divdi3(int64_t n, int64_t d);
int64_t t_moddi3(int64_t n, int64_t d);

static const int64_t values[] = {
    0,
    1,
    -1,
    2,
    -2,
    7,
    -7,
    1000000007,
    -1000000007,
    0x7fffffff,
    -0x7fffffff - 1,
    0x100000000ll,
    -0x100000000ll,
    0x123456789abcdefll,
    -0x123456789abcdefll,
    INT64_MAX,
    INT64_MIN + 1,
};
#define N_VALUES (sizeof(values) / sizeof(values[0]))

static void test_unsigned(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_VALUES; i++) {
        for (size_t j = 0; j < N_VALUES; j++) {
            uint64_t n = (uint64_t)values[i], d = (uint64_t)values[j], r = 0;

            if (d == 0) {
                continue;
            }
            assert_int_equal(t_udivmoddi4(n, d, &r), n / d);
            assert_int_equal(r, n % d);
            assert_int_equal(t_udivdi3(n, d), n / d);
            assert_int_equal(t_umoddi3(n, d), n % d);
        }
    }
}

static void test_signed(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_VALUES; i++) {
        for (size_t j = 0; j < N_VALUES; j++) {
            int64_t n = values[i], d = values[j];

            if (d == 0) {
                continue;
            }
            assert_int_equal(t_divdi3(n, d), n / d);
            assert_int_equal(t_moddi3(n, d), n % d);
        }
    }
}

static void test_divide_by_zero(void **state)
{
    uint64_t r = 0;

    (void)state;
    assert_int_equal(t_udivmoddi4(12345, 0, &r), ~0ull);
    assert_int_equal(r, 12345);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unsigned),
        cmocka_unit_test(test_signed),
        cmocka_unit_test(test_divide_by_zero),
    };

    return cmocka_run_group_tests(tests, 0, 0);
}
