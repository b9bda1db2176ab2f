/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of the cyclic schedule tables and their evaluation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "sched.h"

#define MS 1000000ull

/* P0 [0,10) idle [10,20) P1 [20,25) P2 [25,40) idle [40,50) */
static const struct cfg_window windows[] = {
    {0, 0, 10 * MS},
    {1, 20 * MS, 5 * MS},
    {2, 25 * MS, 15 * MS},
};
static const struct cfg_plan plan = {"p", 0, 50 * MS, windows, 3};

static void check_plan(const struct cfg_window *w, uint32_t n, uint64_t maf,
                       enum sched_plan_error want)
{
    struct cfg_plan p = {"t", 0, maf, w, n};

    assert_int_equal(sched_plan_check(&p, 3), want);
}

static void test_plan_check(void **state)
{
    (void)state;
    check_plan(windows, 3, 50 * MS, SCHED_PLAN_OK);
    check_plan(windows, 0, 50 * MS, SCHED_PLAN_OK); /* all idle is allowed */
    check_plan(windows, 3, 0, SCHED_PLAN_NO_FRAME);
    check_plan(windows, 3, 39 * MS, SCHED_PLAN_OVERFLOW);
    check_plan(windows, 3, 40 * MS, SCHED_PLAN_OK); /* last window ends exactly at the frame */

    const struct cfg_window zero[] = {{0, 0, 0}};
    check_plan(zero, 1, MS, SCHED_PLAN_ZERO_WINDOW);
    const struct cfg_window overlap[] = {{0, 0, 10}, {1, 9, 5}};
    check_plan(overlap, 2, MS, SCHED_PLAN_UNSORTED);
    const struct cfg_window touching[] = {{0, 0, 10}, {1, 10, 5}};
    check_plan(touching, 2, MS, SCHED_PLAN_OK);
    const struct cfg_window unsorted[] = {{0, 20, 5}, {1, 0, 5}};
    check_plan(unsorted, 2, MS, SCHED_PLAN_UNSORTED);
    const struct cfg_window at_end[] = {{0, MS, 1}};
    check_plan(at_end, 1, MS, SCHED_PLAN_OVERFLOW);
    /* offset + duration would wrap around 2^64 */
    const struct cfg_window wrap[] = {{0, 10, UINT64_MAX - 5}};
    check_plan(wrap, 1, MS, SCHED_PLAN_OVERFLOW);
    const struct cfg_window bad_part[] = {{3, 0, 10}};
    check_plan(bad_part, 1, MS, SCHED_PLAN_BAD_PARTITION);
}

static void expect_slot(uint64_t offset, uint32_t part, uint64_t start, uint64_t end)
{
    struct sched_slot s;

    sched_slot_at(&plan, offset, &s);
    assert_int_equal(s.partition, part);
    assert_int_equal(s.start, start);
    assert_int_equal(s.end, end);
}

static void test_slot_at(void **state)
{
    (void)state;
    expect_slot(0, 0, 0, 10 * MS);
    expect_slot(10 * MS - 1, 0, 0, 10 * MS);
    expect_slot(10 * MS, SCHED_IDLE, 10 * MS, 20 * MS); /* ends are exclusive */
    expect_slot(19 * MS, SCHED_IDLE, 10 * MS, 20 * MS);
    expect_slot(20 * MS, 1, 20 * MS, 25 * MS);
    expect_slot(25 * MS, 2, 25 * MS, 40 * MS); /* back-to-back windows */
    expect_slot(40 * MS, SCHED_IDLE, 40 * MS, 50 * MS);
    expect_slot(50 * MS - 1, SCHED_IDLE, 40 * MS, 50 * MS);
}

static void test_slot_leading_gap_and_empty_plan(void **state)
{
    const struct cfg_window late[] = {{1, 5, 5}};
    struct cfg_plan p = {"t", 0, 100, late, 1};
    struct cfg_plan empty = {"e", 0, 100, late, 0};
    struct sched_slot s;

    (void)state;
    sched_slot_at(&p, 0, &s);
    assert_int_equal(s.partition, SCHED_IDLE);
    assert_int_equal(s.start, 0);
    assert_int_equal(s.end, 5);
    sched_slot_at(&empty, 42, &s);
    assert_int_equal(s.partition, SCHED_IDLE);
    assert_int_equal(s.start, 0);
    assert_int_equal(s.end, 100);
}

static void test_advance_follows_the_frame(void **state)
{
    struct sched_state s;
    const uint64_t t0 = 1234567;
    const uint32_t owners[] = {0, SCHED_IDLE, 1, 2, SCHED_IDLE};

    (void)state;
    sched_start(&s, &plan, t0);
    assert_int_equal(s.slot.partition, 0);
    assert_int_equal(sched_slot_deadline(&s), t0 + 10 * MS);
    for (int frame = 0; frame < 3; frame++) {
        for (int i = 0; i < 5; i++) {
            if (frame == 0 && i == 0) {
                continue;
            }
            /* The interrupt arrives a little late, as on real hardware. */
            assert_int_equal(sched_advance(&s, sched_slot_deadline(&s) + 777), 1);
            assert_int_equal(s.slot.partition, owners[i]);
        }
    }
    /* Lateness never moved the grid: frame 3 starts at exactly t0 + 3 MAF. */
    assert_int_equal(sched_advance(&s, sched_slot_deadline(&s) + 777), 1);
    assert_int_equal(s.frame_start, t0 + 3 * 50 * MS);
    assert_int_equal(s.frames, 4);
}

static void test_advance_early_timer_keeps_slot(void **state)
{
    struct sched_state s;

    (void)state;
    sched_start(&s, &plan, 0);
    assert_int_equal(sched_advance(&s, 10 * MS - 1), 0);
    assert_int_equal(s.slot.partition, 0);
    assert_int_equal(sched_slot_deadline(&s), 10 * MS);
}

static void test_advance_skips_lost_frames_on_the_grid(void **state)
{
    struct sched_state s;

    (void)state;
    sched_start(&s, &plan, 100);
    assert_int_equal(sched_advance(&s, 100 + 3 * 50 * MS + 21 * MS), 1);
    assert_int_equal(s.frame_start, 100 + 3 * 50 * MS);
    assert_int_equal(s.frames, 4);
    assert_int_equal(s.slot.partition, 1);
}

static void test_advance_single_window_restarts_each_frame(void **state)
{
    const struct cfg_window all[] = {{0, 0, 100}};
    struct cfg_plan p = {"t", 0, 100, all, 1};
    struct sched_state s;

    (void)state;
    sched_start(&s, &p, 0);
    /* Same partition, same offsets, but a new window: must report a change
     * so that a partition waiting for its next window is woken. */
    assert_int_equal(sched_advance(&s, 100), 1);
    assert_int_equal(s.frame_start, 100);
}

static void test_plan_switch_at_frame_boundary(void **state)
{
    const struct cfg_window other_windows[] = {{1, 5 * MS, 5 * MS}};
    const struct cfg_plan other = {"o", 1, 20 * MS, other_windows, 1};
    struct sched_state s;

    (void)state;
    sched_start(&s, &plan, 0);
    assert_int_equal(sched_advance(&s, 20 * MS), 1); /* into P1's window */
    sched_request_plan(&s, &other);
    /* The rest of this frame follows the old plan... */
    assert_int_equal(sched_advance(&s, 25 * MS), 1);
    assert_int_equal(s.slot.partition, 2);
    assert_ptr_equal(s.plan, &plan);
    assert_int_equal(sched_advance(&s, 40 * MS), 1);
    assert_int_equal(s.slot.partition, SCHED_IDLE);
    /* ...and the new plan starts exactly at its end (50 ms), late
     * interrupt or not. */
    assert_int_equal(sched_advance(&s, 50 * MS + 300), 1);
    assert_ptr_equal(s.plan, &other);
    assert_int_equal(s.frame_start, 50 * MS);
    assert_int_equal(s.slot.partition, SCHED_IDLE); /* [0, 5) of the new plan */
    assert_int_equal(sched_slot_deadline(&s), 55 * MS);
    assert_int_equal(sched_advance(&s, 55 * MS), 1);
    assert_int_equal(s.slot.partition, 1);
    /* New frames follow the new major frame. */
    assert_int_equal(sched_advance(&s, 70 * MS), 1);
    assert_int_equal(s.frame_start, 70 * MS);
}

static void test_guard_band(void **state)
{
    /* P0 [0,10) P1 [10,12) P1 [12,20) idle [20,23) P2 [23,30) P0 [40,50),
     * frame 50: the guard depends on who comes next and after what gap. */
    const struct cfg_window w[] = {
        {0, 0, 10}, {1, 10, 2}, {1, 12, 8}, {2, 23, 7}, {0, 40, 10},
    };
    const struct cfg_plan p = {"g", 0, 50, w, 5};
    const struct cfg_window ow[] = {{0, 1, 10}};
    const struct cfg_plan other = {"o", 1, 20, ow, 1};
    struct sched_state s;

    (void)state;
    sched_start(&s, &p, 0);
    assert_int_equal(sched_guard(&s, 5), 5); /* P1 follows at once */
    assert_int_equal(sched_guard(&s, 0), 0); /* no guard configured */
    assert_int_equal(sched_advance(&s, 10), 1);
    assert_int_equal(sched_guard(&s, 5), 0); /* P1's own window follows */
    assert_int_equal(sched_advance(&s, 12), 1);
    assert_int_equal(sched_guard(&s, 5), 2); /* 3 idle before P2: 5 - 3 */
    assert_int_equal(sched_guard(&s, 3), 0); /* the gap is the guard */
    assert_int_equal(sched_advance(&s, 20), 1);
    assert_int_equal(sched_guard(&s, 5), 0); /* idle slot */
    assert_int_equal(sched_advance(&s, 23), 1);
    assert_int_equal(sched_guard(&s, 12), 2);  /* 10 idle before P0 */
    assert_int_equal(sched_guard(&s, 100), 7); /* never longer than the slot */
    assert_int_equal(sched_advance(&s, 30), 1);
    assert_int_equal(sched_advance(&s, 40), 1);
    /* The frame's last window: P0 again at 0 of the next frame. */
    assert_int_equal(sched_guard(&s, 5), 0);
    /* Unless a plan switch brings another owner... */
    sched_request_plan(&s, &other);
    assert_int_equal(sched_guard(&s, 5), 0); /* other starts with P0 too, at 1 */
    const struct cfg_window ow2[] = {{2, 1, 10}};
    const struct cfg_plan other2 = {"o2", 2, 20, ow2, 1};
    sched_request_plan(&s, &other2);
    assert_int_equal(sched_guard(&s, 5), 4); /* P2 at 1 of the new plan: 5 - 1 */
    const struct cfg_plan empty = {"e", 3, 20, ow2, 0};
    sched_request_plan(&s, &empty);
    assert_int_equal(sched_guard(&s, 5), 0); /* nobody runs next */
}

/* The band kept in the schedule (sched_slot_guard) is sched_guard() of
 * the slot and next plan of the moment, along every path that changes
 * them: the next slot, a frame end, a jump over slots and frames, a plan
 * request and its cancellation, a switch at the frame end, a restart. */
static void test_guard_kept(void **state)
{
    const struct cfg_window w[] = {
        {0, 0, 10}, {1, 10, 2}, {1, 12, 8}, {2, 23, 7}, {0, 40, 10},
    };
    const struct cfg_plan p = {"g", 0, 50, w, 5};
    const struct cfg_window ow[] = {{2, 1, 10}};
    const struct cfg_plan other = {"o", 1, 20, ow, 1};
    struct sched_state s;

    (void)state;
    sched_start(&s, &p, 0);
    assert_int_equal(sched_slot_guard(&s), 0); /* no guard time yet */
    sched_set_guard_time(&s, 5);
    assert_int_equal(sched_slot_guard(&s), 5);
    for (uint64_t t = 0; t < 200; t += t % 7 ? 1 : 13) {
        sched_advance(&s, t);
        assert_int_equal(sched_slot_guard(&s), sched_guard(&s, 5));
    }
    sched_start(&s, &p, 0);
    sched_set_guard_time(&s, 5);
    assert_int_equal(sched_advance(&s, 45), 1);
    assert_int_equal(sched_slot_guard(&s), 0); /* P0 again at 0 */
    sched_request_plan(&s, &other);
    assert_int_equal(sched_slot_guard(&s), 4); /* P2 at 1 of the new plan */
    sched_request_plan(&s, &p);
    assert_int_equal(sched_slot_guard(&s), 0);
    sched_request_plan(&s, &other);
    assert_int_equal(sched_advance(&s, 51), 1); /* the switch */
    assert_ptr_equal(s.plan, &other);
    assert_int_equal(sched_slot_guard(&s), sched_guard(&s, 5));
    assert_int_equal(sched_advance(&s, 1000), 1); /* far */
    assert_int_equal(sched_slot_guard(&s), sched_guard(&s, 5));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_check),
        cmocka_unit_test(test_slot_at),
        cmocka_unit_test(test_slot_leading_gap_and_empty_plan),
        cmocka_unit_test(test_advance_follows_the_frame),
        cmocka_unit_test(test_advance_early_timer_keeps_slot),
        cmocka_unit_test(test_advance_skips_lost_frames_on_the_grid),
        cmocka_unit_test(test_advance_single_window_restarts_each_frame),
        cmocka_unit_test(test_plan_switch_at_frame_boundary),
        cmocka_unit_test(test_guard_band),
        cmocka_unit_test(test_guard_kept),
    };

    return cmocka_run_group_tests_name("sched", tests, NULL, NULL);
}
