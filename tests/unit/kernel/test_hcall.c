/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of hypercall dispatch and the first hypercalls, through the
 * host stand-in architecture. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "fake_arch.h"
#include "console.h"
#include "hcall.h"
#include "partition.h"
#include "pv/abi.h"

static const struct cfg_area areas[] = {
    {"code", FAKE_RAM_BASE, 0x40000000, 0x1000, CFG_AREA_READ | CFG_AREA_EXEC},
    {"data", FAKE_RAM_BASE + 0x1000, 0x40100000, 0x1000, CFG_AREA_READ | CFG_AREA_WRITE},
};
static const struct cfg_partition cfg = {
    .name = "P1", .id = 1, .initial_mode = CFG_MODE_NORMAL, .areas = areas, .num_areas = 2};
const struct cfg_system cfg_system = {
    .name = "unit", .partitions = &cfg, .num_partitions = 1, .console_input = CFG_NO_PARTITION};
static struct partition p;

/* Stand-in for the scheduler: only plan 7 exists. */
int kernel_plan_switch(uint32_t plan_id)
{
    return plan_id == 7 ? 0 : -1;
}
static struct pv_shared shared;

static int32_t call(uint32_t nr, uint32_t a0, uint32_t a1)
{
    p.ctx.regs[0] = nr;
    p.ctx.regs[1] = a0;
    p.ctx.regs[2] = a1;
    hcall_dispatch(&p);
    return (int32_t)p.ctx.regs[0];
}

static int setup(void **state)
{
    (void)state;
    memset(&p, 0, sizeof(p));
    memset(&shared, 0, sizeof(shared));
    p.cfg = &cfg;
    p.shared = &shared;
    p.state = PART_READY;
    memset(fake_ram, 0, sizeof(fake_ram));
    memset(fake_console, 0, sizeof(fake_console));
    fake_console_len = 0;
    return 0;
}

static void test_unknown_numbers(void **state)
{
    (void)state;
    assert_int_equal(call(PV_HC_COUNT, 0, 0), PV_ENOSYS);
    assert_int_equal(call(0x80000000u, 0, 0), PV_ENOSYS);
    assert_int_equal(call(0xffffffffu, 0, 0), PV_ENOSYS);
    assert_int_equal(p.state, PART_READY);
    assert_int_equal(fake_console_len, 0);
}

static void test_console_write(void **state)
{
    (void)state;
    memcpy(fake_ram + 0x1000, "hello\nrest", 10);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x40100000, 10), 10);
    /* Only the complete line is out; "rest" waits for its newline. */
    assert_string_equal(fake_console, "[P1] hello\n");
    memcpy(fake_ram + 0x1010, "!\n", 2);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x40100010, 2), 2);
    assert_string_equal(fake_console, "[P1] hello\n[P1] rest!\n");
}

static void test_console_write_bad_arguments(void **state)
{
    (void)state;
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x40100ffe, 3), PV_EFAULT);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x00100000, 3), PV_EFAULT);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0xffffffff, 2), PV_EFAULT);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x40100000, PV_CONSOLE_WRITE_MAX + 1), PV_ERANGE);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0, 0), 0);
    assert_int_equal(fake_console_len, 0);
    assert_int_equal(p.line_len, 0);
}

static void test_console_control_characters(void **state)
{
    (void)state;
    memcpy(fake_ram + 0x1000, "a\033[2Jb\r\n", 8);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x40100000, 8), 8);
    assert_string_equal(fake_console, "[P1] a?[2Jb\n");
}

static void test_console_long_line_is_split(void **state)
{
    (void)state;
    memset(fake_ram + 0x1000, 'x', CONSOLE_LINE_MAX + 1);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x40100000, CONSOLE_LINE_MAX + 1),
                     CONSOLE_LINE_MAX + 1);
    assert_int_equal(fake_console_len, 5 + CONSOLE_LINE_MAX + 1);
    assert_int_equal(p.line_len, 1);
}

static void test_console_write_is_bounded(void **state)
{
    int32_t took;

    (void)state;
    /* 1000 newlines would print 1000 prefixed lines: the kernel stops
     * taking input after CONSOLE_OUTPUT_PER_CALL characters. */
    memset(fake_ram + 0x1000, '\n', 1000);
    took = call(PV_HC_CONSOLE_WRITE, 0x40100000, 1000);
    assert_true(took > 0 && took < 1000);
    assert_true(fake_console_len >= CONSOLE_OUTPUT_PER_CALL &&
                fake_console_len < CONSOLE_OUTPUT_PER_CALL + CONSOLE_LINE_MAX + 16);
    assert_int_equal(fake_console_len, (unsigned)took * 6); /* "[P1] \n" per newline */
}

static void test_plan_switch_needs_a_system_partition(void **state)
{
    struct cfg_partition sys = cfg;

    (void)state;
    assert_int_equal(call(PV_HC_PLAN_SWITCH, 7, 0), PV_EPERM);
    sys.flags = CFG_PART_SYSTEM;
    p.cfg = &sys;
    assert_int_equal(call(PV_HC_PLAN_SWITCH, 7, 0), PV_OK);
    assert_int_equal(call(PV_HC_PLAN_SWITCH, 8, 0), PV_ENOENT);
    p.cfg = &cfg;
}

static void test_time_get(void **state)
{
    uint64_t t;

    (void)state;
    fake_time_ns = 0x123456789abcull;
    assert_int_equal(call(PV_HC_TIME_GET, 0x40100008, 0), PV_OK);
    memcpy(&t, fake_ram + 0x1008, sizeof(t));
    assert_int_equal(t, 0x123456789abcull);
    assert_int_equal(call(PV_HC_TIME_GET, 0x40000000, 0), PV_EFAULT); /* read-only */
    assert_int_equal(call(PV_HC_TIME_GET, 0x40100ffc, 0), PV_EFAULT); /* straddles the end */
    assert_int_equal(call(PV_HC_TIME_GET, 0, 0), PV_EFAULT);
}

static void test_idle_and_halt(void **state)
{
    (void)state;
    assert_int_equal(call(PV_HC_IDLE, 0, 0), PV_OK);
    assert_int_equal(p.state, PART_IDLE);
    p.state = PART_READY;
    memcpy(fake_ram + 0x1000, "partial", 7);
    call(PV_HC_CONSOLE_WRITE, 0x40100000, 7);
    assert_int_equal(call(PV_HC_HALT_SELF, 0, 0), PV_OK);
    assert_int_equal(p.state, PART_HALTED);
    /* Halting flushes what the partition had not yet ended with a newline. */
    assert_non_null(strstr(fake_console, "[P1] partial\n"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_unknown_numbers, setup),
        cmocka_unit_test_setup(test_console_write, setup),
        cmocka_unit_test_setup(test_console_write_bad_arguments, setup),
        cmocka_unit_test_setup(test_console_control_characters, setup),
        cmocka_unit_test_setup(test_console_long_line_is_split, setup),
        cmocka_unit_test_setup(test_console_write_is_bounded, setup),
        cmocka_unit_test_setup(test_plan_switch_needs_a_system_partition, setup),
        cmocka_unit_test_setup(test_time_get, setup),
        cmocka_unit_test_setup(test_idle_and_halt, setup),
    };

    return cmocka_run_group_tests_name("hcall", tests, NULL, NULL);
}
