/* SPDX-License-Identifier: BSD-2-Clause */
/* Timeout list: ordering, equal deadlines, removal, expiry, re-arming. */
#include <rtems.h>

#include "test_support.h"

static struct exec_watchdog_list list;
static struct exec_watchdog w[6];
static char fired[16];
static int fired_count;

/* cppcheck-suppress constParameter */
static void record(struct exec_watchdog *dog)
{
    fired[fired_count++] = (char)('0' + (dog - w));
}

static void rearm(struct exec_watchdog *dog)
{
    record(dog);
    exec_watchdog_insert(&list, dog, dog->expire + 10);
}

static int setup(void **state)
{
    (void)state;
    exec_watchdog_list_init(&list);
    for (unsigned i = 0; i < 6; i++) {
        exec_watchdog_init(&w[i], record);
    }
    memset(fired, 0, sizeof(fired));
    fired_count = 0;
    return 0;
}

static void fires_in_deadline_order(void **state)
{
    (void)state;
    exec_watchdog_insert(&list, &w[0], 30);
    exec_watchdog_insert(&list, &w[1], 10);
    exec_watchdog_insert(&list, &w[2], 20);
    exec_watchdog_expire(&list, 5);
    assert_int_equal(fired_count, 0);
    exec_watchdog_expire(&list, 20);
    assert_string_equal(fired, "12");
    assert_true(exec_watchdog_is_armed(&w[0]));
    assert_false(exec_watchdog_is_armed(&w[1]));
    exec_watchdog_expire(&list, 100);
    assert_string_equal(fired, "120");
}

static void equal_deadlines_fire_in_arming_order(void **state)
{
    (void)state;
    exec_watchdog_insert(&list, &w[3], 10);
    exec_watchdog_insert(&list, &w[1], 10);
    exec_watchdog_insert(&list, &w[0], 5);
    exec_watchdog_insert(&list, &w[2], 10);
    exec_watchdog_expire(&list, 10);
    assert_string_equal(fired, "0312");
}

static void removed_do_not_fire(void **state)
{
    (void)state;
    exec_watchdog_insert(&list, &w[0], 10);
    exec_watchdog_insert(&list, &w[1], 10);
    exec_watchdog_remove(&w[0]);
    exec_watchdog_remove(&w[0]); /* twice is harmless */
    exec_watchdog_expire(&list, 10);
    assert_string_equal(fired, "1");
}

static void rearming_moves_the_deadline(void **state)
{
    (void)state;
    exec_watchdog_insert(&list, &w[0], 10);
    exec_watchdog_insert(&list, &w[1], 20);
    exec_watchdog_insert(&list, &w[0], 30);
    exec_watchdog_expire(&list, 25);
    assert_string_equal(fired, "1");
}

static void routine_may_rearm_itself(void **state)
{
    (void)state;
    exec_watchdog_init(&w[4], rearm);
    exec_watchdog_insert(&list, &w[4], 10);
    exec_watchdog_expire(&list, 35);
    assert_string_equal(fired, "444");
    assert_int_equal(w[4].expire, 40);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(fires_in_deadline_order, setup),
        cmocka_unit_test_setup(equal_deadlines_fire_in_arming_order, setup),
        cmocka_unit_test_setup(removed_do_not_fire, setup),
        cmocka_unit_test_setup(rearming_moves_the_deadline, setup),
        cmocka_unit_test_setup(routine_may_rearm_itself, setup),
    };

    return cmocka_run_group_tests_name("guest watchdog", tests, NULL, NULL);
}
