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
#include "pv/status.h"
#include "schedule.h"

static const struct cfg_area areas[] = {
    {"code", FAKE_RAM_BASE, 0x40000000, 0x1000, CFG_AREA_READ | CFG_AREA_EXEC},
    {"data", FAKE_RAM_BASE + 0x1000, 0x40100000, 0x1000, CFG_AREA_READ | CFG_AREA_WRITE},
};
static const struct cfg_partition cfg = {
    .name = "P1", .id = 1, .initial_mode = CFG_MODE_NORMAL, .areas = areas, .num_areas = 2};
/* One plan, id 7, found by a one-slot id table. */
static const struct cfg_plan plans[] = {{.name = "plan7", .id = 7}};
static const uint8_t plan_slot[] = {0};
const struct cfg_system cfg_system = {.name = "unit",
                                      .partitions = &cfg,
                                      .num_partitions = 1,
                                      .console_input = CFG_NO_PARTITION,
                                      .partition_ids = FAKE_IDS_1_2,
                                      .plans = plans,
                                      .num_plans = 1,
                                      .plan_ids = {plan_slot, 0, 0}};
static struct partition p;

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
    fake_console_room = -1;
    fake_time_ns = 0;
    /* A plan in force, as the kernel has before any hypercall: a plan
     * request works out the guard band of its slot (sched.h). */
    sched_start(&schedule.sched, &plans[0], 0);
    schedule.current = NULL;
    return 0;
}

/* The end of a kernel entry in a slot of p that ends far away. */
static void drain(void)
{
    console_drain(&p, 1000000000ull);
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
    /* The call only queues: the line goes out at the end of the entry. */
    assert_int_equal(fake_console_len, 0);
    drain();
    /* Only the complete line is out; "rest" waits for its newline. */
    assert_string_equal(fake_console, "[P1] hello\r\n");
    memcpy(fake_ram + 0x1010, "!\n", 2);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x40100010, 2), 2);
    drain();
    assert_string_equal(fake_console, "[P1] hello\r\n[P1] rest!\r\n");
}

static void test_console_write_bad_arguments(void **state)
{
    (void)state;
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x40100ffe, 3), PV_EFAULT);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x00100000, 3), PV_EFAULT);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0xffffffff, 2), PV_EFAULT);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x40100000, PV_CONSOLE_WRITE_MAX + 1), PV_ERANGE);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0, 0), 0);
    drain();
    assert_int_equal(fake_console_len, 0);
    assert_int_equal(p.line_len, 0);
}

static void test_console_control_characters(void **state)
{
    (void)state;
    memcpy(fake_ram + 0x1000, "a\033[2Jb\r\n", 8);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x40100000, 8), 8);
    drain();
    assert_string_equal(fake_console, "[P1] a?[2Jb\r\n");
}

static void test_console_long_line_is_split(void **state)
{
    (void)state;
    memset(fake_ram + 0x1000, 'x', CONSOLE_LINE_MAX + 1);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x40100000, CONSOLE_LINE_MAX + 1),
                     CONSOLE_WRITE_PER_CALL);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x40100000 + CONSOLE_WRITE_PER_CALL,
                          CONSOLE_LINE_MAX + 1 - CONSOLE_WRITE_PER_CALL),
                     CONSOLE_LINE_MAX + 1 - CONSOLE_WRITE_PER_CALL);
    drain();
    assert_int_equal(fake_console_len, 5 + CONSOLE_LINE_MAX + 2);
    assert_int_equal(p.line_len, 1);
}

static void test_console_write_is_bounded(void **state)
{
    int32_t took;

    (void)state;
    /* Every byte counts against the bound, '\r' (which prints nothing)
     * as much as '\n' (which makes a whole prefixed line). */
    memset(fake_ram + 0x1000, '\r', 4096);
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x40100000, 4096), CONSOLE_WRITE_PER_CALL);
    memset(fake_ram + 0x1000, '\n', 1000);
    took = call(PV_HC_CONSOLE_WRITE, 0x40100000, 1000);
    /* 256 prefixed lines would not fit in the ring: the call stops when it
     * has no room for a longest line. */
    assert_true(took > 0 && took < (int32_t)CONSOLE_WRITE_PER_CALL);
    assert_int_equal(fake_console_len, 0);
    assert_int_equal(p.console.len, (uint32_t)took * 7); /* "[P1] \r\n" */
    assert_true(p.console.len > CONSOLE_RING_SIZE - CONSOLE_RING_LINE_MAX);
    drain();
    assert_int_equal(fake_console_len, (uint32_t)took * 7);
}

static void test_console_full_ring_drops_whole_lines(void **state)
{
    struct pv_partition_status st;
    uint32_t queued, dropped, calls = 0;
    int early = 0;

    (void)state;
    memset(fake_ram + 0x1000, 'y', 100);
    for (int i = 49; i < 100; i += 50) {
        fake_ram[0x1000 + i] = '\n';
    }
    /* No drain (the window is in its margin): the ring fills. A call that
     * has queued a line and leaves no room for a longest one returns early,
     * so that the caller could wait; the next call finds no room and loses
     * its lines, counted. */
    fake_time_ns = 1000000000ull - CONSOLE_DRAIN_MARGIN_NS;
    do {
        early |= call(PV_HC_CONSOLE_WRITE, 0x40100000, 100) < 100;
        drain();
    } while (p.console.dropped == 0 && ++calls < 100);
    assert_true(early);
    assert_int_equal(fake_console_len, 0);
    queued = p.console.len;
    dropped = p.console.dropped;
    assert_true(queued > CONSOLE_RING_SIZE - CONSOLE_RING_LINE_MAX);
    assert_int_equal(dropped % 50, 0); /* whole lines of 50 bytes */
    /* From now on every call takes its bytes and loses its lines. */
    assert_int_equal(call(PV_HC_CONSOLE_WRITE, 0x40100000, 100), 100);
    assert_int_equal(p.console.len, queued);
    assert_int_equal(p.console.dropped, dropped + 100);
    assert_int_equal(call(PV_HC_PART_STATUS, PV_PART_SELF, 0x40100800), PV_OK);
    memcpy(&st, fake_ram + 0x1800, sizeof(st));
    assert_int_equal(st.console_dropped, dropped + 100);
    /* In the next window what was queued goes out: whole lines only. */
    fake_time_ns = 0;
    drain();
    assert_int_equal(fake_console_len, queued);
    assert_int_equal(queued % 56, 0); /* "[P1] " + 49 + "\r\n" */
    for (const char *l = fake_console; *l; l = strchr(l, '\n') + 1) {
        assert_int_equal(strncmp(l, "[P1] yyy", 8), 0);
    }
}

static void test_console_drain_waits_for_its_time(void **state)
{
    static const struct cfg_partition cfg2 = {
        .name = "P2", .id = 2, .initial_mode = CFG_MODE_NORMAL, .areas = areas, .num_areas = 2};
    static struct partition p2;

    (void)state;
    memset(&p2, 0, sizeof(p2));
    p2.cfg = &cfg2;
    memcpy(fake_ram + 0x1000, "one\n", 4);
    call(PV_HC_CONSOLE_WRITE, 0x40100000, 4);
    /* Within the margin before the slot end, or with a busy UART: nothing. */
    fake_time_ns = 1000;
    console_drain(&p, 1000 + CONSOLE_DRAIN_MARGIN_NS);
    console_drain(&p, 500);
    fake_console_room = 0;
    drain();
    assert_int_equal(fake_console_len, 0);
    /* The UART takes three bytes, then is busy: P1's line is half out... */
    fake_console_room = 3;
    drain();
    assert_string_equal(fake_console, "[P1");
    /* ... and P2 may not print into the middle of it, */
    console_partition_write(&p2, "other\n", 6);
    fake_console_room = -1;
    console_drain(&p2, 1000000000ull);
    assert_string_equal(fake_console, "[P1");
    /* until P1, in its next window, has finished it. */
    drain();
    console_drain(&p2, 1000000000ull);
    assert_string_equal(fake_console, "[P1] one\r\n[P2] other\r\n");
}

static void test_console_kernel_line_flushes_first(void **state)
{
    static const struct cfg_partition cfg2 = {
        .name = "P2", .id = 2, .initial_mode = CFG_MODE_NORMAL, .areas = areas, .num_areas = 2};
    static struct partition p2;

    (void)state;
    memset(&p2, 0, sizeof(p2));
    p2.cfg = &cfg2;
    memcpy(fake_ram + 0x1000, "last words\n", 11);
    fake_console_room = 0; /* nothing drained in the partitions' time */
    call(PV_HC_CONSOLE_WRITE, 0x40100000, 11);
    drain();
    console_partition_write(&p2, "neighbour\n", 10);
    fake_console_room = -1;
    assert_int_equal(fake_console_len, 0);
    /* A kernel line about P1 when no partition runs: P1's output first,
     * then the line; P2's ring moves only in P2's time. (p is not in
     * partitions[]: its own ring must still be printed.) */
    console_partition_event(&p, "[tessera] partition P1 stopped\n");
    assert_string_equal(fake_console, "[P1] last words\r\n[tessera] partition P1 stopped\n");
    assert_int_equal(p2.console.len, 16);
    console_drain(&p2, 1000000000ull);
    assert_string_equal(fake_console,
                        "[P1] last words\r\n[tessera] partition P1 stopped\n[P2] neighbour\r\n");
}

static void test_console_drain_sends_whole_lines(void **state)
{
    (void)state;
    memcpy(fake_ram + 0x1000, "0123456789\n0123456789abcdefghij\n", 32);
    call(PV_HC_CONSOLE_WRITE, 0x40100000, 32);
    /* "[P1] 0123456789\r\n" is 17 bytes: a line starts only while there is
     * time for all of it before the margin, and the next (27 bytes) waits. */
    fake_time_ns = 1000;
    console_drain(&p, 1000 + CONSOLE_DRAIN_MARGIN_NS + 17 * CONSOLE_DRAIN_BYTE_NS);
    assert_int_equal(fake_console_len, 0);
    console_drain(&p, 1001 + CONSOLE_DRAIN_MARGIN_NS + 17 * CONSOLE_DRAIN_BYTE_NS);
    assert_string_equal(fake_console, "[P1] 0123456789\r\n");
    assert_int_equal(p.console.len, 27);
}

static void test_plan_switch_needs_a_system_partition(void **state)
{
    struct cfg_partition sys = cfg;

    (void)state;
    schedule.current = &p; /* the plan line is the caller's cost */
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

/* PV_HC_PART_STATUS reports each kernel state as the ABI numbers it
 * (pv/abi.h PV_STATE_*): a guest compares with those. */
static void test_status_states_are_the_abis(void **state)
{
    static const struct {
        enum part_state kernel;
        uint32_t abi;
    } states[] = {{PART_READY, PV_STATE_READY},
                  {PART_IDLE, PV_STATE_IDLE},
                  {PART_HALTED, PV_STATE_HALTED},
                  {PART_STOPPED, PV_STATE_STOPPED},
                  {PART_LOADING, PV_STATE_RESTARTING}};
    struct pv_partition_status st;

    (void)state;
    for (size_t i = 0; i < sizeof(states) / sizeof(states[0]); i++) {
        p.state = states[i].kernel;
        assert_int_equal(call(PV_HC_PART_STATUS, PV_PART_SELF, 0x40100800), PV_OK);
        memcpy(&st, fake_ram + 0x1800, sizeof(st));
        assert_int_equal(st.state, states[i].abi);
    }
    p.state = PART_READY;
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
    assert_non_null(strstr(fake_console, "[P1] partial\r\n"));
}

static void test_own_event_line_is_queued(void **state)
{
    (void)state;
    schedule.current = &p;
    memcpy(fake_ram + 0x1000, "partial", 7);
    call(PV_HC_CONSOLE_WRITE, 0x40100000, 7);
    /* Its own halt, near its window's end: the kernel's line about it waits
     * in its ring, behind its unfinished line, for its next window. */
    fake_time_ns = 1000000000ull - CONSOLE_DRAIN_MARGIN_NS;
    assert_int_equal(call(PV_HC_HALT_SELF, 0, 0), PV_OK);
    drain();
    assert_int_equal(fake_console_len, 0);
    fake_time_ns = 0;
    drain();
    assert_string_equal(fake_console, "[P1] partial\r\n[tessera] partition P1 halted\r\n");
}

static void test_event_line_on_a_full_ring_is_dropped(void **state)
{
    uint32_t queued;

    (void)state;
    schedule.current = &p;
    memset(fake_ram + 0x1000, 'z', 100);
    fake_ram[0x1000 + 99] = '\n';
    fake_console_room = 0;
    /* Fill its ring up to less than a longest line plus the event's room. */
    while (p.console.len + CONSOLE_RING_LINE_MAX + 2u * 40u <= CONSOLE_RING_SIZE) {
        call(PV_HC_CONSOLE_WRITE, 0x40100000, 100);
    }
    queued = p.console.len;
    /* A fault's line then costs it the line (counted), not a synchronous
     * print of its whole ring (a long kernel path at any moment). */
    console_partition_event(&p, "[tessera] hm: partition P1: an error -> propagate\n");
    assert_int_equal(fake_console_len, 0);
    assert_int_equal(p.console.len, queued);
    assert_int_equal(p.console.dropped, 50);
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
        cmocka_unit_test_setup(test_console_full_ring_drops_whole_lines, setup),
        cmocka_unit_test_setup(test_console_drain_waits_for_its_time, setup),
        cmocka_unit_test_setup(test_console_kernel_line_flushes_first, setup),
        cmocka_unit_test_setup(test_console_drain_sends_whole_lines, setup),
        cmocka_unit_test_setup(test_plan_switch_needs_a_system_partition, setup),
        cmocka_unit_test_setup(test_time_get, setup),
        cmocka_unit_test_setup(test_status_states_are_the_abis, setup),
        cmocka_unit_test_setup(test_idle_and_halt, setup),
        cmocka_unit_test_setup(test_own_event_line_is_queued, setup),
        cmocka_unit_test_setup(test_event_line_on_a_full_ring_is_dropped, setup),
    };

    return cmocka_run_group_tests_name("hcall", tests, NULL, NULL);
}
