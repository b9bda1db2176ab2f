/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Status codes and their text, API constants against RTEMS's values,
 * calendar conversions and the workspace allocator.
 */
#include <rtems.h>

#include "test_support.h"
#include "clock_impl.h"
#include "workspace.h"

static void status_values_and_text(void **state)
{
    (void)state;
    assert_int_equal(RTEMS_SUCCESSFUL, 0);
    assert_int_equal(RTEMS_TASK_EXITTED, 1);
    assert_int_equal(RTEMS_INVALID_ID, 4);
    assert_int_equal(RTEMS_TIMEOUT, 6);
    assert_int_equal(RTEMS_UNSATISFIED, 13);
    assert_int_equal(RTEMS_NOT_IMPLEMENTED, 24);
    assert_int_equal(RTEMS_INTERRUPTED, 28);
    assert_int_equal(RTEMS_PROXY_BLOCKING, 29);
    assert_string_equal(rtems_status_text(RTEMS_SUCCESSFUL), "RTEMS_SUCCESSFUL");
    assert_string_equal(rtems_status_text(RTEMS_OBJECT_WAS_DELETED), "RTEMS_OBJECT_WAS_DELETED");
    assert_string_equal(rtems_status_text(RTEMS_PROXY_BLOCKING), "RTEMS_PROXY_BLOCKING");
    assert_string_equal(rtems_status_text((rtems_status_code)30), "?");
    assert_string_equal(rtems_status_text((rtems_status_code)-1), "?");
}

static void constants_match_rtems(void **state)
{
    (void)state;
    assert_int_equal(RTEMS_NO_WAIT, 1);
    assert_int_equal(RTEMS_EVENT_ANY, 2);
    assert_int_equal(RTEMS_NO_PREEMPT, 0x100);
    assert_int_equal(RTEMS_TIMESLICE, 0x200);
    assert_int_equal(RTEMS_NO_ASR, 0x400);
    assert_int_equal(RTEMS_INTERRUPT_MASK, 0xff);
    assert_int_equal(RTEMS_PRIORITY, 4);
    assert_int_equal(RTEMS_BINARY_SEMAPHORE, 0x10);
    assert_int_equal(RTEMS_SIMPLE_BINARY_SEMAPHORE, 0x20);
    assert_int_equal(RTEMS_INHERIT_PRIORITY, 0x40);
    assert_int_equal(RTEMS_PRIORITY_CEILING, 0x80);
    assert_int_equal(RTEMS_MULTIPROCESSOR_RESOURCE_SHARING, 0x100);
    assert_int_equal(RTEMS_FLOATING_POINT, 1);
    assert_int_equal(RTEMS_GLOBAL, 2);
    assert_int_equal(RTEMS_SYSTEM_TASK, 0x8000);
    assert_int_equal(RTEMS_EVENT_SYSTEM_TRANSIENT, 0x80000000u);
    assert_int_equal(RTEMS_SEARCH_LOCAL_NODE, 0x7fffffff);
}

static void tod_round_trip(void **state)
{
    rtems_time_of_day tod = {1988, 1, 1, 0, 0, 0, 0};
    rtems_time_of_day back;

    (void)state;
    assert_int_equal(exec_tod_to_seconds(&tod), EXEC_SECONDS_1970_TO_1988);
    tod = (rtems_time_of_day){2000, 2, 29, 12, 34, 56, 0};
    assert_int_equal(exec_tod_to_seconds(&tod), 951827696u);
    exec_seconds_to_tod(951827696u, &back);
    assert_memory_equal(&back, &tod, sizeof(tod));
    tod = (rtems_time_of_day){2100, 3, 1, 0, 0, 0, 0};
    exec_seconds_to_tod(exec_tod_to_seconds(&tod), &back);
    assert_memory_equal(&back, &tod, sizeof(tod));
    /* The latest valid time of day survives the nanosecond clock's representation. */
    tod = (rtems_time_of_day){2400, 12, 31, 23, 59, 59, 0};
    exec_seconds_to_tod(exec_tod_to_seconds(&tod) * EXEC_NS_PER_S / EXEC_NS_PER_S, &back);
    assert_memory_equal(&back, &tod, sizeof(tod));
}

static void tod_validation(void **state)
{
    rtems_time_of_day tod = {1988, 12, 31, 23, 59, 59, 99};

    (void)state;
    assert_int_equal(exec_tod_validate(&tod, 100), RTEMS_SUCCESSFUL);
    tod.ticks = 100;
    assert_int_equal(exec_tod_validate(&tod, 100), RTEMS_INVALID_CLOCK);
    assert_int_equal(exec_tod_validate(&tod, 0), RTEMS_SUCCESSFUL);
    tod = (rtems_time_of_day){1900, 2, 29, 0, 0, 0, 0};
    assert_int_equal(exec_tod_validate(&tod, 0), RTEMS_INVALID_CLOCK);
    tod.year = 2000;
    assert_int_equal(exec_tod_validate(&tod, 0), RTEMS_SUCCESSFUL);
    tod.year = 2100;
    assert_int_equal(exec_tod_validate(&tod, 0), RTEMS_INVALID_CLOCK);
    /* The latest year: 2400-12-31 is valid, 2401 and 2800 (past the 64-bit ns wrap) not. */
    tod = (rtems_time_of_day){2400, 12, 31, 23, 59, 59, 0};
    assert_int_equal(exec_tod_validate(&tod, 0), RTEMS_SUCCESSFUL);
    tod.year = 2401;
    assert_int_equal(exec_tod_validate(&tod, 0), RTEMS_INVALID_CLOCK);
    tod = (rtems_time_of_day){2800, 2, 28, 23, 59, 59, 0};
    assert_int_equal(exec_tod_validate(&tod, 0), RTEMS_INVALID_CLOCK);
    tod = (rtems_time_of_day){2000, 13, 1, 0, 0, 0, 0};
    assert_int_equal(exec_tod_validate(&tod, 0), RTEMS_INVALID_CLOCK);
    tod = (rtems_time_of_day){2000, 1, 1, 24, 0, 0, 0};
    assert_int_equal(exec_tod_validate(&tod, 0), RTEMS_INVALID_CLOCK);
    assert_int_equal(exec_tod_validate(NULL, 0), RTEMS_INVALID_ADDRESS);
}

static void workspace_allocates_and_coalesces(void **state)
{
    static char area[4096] __attribute__((aligned(16)));
    void *a;
    void *b;
    void *c;
    size_t all;

    (void)state;
    exec_workspace_init(area, sizeof(area));
    all = exec_workspace_largest_free();
    assert_true(all >= 4000);
    a = exec_workspace_allocate(1000);
    b = exec_workspace_allocate(1000);
    c = exec_workspace_allocate(1000);
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(c);
    assert_int_equal((uintptr_t)a % 16, 0);
    assert_null(exec_workspace_allocate(2000));
    exec_workspace_free(a);
    exec_workspace_free(c);
    assert_null(exec_workspace_allocate(2100));
    exec_workspace_free(b);
    assert_int_equal(exec_workspace_largest_free(), all);
    a = exec_workspace_allocate(all);
    assert_non_null(a);
    assert_null(exec_workspace_allocate(1));
}

static void workspace_accounting_matches_confdefs(void **state)
{
    static char area[EXEC_WORKSPACE_ALLOC_SIZE(100) * 3 + EXEC_WORKSPACE_ALIGNMENT]
        __attribute__((aligned(16)));

    (void)state;
    exec_workspace_init(area, sizeof(area));
    for (int i = 0; i < 3; i++) {
        assert_non_null(exec_workspace_allocate(100));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(status_values_and_text),
        cmocka_unit_test(constants_match_rtems),
        cmocka_unit_test(tod_round_trip),
        cmocka_unit_test(tod_validation),
        cmocka_unit_test(workspace_allocates_and_coalesces),
        cmocka_unit_test(workspace_accounting_matches_confdefs),
    };

    return cmocka_run_group_tests_name("guest misc", tests, NULL, NULL);
}
