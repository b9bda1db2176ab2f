/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of the boot check of the CPUs' views of the plans
 * (kernel/core/cpu_plans.c): tables built by hand must not be able to give
 * a CPU a plan that differs from the others', or windows the kernel would
 * not run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include "console.h"
#include "cpu_plans.h"

#define US 1000ull

static const struct cfg_window cpu0_windows[] = {{0, 0, 40 * US}, {1, 50 * US, 40 * US}};
static const struct cfg_plan plans[] = {{"main", 7, 100 * US, cpu0_windows, 2}};
/* CPU 1's view, changed by each test and put back by setup(). */
static struct cfg_plan cpu1_plans[1];
static const struct cfg_plan *views[2];

const struct cfg_system cfg_system = {
    .name = "cpu-plans",
    .num_partitions = 2,
    .plans = plans,
    .num_plans = 1,
    .num_cpus = 2,
    .cpu_plans = views,
};

static int setup(void **state)
{
    (void)state;
    cpu1_plans[0] = (struct cfg_plan){"main", 7, 100 * US, 0, 0};
    views[0] = plans;
    views[1] = cpu1_plans;
    return 0;
}

/* kprintf() flushes the partitions' console rings first; this test has no
 * partitions (console.c is not linked). */
void console_flush_all(void)
{
}

/* Runs cpu_plans_check() in a child: whether it panicked. */
static int check_panics(void)
{
    pid_t pid = fork();
    int status;

    if (pid == 0) {
        cpu_plans_check();
        _exit(0);
    }
    assert_true(pid > 0);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return !WIFEXITED(status) || WEXITSTATUS(status) != 0;
}

static void test_consistent_views_pass(void **state)
{
    (void)state;
    assert_int_equal(cpu_count(), 2);
    assert_false(check_panics());
}

static void test_first_view_is_the_plans(void **state)
{
    (void)state;
    views[0] = cpu1_plans;
    assert_true(check_panics());
}

static void test_view_keeps_id_and_frame(void **state)
{
    (void)state;
    cpu1_plans[0].id = 8;
    assert_true(check_panics());
    cpu1_plans[0].id = 7;
    cpu1_plans[0].major_frame_ns = 200 * US;
    assert_true(check_panics());
}

static void test_view_windows_checked(void **state)
{
    static const struct cfg_window overlap[] = {{0, 0, 40 * US}, {1, 30 * US, 10 * US}};
    static const struct cfg_window unknown[] = {{2, 0, 40 * US}};

    (void)state;
    cpu1_plans[0].windows = overlap;
    cpu1_plans[0].num_windows = 2;
    assert_true(check_panics());
    cpu1_plans[0].windows = unknown;
    cpu1_plans[0].num_windows = 1;
    assert_true(check_panics());
}

/* A sound window on CPU 1 is refused too: the kernel does not run CPU 1's
 * table yet, and a window that never runs must not boot silently. */
static void test_window_on_other_cpu_refused(void **state)
{
    static const struct cfg_window sound[] = {{0, 50 * US, 40 * US}};

    (void)state;
    cpu1_plans[0].windows = sound;
    cpu1_plans[0].num_windows = 1;
    assert_true(check_panics());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_consistent_views_pass, setup),
        cmocka_unit_test_setup(test_first_view_is_the_plans, setup),
        cmocka_unit_test_setup(test_view_keeps_id_and_frame, setup),
        cmocka_unit_test_setup(test_view_windows_checked, setup),
        cmocka_unit_test_setup(test_window_on_other_cpu_refused, setup),
    };

    return cmocka_run_group_tests(tests, 0, 0);
}
