/* SPDX-License-Identifier: BSD-2-Clause */
/* Priority inheritance (nested, transitive, timeouts) and priority ceiling. */
#include <rtems.h>

#include "test_support.h"
#include "mutex.h"
#include "scheduler.h"
#include "threadq.h"

static struct exec_mutex m1, m2, m3;
static struct exec_thread low, mid, high, top;

static void make_ready(struct exec_thread *t, uint32_t priority)
{
    test_thread_init(t, priority);
    t->state = EXEC_STATE_READY;
    exec_sched_insert(t, false);
}

static int setup(void **state)
{
    (void)state;
    exec_sched_init();
    exec_watchdog_list_init(&exec_watchdog_ticks);
    exec_ticks_since_boot = 0;
    make_ready(&low, 20);
    make_ready(&mid, 15);
    make_ready(&high, 10);
    make_ready(&top, 5);
    exec_mutex_init(&m1, EXEC_TQ_PRIORITY, EXEC_MUTEX_INHERIT, 0);
    exec_mutex_init(&m2, EXEC_TQ_PRIORITY, EXEC_MUTEX_INHERIT, 0);
    exec_mutex_init(&m3, EXEC_TQ_PRIORITY, EXEC_MUTEX_CEILING, 8);
    return 0;
}

static void recursion_and_ownership(void **state)
{
    (void)state;
    assert_int_equal(exec_mutex_try_acquire(&m1, &low), RTEMS_SUCCESSFUL);
    assert_int_equal(exec_mutex_try_acquire(&m1, &low), RTEMS_SUCCESSFUL);
    assert_int_equal(m1.nest_count, 2);
    assert_int_equal(exec_mutex_try_acquire(&m1, &mid), RTEMS_UNSATISFIED);
    assert_int_equal(exec_mutex_surrender(&m1, &mid), RTEMS_NOT_OWNER_OF_RESOURCE);
    assert_int_equal(exec_mutex_surrender(&m1, &low), RTEMS_SUCCESSFUL);
    assert_ptr_equal(m1.owner, &low);
    assert_int_equal(exec_mutex_surrender(&m1, &low), RTEMS_SUCCESSFUL);
    assert_null(m1.owner);
}

static void inheritance_raises_and_restores(void **state)
{
    (void)state;
    assert_int_equal(exec_mutex_try_acquire(&m1, &low), RTEMS_SUCCESSFUL);
    exec_mutex_block(&m1, &mid, 0);
    assert_int_equal(low.priority, 15);
    exec_mutex_block(&m1, &high, 0);
    assert_int_equal(low.priority, 10);
    assert_int_equal(low.real_priority, 20);
    /* The raised owner now outranks everything but top. */
    exec_thread_set_state(&top, EXEC_STATE_SUSPENDED);
    assert_ptr_equal(exec_sched_highest(), &low);
    assert_int_equal(exec_mutex_surrender(&m1, &low), RTEMS_SUCCESSFUL);
    assert_int_equal(low.priority, 20);
    /* Handed to the highest waiter, which inherits from the remaining one. */
    assert_ptr_equal(m1.owner, &high);
    assert_int_equal(high.state, EXEC_STATE_READY);
    assert_int_equal(high.priority, 10);
    assert_ptr_equal(exec_tq_first(&m1.queue), &mid);
}

static void nested_mutexes_keep_the_highest(void **state)
{
    (void)state;
    assert_int_equal(exec_mutex_try_acquire(&m1, &low), RTEMS_SUCCESSFUL);
    assert_int_equal(exec_mutex_try_acquire(&m2, &low), RTEMS_SUCCESSFUL);
    exec_mutex_block(&m1, &mid, 0);  /* lends 15 through m1 */
    exec_mutex_block(&m2, &high, 0); /* lends 10 through m2 */
    assert_int_equal(low.priority, 10);
    assert_int_equal(exec_mutex_surrender(&m2, &low), RTEMS_SUCCESSFUL);
    assert_int_equal(low.priority, 15); /* m1 still lends */
    assert_int_equal(exec_mutex_surrender(&m1, &low), RTEMS_SUCCESSFUL);
    assert_int_equal(low.priority, 20);
}

static void inheritance_is_transitive(void **state)
{
    (void)state;
    assert_int_equal(exec_mutex_try_acquire(&m1, &low), RTEMS_SUCCESSFUL);
    assert_int_equal(exec_mutex_try_acquire(&m2, &mid), RTEMS_SUCCESSFUL);
    exec_mutex_block(&m1, &mid, 0); /* mid waits for low */
    assert_int_equal(low.priority, 15);
    exec_mutex_block(&m2, &top, 0); /* top waits for mid, mid for low */
    assert_int_equal(mid.priority, 5);
    assert_int_equal(low.priority, 5);
    /* top gives up (timeout): both fall back. */
    exec_thread_unblock(&top, RTEMS_TIMEOUT);
    assert_int_equal(mid.priority, 15);
    assert_int_equal(low.priority, 15);
}

static void waiter_timeout_lowers_owner(void **state)
{
    (void)state;
    assert_int_equal(exec_mutex_try_acquire(&m1, &low), RTEMS_SUCCESSFUL);
    exec_mutex_block(&m1, &high, 5);
    assert_int_equal(low.priority, 10);
    exec_watchdog_expire(&exec_watchdog_ticks, 5);
    assert_int_equal(high.wait.status, RTEMS_TIMEOUT);
    assert_int_equal(high.state, EXEC_STATE_READY);
    assert_int_equal(low.priority, 20);
}

static void set_priority_while_holding(void **state)
{
    (void)state;
    assert_int_equal(exec_mutex_try_acquire(&m1, &low), RTEMS_SUCCESSFUL);
    exec_mutex_block(&m1, &high, 0);
    exec_thread_set_real_priority(&low, 12);
    assert_int_equal(low.priority, 10);
    exec_thread_set_real_priority(&low, 2);
    assert_int_equal(low.priority, 2);
    /* A waiter raised while waiting lends its new priority. */
    exec_thread_set_real_priority(&low, 30);
    exec_thread_set_real_priority(&high, 7);
    assert_int_equal(low.priority, 7);
}

static void ceiling_raises_and_restores(void **state)
{
    (void)state;
    assert_int_equal(exec_mutex_try_acquire(&m3, &low), RTEMS_SUCCESSFUL);
    assert_int_equal(low.priority, 8);
    assert_int_equal(exec_mutex_try_acquire(&m3, &low), RTEMS_SUCCESSFUL);
    assert_int_equal(exec_mutex_surrender(&m3, &low), RTEMS_SUCCESSFUL);
    assert_int_equal(low.priority, 8);
    exec_mutex_block(&m3, &mid, 0);
    assert_int_equal(exec_mutex_surrender(&m3, &low), RTEMS_SUCCESSFUL);
    assert_int_equal(low.priority, 20);
    assert_ptr_equal(m3.owner, &mid);
    assert_int_equal(mid.priority, 8);
    assert_int_equal(exec_mutex_surrender(&m3, &mid), RTEMS_SUCCESSFUL);
    assert_int_equal(mid.priority, 15);
    /* A thread above the ceiling may not lock. */
    assert_int_equal(exec_mutex_try_acquire(&m3, &top), RTEMS_INVALID_PRIORITY);
    assert_null(m3.owner);
}

static void ceiling_and_inheritance_combined(void **state)
{
    (void)state;
    assert_int_equal(exec_mutex_try_acquire(&m3, &low), RTEMS_SUCCESSFUL);
    assert_int_equal(exec_mutex_try_acquire(&m1, &low), RTEMS_SUCCESSFUL);
    exec_mutex_block(&m1, &top, 0);
    assert_int_equal(low.priority, 5);
    exec_thread_unblock(&top, RTEMS_TIMEOUT);
    assert_int_equal(low.priority, 8);
    exec_mutex_release_all(&m3);
    assert_int_equal(low.priority, 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(recursion_and_ownership, setup),
        cmocka_unit_test_setup(inheritance_raises_and_restores, setup),
        cmocka_unit_test_setup(nested_mutexes_keep_the_highest, setup),
        cmocka_unit_test_setup(inheritance_is_transitive, setup),
        cmocka_unit_test_setup(waiter_timeout_lowers_owner, setup),
        cmocka_unit_test_setup(set_priority_while_holding, setup),
        cmocka_unit_test_setup(ceiling_raises_and_restores, setup),
        cmocka_unit_test_setup(ceiling_and_inheritance_combined, setup),
    };

    return cmocka_run_group_tests_name("guest mutexes", tests, NULL, NULL);
}
