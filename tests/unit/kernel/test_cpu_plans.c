/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of the boot check of the CPUs' views of the plans
 * (kernel/core/cpu_plans.c): tables built by hand must not be able to give
 * a CPU a plan that differs from the others'; a channel across CPUs, a
 * partition that moves and a module reset with windows on two CPUs pass,
 * with a partition that moves too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include "console.h"
#include "cpu_plans.h"
#include "hm.h"
#include "partition.h"
#include "pv/abi.h"

#define US 1000ull

static const struct cfg_window cpu0_windows[] = {{0, 0, 40 * US}, {1, 50 * US, 40 * US}};
static const struct cfg_plan plans[] = {{"main", 7, 100 * US, cpu0_windows, 2}};
/* CPU 1's view, changed by each test and put back by setup(). */
static struct cfg_plan cpu1_plans[1];
static const struct cfg_plan *views[2];
static const struct cfg_partition parts[3] = {{.name = "A"}, {.name = "B"}, {.name = "C"}};
/* A channel from B (port 0) to port 1: B's own, or C's (setup, tests). */
static struct cfg_port ports[2] = {{.name = "out", .partition = 1, .channel = 0},
                                   {.name = "in", .partition = 1, .channel = 0}};
static const uint32_t destinations[1] = {1};
static const struct cfg_channel channels[1] = {
    {.name = "bc", .source = 0, .destinations = destinations, .num_destinations = 1}};

const struct cfg_system cfg_system = {
    .name = "cpu-plans",
    .partitions = parts,
    .num_partitions = 3,
    .plans = plans,
    .num_plans = 1,
    .ports = ports,
    .num_ports = 2,
    .channels = channels,
    .num_channels = 1,
    .num_cpus = 2,
    .cpu_plans = views,
    .guard_ns = CFG_HANDOVER_MIN_GUARD_NS, /* enough for a partition to move */
};

/* The action the check asks about: this test's table, not hm.c's. */
static uint32_t c_action = PV_HM_ACTION_HALT;

/* The highest error id the check asked about, and how many questions. */
static uint32_t max_error_asked, errors_asked;

uint32_t hm_configured_action(const struct cfg_partition *cfg, uint32_t error)
{
    if (error > max_error_asked) {
        max_error_asked = error;
    }
    errors_asked++;
    return cfg == &parts[2] ? c_action : PV_HM_ACTION_HALT;
}

static int setup(void **state)
{
    (void)state;
    cpu1_plans[0] = (struct cfg_plan){"main", 7, 100 * US, NULL, 0};
    views[0] = plans;
    views[1] = cpu1_plans;
    ports[1].partition = 1;
    c_action = PV_HM_ACTION_HALT;
    max_error_asked = errors_asked = 0;
    return 0;
}

/* kprintf() prints through the console (console.c is not linked). */
void console_print_kernel_line(const char *line, int n)
{
    (void)line;
    (void)n;
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
    /* C alone on CPU 1: only the view's own faults can refuse it. */
    static const struct cfg_window overlap[] = {{2, 0, 40 * US}, {2, 30 * US, 10 * US}};
    static const struct cfg_window unknown[] = {{3, 0, 40 * US}};

    (void)state;
    cpu1_plans[0].windows = overlap;
    cpu1_plans[0].num_windows = 2;
    assert_true(check_panics());
    cpu1_plans[0].windows = unknown;
    cpu1_plans[0].num_windows = 1;
    assert_true(check_panics());
}

/* A window of C on CPU 1 runs there: C's CPU is 1, A's and B's 0. */
static void test_window_on_other_cpu_runs(void **state)
{
    static const struct cfg_window sound[] = {{2, 50 * US, 40 * US}};

    (void)state;
    cpu1_plans[0].windows = sound;
    cpu1_plans[0].num_windows = 1;
    assert_false(check_panics());
    assert_int_equal(cpu_plans_partition_cpu(2), 1);
    assert_int_equal(cpu_plans_partition_cpu(0), 0);
    assert_int_equal(cpu_plans_partition_cpu(1), 0);
}

/* A on CPU 0 and on CPU 1 (at another time, the guard time of 10 us
 * between): it moves between the CPUs (issue 20, step 3), which the check
 * accepts; its CPU is PART_CPU_MOVES, B's stays 0. */
static void test_partition_on_two_cpus_moves(void **state)
{
    static const struct cfg_window a_later[] = {{0, 50 * US, 40 * US}};

    (void)state;
    cpu1_plans[0].windows = a_later;
    cpu1_plans[0].num_windows = 1;
    assert_false(check_panics());
    assert_int_equal(cpu_plans_partition_cpu(0), PART_CPU_MOVES);
    assert_int_equal(cpu_plans_partition_cpu(1), 0);
}

/* The channel B -> C: fine on one CPU and across CPUs (issue 20's port
 * step: port.c runs a channel's two ends on two CPUs at once). */
static void test_channel_across_cpus_accepted(void **state)
{
    static const struct cfg_window c_on_1[] = {{2, 50 * US, 40 * US}};

    (void)state;
    ports[1].partition = 2;
    assert_false(check_panics());
    cpu1_plans[0].windows = c_on_1;
    cpu1_plans[0].num_windows = 1;
    assert_false(check_panics());
}

/* C may reset the module: accepted on one CPU and across CPUs (issue 20,
 * step 5: every CPU takes the reset at one frame start, sched_cpus.c); a
 * CPU then crosses every frame end in the kernel, where it takes it, even
 * with one plan and no window of its own. */
static void test_module_reset_across_cpus_accepted(void **state)
{
    static const struct cfg_window c_on_1[] = {{2, 50 * US, 40 * US}};

    (void)state;
    c_action = PV_HM_ACTION_RESET_MODULE;
    assert_false(check_panics());
    cpu1_plans[0].windows = c_on_1;
    cpu1_plans[0].num_windows = 1;
    assert_false(check_panics());
    cpu_plans_check(); /* here too: check_panics() runs it in a child */
    assert_true(cpu_plans_frames_in_kernel());
    c_action = PV_HM_ACTION_HALT_MODULE;
    assert_false(check_panics());
    cpu_plans_check();
    assert_false(cpu_plans_frames_in_kernel());
}

/* A moves between the CPUs and C may reset the module: accepted (refused
 * until session 12; the moving partition applies the reset on whichever
 * CPU takes it next, partition.c), frames crossed in the kernel. */
static void test_module_reset_where_partition_moves_accepted(void **state)
{
    static const struct cfg_window a_later[] = {{0, 50 * US, 40 * US}};

    (void)state;
    cpu1_plans[0].windows = a_later;
    cpu1_plans[0].num_windows = 1;
    c_action = PV_HM_ACTION_RESET_MODULE;
    assert_false(check_panics());
    cpu_plans_check();
    assert_int_equal(cpu_plans_partition_cpu(0), PART_CPU_MOVES);
    assert_true(cpu_plans_frames_in_kernel());
}

/* Whether a module reset can happen is asked of every partition for every
 * error of the ABI and nothing past them: the tables have spare entries
 * (CFG_HM_ERRORS), which are no errors, and hm.c's defaults end at the
 * last error. */
static void test_reset_question_covers_the_errors_only(void **state)
{
    (void)state;
    cpu_plans_check();
    assert_false(cpu_plans_frames_in_kernel());
    assert_int_equal(max_error_asked, PV_HM_ERROR_COUNT - 1);
    assert_int_equal(errors_asked, 3 * PV_HM_ERROR_COUNT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_reset_question_covers_the_errors_only, setup),
        cmocka_unit_test_setup(test_consistent_views_pass, setup),
        cmocka_unit_test_setup(test_first_view_is_the_plans, setup),
        cmocka_unit_test_setup(test_view_keeps_id_and_frame, setup),
        cmocka_unit_test_setup(test_view_windows_checked, setup),
        cmocka_unit_test_setup(test_window_on_other_cpu_runs, setup),
        cmocka_unit_test_setup(test_partition_on_two_cpus_moves, setup),
        cmocka_unit_test_setup(test_channel_across_cpus_accepted, setup),
        cmocka_unit_test_setup(test_module_reset_across_cpus_accepted, setup),
        cmocka_unit_test_setup(test_module_reset_where_partition_moves_accepted, setup),
    };

    return cmocka_run_group_tests(tests, 0, 0);
}
