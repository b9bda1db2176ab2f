/* SPDX-License-Identifier: BSD-2-Clause */
/* Ready queues: O(1) selection through the bitmap, FIFO within a level. */
#include <rtems.h>

#include "test_support.h"
#include "scheduler.h"

static struct exec_thread t[8];

static int setup(void **state)
{
    (void)state;
    exec_sched_init();
    for (unsigned i = 0; i < 8; i++) {
        test_thread_init(&t[i], 100);
    }
    return 0;
}

static void lowest_bit(void **state)
{
    (void)state;
    for (unsigned bit = 0; bit < 16; bit++) {
        assert_int_equal(exec_bit_lowest16(1u << bit), bit);
        assert_int_equal(exec_bit_lowest16(0x8000u | (1u << bit)), bit);
    }
    assert_int_equal(exec_bit_lowest16(0xffff), 0);
    /* Every non-empty set, against the definition: a wrong entry of the
     * byte table picks a wrong priority only for the sets that reach it. */
    for (uint32_t bits = 1; bits <= 0xffffu; bits++) {
        unsigned want = 0;

        while (!(bits & (1u << want))) {
            want++;
        }
        assert_int_equal(exec_bit_lowest16(bits), want);
    }
}

static void empty_has_no_highest(void **state)
{
    (void)state;
    assert_null(exec_sched_highest());
}

static void highest_priority_wins_at_every_level(void **state)
{
    (void)state;
    for (uint32_t p = 255; p-- > 0;) {
        t[0].priority = p + 1;
        exec_sched_insert(&t[0], false);
        t[1].priority = p;
        exec_sched_insert(&t[1], false);
        assert_ptr_equal(exec_sched_highest(), &t[1]);
        exec_sched_remove(&t[1]);
        assert_ptr_equal(exec_sched_highest(), &t[0]);
        exec_sched_remove(&t[0]);
        assert_null(exec_sched_highest());
    }
}

static void fifo_within_level(void **state)
{
    (void)state;
    for (unsigned i = 0; i < 3; i++) {
        t[i].priority = 7;
        exec_sched_insert(&t[i], false);
    }
    assert_ptr_equal(exec_sched_highest(), &t[0]);
    exec_sched_rotate(&t[0]);
    assert_ptr_equal(exec_sched_highest(), &t[1]);
    exec_sched_remove(&t[1]);
    assert_ptr_equal(exec_sched_highest(), &t[2]);
    t[3].priority = 7;
    exec_sched_insert(&t[3], true);
    assert_ptr_equal(exec_sched_highest(), &t[3]);
}

static void removal_keeps_other_levels(void **state)
{
    (void)state;
    t[0].priority = 16; /* same minor bit as 0, other major */
    t[1].priority = 31;
    t[2].priority = 200;
    exec_sched_insert(&t[2], false);
    exec_sched_insert(&t[1], false);
    exec_sched_insert(&t[0], false);
    assert_ptr_equal(exec_sched_highest(), &t[0]);
    exec_sched_remove(&t[0]);
    assert_ptr_equal(exec_sched_highest(), &t[1]);
    exec_sched_remove(&t[1]);
    assert_ptr_equal(exec_sched_highest(), &t[2]);
}

/* Ready threads through thread states: only state 0 is in the queues. */
static void states_decide_readiness(void **state)
{
    (void)state;
    t[0].priority = 5;
    t[1].priority = 6;
    exec_thread_clear_state(&t[0], EXEC_STATE_DORMANT);
    exec_thread_clear_state(&t[1], EXEC_STATE_DORMANT);
    assert_ptr_equal(exec_sched_highest(), &t[0]);
    exec_thread_set_state(&t[0], EXEC_STATE_SUSPENDED);
    exec_thread_set_state(&t[0], EXEC_STATE_DELAYING);
    assert_ptr_equal(exec_sched_highest(), &t[1]);
    exec_thread_clear_state(&t[0], EXEC_STATE_DELAYING);
    assert_ptr_equal(exec_sched_highest(), &t[1]);
    exec_thread_clear_state(&t[0], EXEC_STATE_SUSPENDED);
    assert_ptr_equal(exec_sched_highest(), &t[0]);
}

static void priority_change_moves_ready_thread(void **state)
{
    (void)state;
    t[0].priority = 5;
    t[1].priority = 5;
    exec_thread_clear_state(&t[0], EXEC_STATE_DORMANT);
    exec_thread_clear_state(&t[1], EXEC_STATE_DORMANT);
    exec_thread_set_real_priority(&t[0], 9);
    assert_ptr_equal(exec_sched_highest(), &t[1]);
    exec_thread_set_real_priority(&t[0], 2);
    assert_ptr_equal(exec_sched_highest(), &t[0]);
    assert_int_equal(t[0].priority, 2);
}

/*
 * RTEMS's heir rule: a non-preemptible thread that becomes the heir while a
 * preemptible one runs stays the heir until it runs or stops being ready,
 * even when a more important thread gets ready meanwhile.
 */
static void non_preemptible_heir_is_held(void **state)
{
    (void)state;
    t[7].priority = 10;
    t[7].preemptible = true;
    exec_thread_clear_state(&t[7], EXEC_STATE_DORMANT);
    exec_sched_set_running(&t[7]);
    t[0].priority = 8; /* not preemptible */
    exec_thread_clear_state(&t[0], EXEC_STATE_DORMANT);
    assert_ptr_equal(exec_sched_heir(), &t[0]);
    t[1].priority = 5;
    t[1].preemptible = true;
    exec_thread_clear_state(&t[1], EXEC_STATE_DORMANT);
    assert_ptr_equal(exec_sched_highest(), &t[1]);
    assert_ptr_equal(exec_sched_heir(), &t[0]);
    exec_thread_set_real_priority(&t[1], 3);
    assert_ptr_equal(exec_sched_heir(), &t[0]);
    /* It runs: then the executing thread's own rule applies. */
    exec_sched_set_running(&t[0]);
    assert_ptr_equal(exec_sched_heir(), &t[1]);
    exec_sched_set_running(&t[7]);
    /* A held heir that blocks before it runs gives way. */
    exec_thread_set_state(&t[1], EXEC_STATE_SUSPENDED);
    exec_thread_set_state(&t[0], EXEC_STATE_SUSPENDED);
    exec_thread_clear_state(&t[0], EXEC_STATE_SUSPENDED);
    assert_ptr_equal(exec_sched_heir(), &t[0]);
    exec_thread_set_state(&t[0], EXEC_STATE_SUSPENDED);
    exec_thread_clear_state(&t[1], EXEC_STATE_SUSPENDED);
    assert_ptr_equal(exec_sched_heir(), &t[1]);
}

/* Nothing is held while the running thread is not preemptible. */
static void no_heir_held_behind_non_preemptible_runner(void **state)
{
    (void)state;
    t[7].priority = 10;
    exec_thread_clear_state(&t[7], EXEC_STATE_DORMANT);
    exec_sched_set_running(&t[7]);
    t[0].priority = 8;
    exec_thread_clear_state(&t[0], EXEC_STATE_DORMANT);
    t[1].priority = 5;
    t[1].preemptible = true;
    exec_thread_clear_state(&t[1], EXEC_STATE_DORMANT);
    assert_ptr_equal(exec_sched_heir(), &t[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lowest_bit),
        cmocka_unit_test_setup(empty_has_no_highest, setup),
        cmocka_unit_test_setup(highest_priority_wins_at_every_level, setup),
        cmocka_unit_test_setup(fifo_within_level, setup),
        cmocka_unit_test_setup(removal_keeps_other_levels, setup),
        cmocka_unit_test_setup(states_decide_readiness, setup),
        cmocka_unit_test_setup(priority_change_moves_ready_thread, setup),
        cmocka_unit_test_setup(non_preemptible_heir_is_held, setup),
        cmocka_unit_test_setup(no_heir_held_behind_non_preemptible_runner, setup),
    };

    return cmocka_run_group_tests_name("guest scheduler", tests, NULL, NULL);
}
