/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of the check every arch makes before it maps an area
 * (space_area.h): each edge of both ranges, alignment of each field, the
 * empty area, rights, wrap-around at 4 GiB, and areas of single bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "space_area.h"

#define PAGE 0x1000u
#define R    CFG_AREA_READ
#define W    CFG_AREA_WRITE
#define X    CFG_AREA_EXEC

/* x86's shape: user space from 1 GiB to below the control page, RAM from
 * 1 MiB to 128 MiB. */
static const struct space_bounds bounds = {0x40000000u, 0xefffffffu, 0x100000u, 0x7ffffffu, PAGE};

static bool fits(arch_addr_t virt, arch_addr_t phys, arch_size_t size, uint32_t rights)
{
    const struct cfg_area a = {"a", phys, virt, size, rights};

    return space_area_fits(&a, &bounds);
}

static void test_inside(void **state)
{
    (void)state;
    assert_true(fits(0x40000000u, 0x100000u, PAGE, R));
    assert_true(fits(0x50000000u, 0x200000u, 0x10000u, R | W));
}

static void test_virtual_edges(void **state)
{
    (void)state;
    assert_true(fits(0x40000000u, 0x100000u, PAGE, R));     /* first page */
    assert_false(fits(0x3ffff000u, 0x100000u, PAGE, R));    /* a page before */
    assert_false(fits(0x3ffff000u, 0x100000u, 0x2000u, R)); /* across the first byte */
    assert_true(fits(0xeffff000u, 0x100000u, PAGE, R));     /* last page */
    assert_false(fits(0xf0000000u, 0x100000u, PAGE, R));    /* the control page */
    assert_false(fits(0xeffff000u, 0x100000u, 0x2000u, R)); /* across the last byte */
}

static void test_physical_edges(void **state)
{
    (void)state;
    assert_true(fits(0x40000000u, 0x100000u, PAGE, R));
    assert_false(fits(0x40000000u, 0xff000u, PAGE, R));    /* in the kernel's region */
    assert_false(fits(0x40000000u, 0xff000u, 0x2000u, R)); /* across its end */
    assert_true(fits(0x40000000u, 0x7fff000u, PAGE, R));   /* RAM's last page */
    assert_false(fits(0x40000000u, 0x8000000u, PAGE, R));  /* past RAM */
    assert_false(fits(0x40000000u, 0x7fff000u, 0x2000u, R));
}

static void test_alignment_and_size(void **state)
{
    (void)state;
    assert_false(fits(0x40000800u, 0x100000u, PAGE, R));
    assert_false(fits(0x40000000u, 0x100800u, PAGE, R));
    assert_false(fits(0x40000000u, 0x100000u, 0x800u, R));
    assert_false(fits(0x40000000u, 0x100000u, PAGE + 1, R));
    assert_false(fits(0x40000000u, 0x100000u, 0, R));
}

static void test_rights(void **state)
{
    (void)state;
    assert_true(fits(0x40000000u, 0x100000u, PAGE, R));
    assert_true(fits(0x40000000u, 0x100000u, PAGE, W));
    assert_true(fits(0x40000000u, 0x100000u, PAGE, X));
    assert_false(fits(0x40000000u, 0x100000u, PAGE, 0));
    assert_false(fits(0x40000000u, 0x100000u, PAGE, 0x8u)); /* no right this check knows */
}

/* Bounds up to the top of the address space: an area whose last byte
 * would be past 4 GiB wraps to a small address and must not pass. */
static void test_wrap_around(void **state)
{
    static const struct space_bounds all = {0, 0xffffffffu, 0, 0xffffffffu, PAGE};
    const struct cfg_area top = {"top", 0xfffff000u, 0xfffff000u, PAGE, R};
    const struct cfg_area virt_wraps = {"vw", 0x1000u, 0xfffff000u, 0x2000u, R};
    const struct cfg_area phys_wraps = {"pw", 0xfffff000u, 0x1000u, 0x2000u, R};

    (void)state;
    assert_true(space_area_fits(&top, &all));
    assert_false(space_area_fits(&virt_wraps, &all));
    assert_false(space_area_fits(&phys_wraps, &all));
}

/* Bounds with a page of one byte (no arch has it; the check takes the
 * page from the bounds): areas of one and two bytes, so that the last byte
 * of an area is worked out exactly, not to a page. */
static void test_byte_pages(void **state)
{
    static const struct space_bounds bytes = {0x10u, 0x1fu, 0x10u, 0x1fu, 1};
    const struct cfg_area last_byte = {"lb", 0x1fu, 0x1fu, 1, R};
    const struct cfg_area whole = {"w", 0x10u, 0x10u, 0x10u, R};
    const struct cfg_area virt_past = {"vp", 0x10u, 0x1fu, 2, R};
    const struct cfg_area phys_past = {"pp", 0x1fu, 0x10u, 2, R};
    const struct cfg_area empty = {"e", 0x10u, 0x10u, 0, R};

    (void)state;
    assert_true(space_area_fits(&last_byte, &bytes));
    assert_true(space_area_fits(&whole, &bytes));
    assert_false(space_area_fits(&virt_past, &bytes));
    assert_false(space_area_fits(&phys_past, &bytes));
    assert_false(space_area_fits(&empty, &bytes));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inside),         cmocka_unit_test(test_virtual_edges),
        cmocka_unit_test(test_physical_edges), cmocka_unit_test(test_alignment_and_size),
        cmocka_unit_test(test_rights),         cmocka_unit_test(test_wrap_around),
        cmocka_unit_test(test_byte_pages),
    };

    return cmocka_run_group_tests_name("space_area", tests, NULL, NULL);
}
