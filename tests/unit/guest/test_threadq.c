/* SPDX-License-Identifier: BSD-2-Clause */
/* Thread queues: FIFO and priority order, extraction, blocking with timeout. */
#include <rtems.h>

#include "test_support.h"
#include "scheduler.h"
#include "threadq.h"

static struct exec_threadq q;
static struct exec_thread t[5];

static int setup(void **state)
{
    (void)state;
    exec_sched_init();
    exec_watchdog_list_init(&exec_watchdog_ticks);
    exec_ticks_since_boot = 0;
    for (unsigned i = 0; i < 5; i++) {
        test_thread_init(&t[i], 10);
        t[i].state = EXEC_STATE_READY;
        exec_sched_insert(&t[i], false);
    }
    return 0;
}

static void fifo_order(void **state)
{
    (void)state;
    exec_tq_init(&q, EXEC_TQ_FIFO);
    t[0].priority = 9;
    t[1].priority = 1;
    exec_tq_enqueue(&q, &t[0]);
    exec_tq_enqueue(&q, &t[1]);
    assert_ptr_equal(exec_tq_first(&q), &t[0]);
    exec_tq_extract(&t[0]);
    assert_ptr_equal(exec_tq_first(&q), &t[1]);
    exec_tq_extract(&t[1]);
    assert_true(exec_tq_is_empty(&q));
    assert_null(exec_tq_first(&q));
}

static void priority_order_fifo_among_equals(void **state)
{
    (void)state;
    exec_tq_init(&q, EXEC_TQ_PRIORITY);
    t[0].priority = 5;
    t[1].priority = 3;
    t[2].priority = 5;
    t[3].priority = 7;
    t[4].priority = 3;
    for (unsigned i = 0; i < 5; i++) {
        exec_tq_enqueue(&q, &t[i]);
    }
    /* Expected: 1 (3), 4 (3), 0 (5), 2 (5), 3 (7). */
    assert_ptr_equal(exec_tq_first(&q), &t[1]);
    exec_tq_extract(&t[1]);
    assert_ptr_equal(exec_tq_first(&q), &t[4]);
    exec_tq_extract(&t[4]);
    assert_ptr_equal(exec_tq_first(&q), &t[0]);
    exec_tq_extract(&t[0]);
    assert_ptr_equal(exec_tq_first(&q), &t[2]);
    exec_tq_extract(&t[2]);
    assert_ptr_equal(exec_tq_first(&q), &t[3]);
}

static void requeue_after_priority_change(void **state)
{
    (void)state;
    exec_tq_init(&q, EXEC_TQ_PRIORITY);
    exec_thread_block(&t[0], &q, EXEC_STATE_BLOCKED, 0);
    exec_thread_block(&t[1], &q, EXEC_STATE_BLOCKED, 0);
    assert_ptr_equal(exec_tq_first(&q), &t[0]);
    exec_thread_set_real_priority(&t[1], 2);
    assert_ptr_equal(exec_tq_first(&q), &t[1]);
}

static void block_with_timeout(void **state)
{
    (void)state;
    exec_tq_init(&q, EXEC_TQ_FIFO);
    exec_thread_block(&t[0], &q, EXEC_STATE_BLOCKED, 3);
    exec_thread_block(&t[1], &q, EXEC_STATE_BLOCKED, 0);
    assert_ptr_equal(exec_sched_highest(), &t[2]);
    exec_watchdog_expire(&exec_watchdog_ticks, 2);
    assert_int_equal(t[0].state, EXEC_STATE_BLOCKED);
    exec_watchdog_expire(&exec_watchdog_ticks, 3);
    assert_int_equal(t[0].state, EXEC_STATE_READY);
    assert_int_equal(t[0].wait.status, RTEMS_TIMEOUT);
    assert_ptr_equal(exec_tq_first(&q), &t[1]);
    exec_thread_unblock(&t[1], RTEMS_SUCCESSFUL);
    assert_true(exec_tq_is_empty(&q));
    assert_int_equal(t[1].wait.status, RTEMS_SUCCESSFUL);
}

static void delay_ends_successfully(void **state)
{
    (void)state;
    exec_thread_block(&t[0], NULL, EXEC_STATE_DELAYING, 1);
    exec_watchdog_expire(&exec_watchdog_ticks, 1);
    assert_int_equal(t[0].state, EXEC_STATE_READY);
    assert_int_equal(t[0].wait.status, RTEMS_SUCCESSFUL);
}

static void suspended_waiter_stays_off_ready_queue(void **state)
{
    (void)state;
    exec_tq_init(&q, EXEC_TQ_FIFO);
    for (unsigned i = 1; i < 5; i++) {
        exec_thread_set_state(&t[i], EXEC_STATE_SUSPENDED);
    }
    exec_thread_block(&t[0], &q, EXEC_STATE_BLOCKED, 0);
    exec_thread_set_state(&t[0], EXEC_STATE_SUSPENDED);
    exec_thread_unblock(&t[0], RTEMS_SUCCESSFUL);
    assert_int_equal(t[0].state, EXEC_STATE_SUSPENDED);
    assert_null(exec_sched_highest());
    exec_thread_clear_state(&t[0], EXEC_STATE_SUSPENDED);
    assert_ptr_equal(exec_sched_highest(), &t[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(fifo_order, setup),
        cmocka_unit_test_setup(priority_order_fifo_among_equals, setup),
        cmocka_unit_test_setup(requeue_after_priority_change, setup),
        cmocka_unit_test_setup(block_with_timeout, setup),
        cmocka_unit_test_setup(delay_ends_successfully, setup),
        cmocka_unit_test_setup(suspended_waiter_stays_off_ready_queue, setup),
    };

    return cmocka_run_group_tests_name("guest thread queues", tests, NULL, NULL);
}
