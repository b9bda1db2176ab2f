/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of the kernel's string formatting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "kformat.h"

static void test_formats(void **state)
{
    char b[64];

    (void)state;
    ksnprintf(b, sizeof(b), "%d %u %x %s %c %%", -42, 42u, 0xbeefu, "str", 'c');
    assert_string_equal(b, "-42 42 beef str c %");
    ksnprintf(b, sizeof(b), "%lld %llu %llx", -9000000000ll, 18446744073709551615ull, 0x1ull << 40);
    assert_string_equal(b, "-9000000000 18446744073709551615 10000000000");
    ksnprintf(b, sizeof(b), "[%08x] [%5d] [%3s]", 0x1234u, 7, "ab");
    assert_string_equal(b, "[00001234] [    7] [ ab]");
    ksnprintf(b, sizeof(b), "%d", -2147483647 - 1);
    assert_string_equal(b, "-2147483648");
    const char *volatile null_string = NULL;

    ksnprintf(b, sizeof(b), "%s", null_string);
    assert_string_equal(b, "(null)");
}

static void test_truncation(void **state)
{
    char b[8];

    (void)state;
    assert_int_equal(ksnprintf(b, sizeof(b), "%s", "0123456789"), 10);
    assert_string_equal(b, "0123456");
    assert_int_equal(ksnprintf(b, 0, "abc"), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_formats),
        cmocka_unit_test(test_truncation),
    };

    return cmocka_run_group_tests_name("kformat", tests, NULL, NULL);
}
