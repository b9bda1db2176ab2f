/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of pointer validation: the edges of every area, rights, zero
 * length and wrap-around at 4 GiB; the search among up to 256 areas and the
 * boot check of the order it relies on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "fake_arch.h"
#include "pv/abi.h"
#include "uaccess.h"

#define R CFG_AREA_READ
#define W CFG_AREA_WRITE
#define X CFG_AREA_EXEC

static const struct cfg_area areas[] = {
    {"code", FAKE_RAM_BASE, 0x40000000, 0x10000, R | X},
    {"data", FAKE_RAM_BASE + 0x10000, 0x40100000, 0x10000, R | W},
    /* Directly after "data": ranges must still not span the two. */
    {"more", FAKE_RAM_BASE + 0x20000, 0x40110000, 0x1000, R | W},
    {"top", FAKE_RAM_BASE + 0x30000, 0xfffff000, 0x1000, R | W},
};
static const struct cfg_partition part = {
    .name = "P", .id = 1, .initial_mode = CFG_MODE_NORMAL, .areas = areas, .num_areas = 4};

static int check(uint32_t va, uint32_t len, uint32_t rights)
{
    uint32_t phys = 0;

    return uaccess_range(&part, va, len, rights, &phys);
}

static void test_inside_and_edges(void **state)
{
    uint32_t phys;

    (void)state;
    assert_int_equal(check(0x40100000, 0x10000, R | W), 0); /* whole area */
    assert_int_equal(check(0x4010ffff, 1, W), 0);           /* last byte */
    assert_int_equal(check(0x4010ffff, 2, W), PV_EFAULT);   /* one past: spans into "more" */
    assert_int_equal(check(0x40100000, 0x10001, R), PV_EFAULT);
    assert_int_equal(check(0x400fffff, 2, R), PV_EFAULT); /* starts before the area */
    assert_int_equal(check(0x40010000, 1, R), PV_EFAULT); /* just after code */
    assert_int_equal(check(0x3fffffff, 1, R), PV_EFAULT);
    assert_int_equal(uaccess_range(&part, 0x40100010, 4, R, &phys), 0);
    assert_int_equal(phys, FAKE_RAM_BASE + 0x10010);
}

static void test_rights(void **state)
{
    (void)state;
    assert_int_equal(check(0x40000000, 4, R), 0);
    assert_int_equal(check(0x40000000, 4, X), 0);
    assert_int_equal(check(0x40000000, 4, W), PV_EFAULT); /* code is read-only */
    assert_int_equal(check(0x40000000, 4, R | W), PV_EFAULT);
    assert_int_equal(check(0x40100000, 4, X), PV_EFAULT);
    assert_int_equal(check(0x40100000, 4, 0), 0);
}

static void test_zero_length(void **state)
{
    (void)state;
    assert_int_equal(check(0, 0, R | W), 0);
    assert_int_equal(check(0xffffffff, 0, R), 0);
    assert_int_equal(check(0x00100000, 0, W), 0);
}

static void test_wrap_around(void **state)
{
    (void)state;
    assert_int_equal(check(0xfffff000, 0x1000, R), 0); /* ends at the last byte of memory */
    assert_int_equal(check(0xffffffff, 1, R), 0);
    assert_int_equal(check(0xffffffff, 2, R), PV_EFAULT); /* wraps to 0 */
    assert_int_equal(check(0xfffffff0, 0x20, R), PV_EFAULT);
    assert_int_equal(check(0x40100000, 0xffffffff, R), PV_EFAULT);
    assert_int_equal(check(0xfffff000, 0xffffffff, R), PV_EFAULT);
    assert_int_equal(check(0x40100000, 0xc0000000, R), PV_EFAULT); /* end wraps to 0 */
}

static void test_kernel_pointer(void **state)
{
    char *p;

    (void)state;
    p = uaccess_ptr(&part, 0x40100020, 8, W);
    assert_ptr_equal(p, (char *)fake_ram + 0x10020);
    assert_null(uaccess_ptr(&part, 0x40100020, 0, W));
    assert_null(uaccess_ptr(&part, 0x40000020, 8, W));
    assert_null(uaccess_ptr(&part, 0x00000020, 8, R));
}

/* The largest partition: 256 areas of one page, every other page left out,
 * so the search must land on exactly the right one of them. */
static struct cfg_area many[CFG_MAX_AREAS];

static void test_many_areas(void **state)
{
    struct cfg_partition big = {.name = "B", .areas = many, .num_areas = CFG_MAX_AREAS};
    uint32_t phys;

    (void)state;
    for (uint32_t i = 0; i < CFG_MAX_AREAS; i++) {
        many[i] = (struct cfg_area){"a", FAKE_RAM_BASE + i * 0x1000, 0x40000000 + i * 0x2000,
                                    0x1000, i % 2 ? R | W : R};
    }
    assert_true(uaccess_areas_valid(&big));
    for (uint32_t n = 1; n <= CFG_MAX_AREAS; n += n < 8 ? 1 : 37) {
        big.num_areas = n;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t va = 0x40000000 + i * 0x2000;

            assert_int_equal(uaccess_range(&big, va, 0x1000, R, &phys), 0);
            assert_int_equal(phys, FAKE_RAM_BASE + i * 0x1000);
            assert_int_equal(uaccess_range(&big, va + 0xfff, 1, R, &phys), 0);
            assert_int_equal(phys, FAKE_RAM_BASE + i * 0x1000 + 0xfff);
            assert_int_equal(uaccess_range(&big, va + 0xfff, 2, R, &phys), PV_EFAULT);
            assert_int_equal(uaccess_range(&big, va + 0x1000, 1, R, &phys), PV_EFAULT);
            assert_int_equal(uaccess_range(&big, va - 1, 1, R, &phys), PV_EFAULT);
            assert_int_equal(uaccess_range(&big, va, 4, W, &phys), i % 2 ? 0 : PV_EFAULT);
        }
        /* Beyond the last area counted: not an area of this partition. */
        assert_int_equal(uaccess_range(&big, 0x40000000 + n * 0x2000, 1, R, &phys), PV_EFAULT);
    }
}

/* Three areas "a", "b", "c" as uaccess_areas_valid() sees them, with b's
 * start, c's size and the count given. */
static int valid3(uint32_t b_virt, uint32_t c_size, uint32_t n)
{
    const struct cfg_area a[3] = {{"a", FAKE_RAM_BASE, 0x40000000, 0x2000, R},
                                  {"b", FAKE_RAM_BASE + 0x2000, b_virt, 0x1000, R},
                                  {"c", FAKE_RAM_BASE + 0x3000, 0xfffff000, c_size, R}};
    const struct cfg_partition q = {.name = "Q", .areas = a, .num_areas = n};

    return uaccess_areas_valid(&q);
}

static void test_areas_valid(void **state)
{
    (void)state;
    assert_true(uaccess_areas_valid(&part));
    assert_true(valid3(0x40002000, 0x1000, 3));  /* adjacent, and one ending at 2^32 */
    assert_false(valid3(0x40001000, 0x1000, 3)); /* b overlaps a */
    assert_false(valid3(0x3ffff000, 0x1000, 3)); /* not sorted */
    assert_false(valid3(0x40002000, 0x2000, 3)); /* c wraps */
    assert_false(valid3(0x40002000, 0, 3));      /* c is empty */
    assert_false(valid3(0x40002000, 0x1000, 0));
    assert_false(valid3(0x40002000, 0x1000, CFG_MAX_AREAS + 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inside_and_edges), cmocka_unit_test(test_rights),
        cmocka_unit_test(test_zero_length),      cmocka_unit_test(test_wrap_around),
        cmocka_unit_test(test_kernel_pointer),   cmocka_unit_test(test_many_areas),
        cmocka_unit_test(test_areas_valid),
    };

    return cmocka_run_group_tests_name("uaccess", tests, NULL, NULL);
}
