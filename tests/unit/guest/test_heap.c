/* SPDX-License-Identifier: BSD-2-Clause */
/* The region heap: allocation, coalescing, resizing, extension, checks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "heap.h"

static _Alignas(64) char area[2048];
static _Alignas(64) char area2[1024];

static void test_alloc_free_coalesce(void **state)
{
    struct exec_heap h;
    Heap_Information_block info;
    uintptr_t max = exec_heap_init(&h, area, sizeof(area), 0);
    void *a, *b, *c;

    (void)state;
    assert_true(max > 1900 && max < sizeof(area));
    a = exec_heap_allocate(&h, 100);
    b = exec_heap_allocate(&h, 100);
    c = exec_heap_allocate(&h, 100);
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(c);
    assert_int_equal((uintptr_t)a % EXEC_HEAP_ALIGNMENT, 0);
    assert_null(exec_heap_allocate(&h, max));
    assert_true(exec_heap_free(&h, b));
    assert_false(exec_heap_free(&h, b));
    assert_false(exec_heap_free(&h, (char *)a + 1));
    assert_true(exec_heap_free(&h, a));
    exec_heap_information(&h, &info);
    assert_int_equal(info.Used.number, 1);
    assert_int_equal(info.Free.number, 2); /* a+b merged, and the tail */
    assert_true(exec_heap_free(&h, c));
    exec_heap_information(&h, &info);
    assert_int_equal(info.Free.number, 1);
    assert_int_equal(info.Stats.used_blocks, 0);
    assert_non_null(exec_heap_allocate(&h, max));
}

static void test_resize(void **state)
{
    struct exec_heap h;
    uintptr_t old, size;
    void *a, *b;

    (void)state;
    (void)exec_heap_init(&h, area, sizeof(area), 64);
    a = exec_heap_allocate(&h, 10);
    assert_int_equal((uintptr_t)a % 64, 0);
    assert_true(exec_heap_size_of(&h, a, &size));
    assert_int_equal(size, 64);
    assert_int_equal(exec_heap_resize(&h, a, 1000, &old), EXEC_HEAP_RESIZED);
    assert_int_equal(old, 64);
    b = exec_heap_allocate(&h, 10);
    assert_int_equal(exec_heap_resize(&h, a, 1100, &old), EXEC_HEAP_RESIZE_UNSATISFIED);
    assert_int_equal(exec_heap_resize(&h, a, 1, &old), EXEC_HEAP_RESIZED);
    assert_true(exec_heap_size_of(&h, a, &size));
    assert_int_equal(size, 64);
    assert_int_equal(exec_heap_resize(&h, (char *)b + 64, 1, &old), EXEC_HEAP_NOT_A_SEGMENT);
}

static void test_extend(void **state)
{
    struct exec_heap h;
    uintptr_t max = exec_heap_init(&h, area, sizeof(area), 0);
    void *p;

    (void)state;
    assert_int_equal(exec_heap_extend(&h, area + 100, 500), 0);
    assert_int_equal(exec_heap_extend(&h, area + sizeof(area) - 8, 200), 0);
    assert_int_equal(exec_heap_extend(&h, area2, 8), 0);
    assert_true(exec_heap_extend(&h, area2, sizeof(area2)) > 900);
    assert_non_null(exec_heap_allocate(&h, max));
    p = exec_heap_allocate(&h, 900);
    assert_true((char *)p >= area2 && (char *)p < area2 + sizeof(area2));
    assert_int_equal(exec_heap_init(&h, area, 8, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc_free_coalesce),
        cmocka_unit_test(test_resize),
        cmocka_unit_test(test_extend),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
