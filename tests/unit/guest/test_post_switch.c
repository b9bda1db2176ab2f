/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The dispatcher's post-switch actions (guest/core/dispatch.c): the Classic
 * ASR delivery and guest/posix's signal delivery both register one. Each
 * runs while it is due before exec_dispatch returns, an interrupt exit asks
 * for dispatching when either is due, and adding one twice keeps one.
 */
#include <rtems.h>

#include "test_support.h"
#include "dispatch.h"
#include "scheduler.h"

#include <port.h>
#include <stdlib.h>

static struct exec_thread running;
static int due_a, due_b, ran_a, ran_b;
static char order[8];
static int order_len;

/* The port and configuration the dispatcher and the clock reach for. */
const struct exec_config exec_config = {.microseconds_per_tick = 1000};

port_isr_level port_interrupt_disable(void)
{
    return 1;
}

void port_interrupt_restore(port_isr_level level)
{
    (void)level;
}

uint64_t port_clock_monotonic_ns(void)
{
    return 0;
}

/* No thread switch happens here: one thread is ready and executing. */
void port_context_switch(struct port_context *from, struct port_context *to)
{
    (void)from;
    (void)to;
    fail();
}

_Noreturn void port_context_start(struct port_context *to)
{
    (void)to;
    fail();
    abort();
}

static bool a_is_due(void)
{
    return due_a > 0;
}

static bool a_run(void)
{
    if (due_a == 0) {
        return false;
    }
    due_a--;
    ran_a++;
    order[order_len++] = 'a';
    return true;
}

static bool b_is_due(void)
{
    return due_b > 0;
}

static bool b_run(void)
{
    if (due_b == 0) {
        return false;
    }
    due_b--;
    ran_b++;
    order[order_len++] = 'b';
    return true;
}

static const struct exec_post_switch action_a = {a_is_due, a_run};
static const struct exec_post_switch action_b = {b_is_due, b_run};

static void setup_thread(void)
{
    exec_sched_init();
    test_thread_init(&running, 10);
    running.state = EXEC_STATE_READY;
    running.preemptible = true;
    exec_sched_insert(&running, false);
    exec_executing = &running;
}

static bool isr_exit_wants_dispatch(void)
{
    exec_isr_enter();
    return exec_isr_leave();
}

static void actions_run_while_due(void **state)
{
    (void)state;
    setup_thread();
    assert_false(isr_exit_wants_dispatch());
    exec_dispatch_add_post_switch(&action_a);
    exec_dispatch_add_post_switch(&action_a);
    assert_false(isr_exit_wants_dispatch());
    due_a = 2;
    assert_true(isr_exit_wants_dispatch());
    exec_dispatch();
    assert_int_equal(ran_a, 2);
    assert_false(isr_exit_wants_dispatch());

    exec_dispatch_add_post_switch(&action_b);
    due_b = 1;
    assert_true(isr_exit_wants_dispatch());
    due_a = 1;
    exec_dispatch();
    assert_int_equal(ran_a, 3);
    assert_int_equal(ran_b, 1);
    /* The first registered runs first; each run checks dispatching again. */
    assert_memory_equal(order, "aaab", 4);
    assert_int_equal(order_len, 4);
    assert_false(isr_exit_wants_dispatch());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(actions_run_while_due),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
