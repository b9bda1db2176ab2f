/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The POSIX API's pure parts (guest/posix/posix_time.c, posix_name.c):
 * timespec checks, tick rounding of relative waits, RTEMS's priority
 * mapping, thread name text; and the ids
 * of POSIX threads in the core's object tables (a POSIX thread is a task).
 */
#include <rtems.h>

#include "test_support.h"
#include "objects.h"
#include "posix_name.h"
#include "posix_time.h"

#include <string.h>

static void timespec_checks(void **state)
{
    uint64_t ns = 0;

    (void)state;
    assert_true(posix_time_to_ns(0, 0, &ns));
    assert_int_equal(ns, 0);
    assert_true(posix_time_to_ns(2, 999999999, &ns));
    assert_int_equal(ns, 2999999999ull);
    assert_false(posix_time_to_ns(0, 1000000000, &ns));
    assert_false(posix_time_to_ns(0, -1, &ns));
    assert_false(posix_time_to_ns(-1, 0, &ns));
    /* Seconds whose nanoseconds overflow 64 bits. */
    assert_false(posix_time_to_ns(INT64_MAX, 0, &ns));
    assert_true(posix_time_to_ns(18446744073, 709551615, &ns));
    assert_int_equal(ns, UINT64_MAX);
    assert_false(posix_time_to_ns(18446744073, 709551616, &ns));
}

/* A wait never ends early: whole ticks rounded up, plus the current tick. */
static void relative_waits_in_ticks(void **state)
{
    (void)state;
    assert_int_equal(posix_ticks_after(100, 1, 10000000), 102);
    assert_int_equal(posix_ticks_after(100, 10000000, 10000000), 102);
    assert_int_equal(posix_ticks_after(100, 10000001, 10000000), 103);
    assert_int_equal(posix_ticks_after(100, 25000000, 10000000), 104);
    assert_int_equal(posix_ticks_after(0, 0, 1000), 1);
}

/* A sleep a signal ended: the request less the whole ticks that passed. */
static void time_left_after_ticks(void **state)
{
    (void)state;
    assert_int_equal(posix_time_remaining(5000000000ull, 0, 10000000), 5000000000ull);
    assert_int_equal(posix_time_remaining(5000000000ull, 101, 10000000), 3990000000ull);
    assert_int_equal(posix_time_remaining(25000000, 2, 10000000), 5000000);
    assert_int_equal(posix_time_remaining(25000000, 3, 10000000), 0);
    assert_int_equal(posix_time_remaining(20000000, 2, 10000000), 0);
    /* posix_ticks_after's extra tick, and far more ticks than the request. */
    assert_int_equal(posix_time_remaining(20000000, 3, 10000000), 0);
    assert_int_equal(posix_time_remaining(1, UINT64_MAX, 4000000000u), 0);
}

static void priority_mapping(void **state)
{
    (void)state;
    /* 255 Classic levels: POSIX 1..254, POSIX p is Classic 256 - p. */
    assert_int_equal(posix_priority_to_core_max(1, 255), 255);
    assert_int_equal(posix_priority_to_core_max(254, 255), 2);
    assert_int_equal(posix_priority_to_core_max(20, 255), 236);
    assert_int_equal(posix_priority_from_core_max(236, 255), 20);
    assert_int_equal(posix_priority_from_core_max(254, 255), 2);
    assert_true(posix_priority_is_valid_max(1, 255));
    assert_true(posix_priority_is_valid_max(254, 255));
    assert_false(posix_priority_is_valid_max(0, 255));
    assert_false(posix_priority_is_valid_max(255, 255));
    assert_false(posix_priority_is_valid_max(-1, 255));
    /* A smaller scheduler: 15 levels, POSIX 1..14. */
    assert_int_equal(posix_priority_to_core_max(14, 15), 2);
    assert_false(posix_priority_is_valid_max(15, 15));
}

static void posix_thread_ids(void **state)
{
    (void)state;
    assert_int_equal(exec_object_build_id(OBJECTS_POSIX_API, EXEC_POSIX_THREADS_CLASS, 1),
                     0x0b010001);
    assert_ptr_equal(exec_object_info_of(0x0b010001), &exec_posix_threads_info);
    assert_ptr_equal(exec_object_info_of_thread(0x0b010003), &exec_posix_threads_info);
    assert_ptr_equal(exec_object_info_of_thread(0x0a010001), &exec_tasks_info);
    /* Other POSIX classes, other nodes and non-thread Classic ids are no threads. */
    assert_null(exec_object_info_of(0x33010001));
    assert_null(exec_object_info_of_thread(0x33010001));
    assert_null(exec_object_info_of_thread(0x0b020001));
    assert_null(exec_object_info_of_thread(0x1a010001));
    assert_null(exec_object_info_of_thread(0x09010001));
}

static void thread_name_text(void **state)
{
    char buf[8];

    (void)state;
    memset(buf, '#', sizeof(buf));
    assert_int_equal(posix_name_copy(buf, "abc", sizeof(buf)), 3);
    assert_string_equal(buf, "abc");
    /* Truncated to size - 1, the full length returned (ERANGE's test). */
    assert_int_equal(posix_name_copy(buf, "abcdefghij", sizeof(buf)), 10);
    assert_string_equal(buf, "abcdefg");
    assert_int_equal(posix_name_copy(buf, "abc", 1), 3);
    assert_string_equal(buf, "");

    assert_int_equal(posix_object_name_to_string(rtems_build_name('T', 'S', 'K', '1'), buf, 8), 4);
    assert_string_equal(buf, "TSK1");
    /* Unprintable bytes read as '*', a zero byte ends the name. */
    assert_int_equal(posix_object_name_to_string(rtems_build_name('A', 1, 'B', 0x7f), buf, 8), 4);
    assert_string_equal(buf, "A*B*");
    assert_int_equal(posix_object_name_to_string(rtems_build_name('A', 'B', 0, 'C'), buf, 8), 2);
    assert_string_equal(buf, "AB");
    assert_int_equal(posix_object_name_to_string(0, buf, 8), 0);
    assert_string_equal(buf, "");
    memset(buf, '#', sizeof(buf));
    assert_int_equal(posix_object_name_to_string(rtems_build_name('T', 'S', 'K', '1'), buf, 0), 4);
    assert_int_equal(buf[0], '#');
    assert_int_equal(posix_object_name_to_string(rtems_build_name('T', 'S', 'K', '1'), buf, 3), 4);
    assert_string_equal(buf, "TS");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(timespec_checks),       cmocka_unit_test(relative_waits_in_ticks),
        cmocka_unit_test(time_left_after_ticks), cmocka_unit_test(priority_mapping),
        cmocka_unit_test(posix_thread_ids),      cmocka_unit_test(thread_name_text),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
