/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of the plan switch of several CPUs (kernel/core/sched_cpus.c):
 * two schedules, each with its own view of two plans of different major
 * frames, moved by hand as two CPUs would be, in either order and with one
 * lagging frames behind the other. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "sched.h"

#define MS 1000000ull

/* Plan 0: 50 ms; plan 1: 80 ms. CPU 0 and CPU 1 have different windows. */
static const struct cfg_window a0[] = {{0, 0, 10 * MS}}, a1[] = {{1, 20 * MS, 10 * MS}};
static const struct cfg_window b0[] = {{2, 40 * MS, 10 * MS}}, b1[] = {{1, 0, 30 * MS}};
static const struct cfg_plan views0[] = {{"a", 10, 50 * MS, a0, 1}, {"b", 11, 80 * MS, b0, 1}};
static const struct cfg_plan views1[] = {{"a", 10, 50 * MS, a1, 1}, {"b", 11, 80 * MS, b1, 1}};

static struct sched_state cpu0, cpu1;

/* A guard time long enough that CPU 0's band depends on the next frame's
 * plan: a's window of partition 0 [0, 10) is followed by itself in the
 * next frame of a (no band) or by partition 2 after 40 + 40 ms idle in b
 * (90 - 80 = 10 ms of band, the whole window). */
#define GUARD (90 * MS)

static int setup(void **state)
{
    (void)state;
    sched_share_init(0, 2);
    sched_start(&cpu0, &views0[0], 0);
    sched_set_guard_time(&cpu0, GUARD);
    sched_share(&cpu0, views0, 0);
    sched_start(&cpu1, &views1[0], 0);
    sched_set_guard_time(&cpu1, GUARD);
    sched_share(&cpu1, views1, 1);
    return 0;
}

/* The guard band kept in the schedule is the one of its slot and next
 * plan as they are now. */
static void guard_kept(const struct sched_state *s)
{
    assert_int_equal(sched_slot_guard(s), sched_guard(s, GUARD));
}

/* The CPU's timer entry at now: the slot that contains it. */
static void tick(struct sched_state *s, uint64_t now)
{
    sched_advance(s, now);
    assert_true(sched_slot_deadline(s) > now);
    guard_kept(s);
}

static void test_one_plan_runs_on(void **state)
{
    (void)state;
    /* No request: next_plan is the plan itself, and frames go on. */
    assert_ptr_equal(cpu0.next_plan, &views0[0]);
    tick(&cpu0, 50 * MS + 1);
    tick(&cpu1, 120 * MS);
    assert_int_equal(cpu0.frames, 2);
    assert_int_equal(cpu1.frames, 3);
    assert_int_equal(cpu1.frame_start, 100 * MS);
    assert_int_equal(cpu1.slot.partition, 1);
    assert_int_equal(sched_cpu_frames[1], 3);
}

static void test_both_cpus_switch_at_the_same_frame(void **state)
{
    (void)state;
    tick(&cpu0, 1 * MS);
    /* Frame 1 on both: the switch holds from frame 2. */
    assert_int_equal(sched_share_request(&cpu0, 1), 2);
    assert_ptr_equal(cpu0.next_plan, &views0[1]);
    /* Neither takes it before the frame ends... */
    tick(&cpu1, 20 * MS);
    assert_ptr_equal(cpu1.plan, &views1[0]);
    /* ...each takes it at 50 ms, whichever comes first and however late. */
    tick(&cpu1, 50 * MS + 700);
    assert_ptr_equal(cpu1.plan, &views1[1]);
    assert_int_equal(cpu1.frame_start, 50 * MS);
    assert_int_equal(cpu1.slot.partition, 1);
    tick(&cpu0, 50 * MS + 3);
    assert_ptr_equal(cpu0.plan, &views0[1]);
    assert_int_equal(cpu0.frame_start, 50 * MS);
    /* The new major frame on both: frame 3 starts at 130 ms. */
    tick(&cpu0, 130 * MS);
    tick(&cpu1, 131 * MS);
    assert_int_equal(cpu0.frame_start, 130 * MS);
    assert_int_equal(cpu1.frame_start, 130 * MS);
    assert_int_equal(cpu0.frames, 3);
    assert_int_equal(cpu1.frames, 3);
}

static void test_request_after_another_cpu_began_the_next_frame(void **state)
{
    (void)state;
    /* CPU 1 is in frame 2 already, CPU 0 (the requester) still in frame 1:
     * frame 2 has begun, so the switch holds from frame 3. */
    tick(&cpu1, 50 * MS);
    assert_int_equal(sched_share_request(&cpu0, 1), 3);
    assert_ptr_equal(cpu0.next_plan, &views0[0]); /* its frame 2 keeps plan a */
    tick(&cpu0, 50 * MS + 10);
    assert_ptr_equal(cpu0.plan, &views0[0]);
    assert_ptr_equal(cpu0.next_plan, &views0[1]);
    tick(&cpu0, 100 * MS);
    tick(&cpu1, 100 * MS);
    assert_ptr_equal(cpu0.plan, &views0[1]);
    assert_ptr_equal(cpu1.plan, &views1[1]);
    assert_int_equal(cpu1.frame_start, 100 * MS);
}

static void test_lagging_cpu_skips_frames_across_the_switch(void **state)
{
    (void)state;
    tick(&cpu0, 100 * MS + 1); /* CPU 0: frame 3; CPU 1 still in frame 1 */
    assert_int_equal(sched_share_request(&cpu0, 1), 4);
    /* CPU 1 wakes up in the middle of frame 5: frames 2, 3 of plan a
     * (50 ms), frame 4 of plan b from 150 ms, frame 5 from 230 ms. */
    tick(&cpu1, 240 * MS);
    assert_int_equal(cpu1.frames, 5);
    assert_int_equal(cpu1.frame_start, 230 * MS);
    assert_ptr_equal(cpu1.plan, &views1[1]);
    assert_int_equal(cpu1.slot.partition, 1);
    tick(&cpu0, 240 * MS);
    assert_int_equal(cpu0.frame_start, 230 * MS);
    assert_ptr_equal(cpu0.plan, &views0[1]);
}

static void test_request_replaced_before_its_frame(void **state)
{
    (void)state;
    assert_int_equal(sched_share_request(&cpu0, 1), 2);
    assert_int_equal(sched_share_request(&cpu0, 0), 2); /* asks for a again: cancelled */
    assert_ptr_equal(cpu0.next_plan, &views0[0]);
    tick(&cpu1, 60 * MS);
    tick(&cpu0, 60 * MS);
    assert_ptr_equal(cpu0.plan, &views0[0]);
    assert_ptr_equal(cpu1.plan, &views1[0]);
    assert_int_equal(cpu1.frame_start, 50 * MS);
}

static void test_request_waits_while_a_switch_is_in_flight(void **state)
{
    (void)state;
    assert_int_equal(sched_share_request(&cpu0, 1), 2);
    tick(&cpu0, 50 * MS); /* CPU 0 took b at frame 2; CPU 1 still in frame 1 */
    assert_ptr_equal(cpu0.plan, &views0[1]);
    /* Back to a: CPU 1 has not reached frame 2, whose plan must stay b for
     * it, so the request waits... */
    assert_int_equal(sched_share_request(&cpu0, 0), 0);
    assert_ptr_equal(cpu0.next_plan, &views0[1]);
    tick(&cpu0, 130 * MS); /* CPU 0: frame 3, b again */
    assert_ptr_equal(cpu0.plan, &views0[1]);
    /* ...until CPU 1 reaches it, late, in frame 3: it runs b from 50 ms
     * too, and the waiting request is recorded from frame 4. */
    tick(&cpu1, 135 * MS);
    assert_int_equal(cpu1.frames, 3);
    assert_int_equal(cpu1.frame_start, 130 * MS);
    assert_ptr_equal(cpu1.plan, &views1[1]);
    assert_ptr_equal(cpu1.next_plan, &views1[0]);
    tick(&cpu0, 210 * MS);
    tick(&cpu1, 210 * MS);
    assert_ptr_equal(cpu0.plan, &views0[0]);
    assert_ptr_equal(cpu1.plan, &views1[0]);
    assert_int_equal(cpu0.frame_start, 210 * MS);
    assert_int_equal(cpu1.frames, 4);
}

static void test_cpu_not_started_takes_the_switch_when_it_starts(void **state)
{
    (void)state;
    /* sched_share_init() as at boot; CPU 1 has not started its schedule. */
    sched_share_init(0, 2);
    sched_start(&cpu0, &views0[0], 0);
    sched_share(&cpu0, views0, 0);
    assert_int_equal(sched_share_request(&cpu0, 1), 2);
    tick(&cpu0, 50 * MS);
    /* CPU 1 starts in frame 3 (at 140 ms): frame 2 was plan b's. */
    sched_start(&cpu1, &views1[0], 0);
    sched_share(&cpu1, views1, 1);
    tick(&cpu1, 140 * MS);
    assert_int_equal(cpu1.frames, 3);
    assert_int_equal(cpu1.frame_start, 130 * MS);
    assert_ptr_equal(cpu1.plan, &views1[1]);
}

/* The band follows the next plan wherever it is set: the request, a
 * request cancelled, the reset, the frame end that takes the switch. */
static void test_guard_follows_the_next_plan(void **state)
{
    (void)state;
    assert_int_equal(sched_slot_guard(&cpu0), 0);
    guard_kept(&cpu1);
    assert_int_equal(sched_share_request(&cpu0, 1), 2);
    assert_int_equal(sched_slot_guard(&cpu0), 10 * MS);
    assert_int_equal(sched_share_request(&cpu0, 0), 2);
    assert_int_equal(sched_slot_guard(&cpu0), 0);
    assert_int_equal(sched_share_request(&cpu0, 1), 2);
    assert_int_equal(sched_slot_guard(&cpu0), 10 * MS);
    tick(&cpu1, 60 * MS);
    tick(&cpu0, 50 * MS);
    assert_int_equal(sched_share_reset(&cpu0, 0), 3);
    guard_kept(&cpu0);
    tick(&cpu0, 130 * MS);
    assert_ptr_equal(cpu0.plan, &views0[0]);
    assert_int_equal(sched_slot_guard(&cpu0), 0);
    tick(&cpu1, 130 * MS); /* the reset has reached every CPU */
    /* The frame's last window of a with b next again. */
    assert_int_equal(sched_share_request(&cpu0, 1), 4);
    assert_int_equal(sched_slot_guard(&cpu0), 10 * MS);
}

/* The module reset (sched_share_reset): the hook's calls, in order. */
static uint32_t resets_begun[4], resets_everywhere[4], resets_n;
static uint64_t resets_frame[4], resets_start[4];

static void on_reset(uint32_t cpu, uint64_t frame, uint64_t start, bool everywhere)
{
    resets_begun[resets_n] = cpu;
    resets_frame[resets_n] = frame;
    resets_start[resets_n] = start;
    resets_everywhere[resets_n++] = everywhere;
}

static int setup_reset(void **state)
{
    setup(state);
    resets_n = 0;
    sched_share_on_reset(on_reset);
    return 0;
}

static void test_reset_begins_on_every_cpu_at_one_frame(void **state)
{
    (void)state;
    assert_int_equal(sched_share_request(&cpu0, 1), 2);
    tick(&cpu0, 55 * MS); /* CPU 0 in frame 2, plan b; CPU 1 lags in frame 1 */
    /* A switch is in flight (CPU 1 has not begun frame 2): the reset waits,
     * and a switch asked meanwhile is dropped. */
    assert_int_equal(sched_share_reset(&cpu1, 0), 0);
    assert_int_equal(sched_share_request(&cpu0, 1), SCHED_SWITCH_DROPPED);
    tick(&cpu0, 135 * MS); /* frame 3, b: the reset is not recorded yet */
    assert_int_equal(resets_n, 0);
    /* CPU 1 reaches frame 3 late: the reset is recorded from frame 4
     * (210 ms), with plan a. */
    tick(&cpu1, 140 * MS);
    assert_int_equal(cpu1.frames, 3);
    assert_ptr_equal(cpu1.next_plan, &views1[0]);
    assert_int_equal(sched_share_request(&cpu1, 1), SCHED_SWITCH_DROPPED);
    assert_int_equal(resets_n, 0);
    /* CPU 1 begins it first, then CPU 0, late: the last says everywhere. */
    tick(&cpu1, 215 * MS);
    assert_int_equal(resets_n, 1);
    assert_int_equal(resets_begun[0], 1);
    assert_false(resets_everywhere[0]);
    assert_int_equal(cpu1.frame_start, 210 * MS);
    assert_ptr_equal(cpu1.plan, &views1[0]);
    tick(&cpu0, 270 * MS); /* skips into frame 5 (260 ms), the reset's 4 on the way */
    assert_int_equal(resets_n, 2);
    assert_int_equal(resets_begun[1], 0);
    assert_true(resets_everywhere[1]);
    assert_int_equal(resets_frame[0], 4);
    assert_int_equal(resets_start[0], 210 * MS);
    assert_int_equal(resets_frame[1], 4); /* not 5, where CPU 0 came to */
    assert_int_equal(resets_start[1], 210 * MS);
    assert_int_equal(cpu0.frames, 5);
    assert_int_equal(cpu0.frame_start, 260 * MS);
    assert_ptr_equal(cpu0.plan, &views0[0]);
    /* Frames after it: no reset again; switches are asked again. */
    tick(&cpu1, 270 * MS);
    assert_int_equal(resets_n, 2);
    assert_int_equal(sched_share_request(&cpu0, 1), 6);
}

static void test_reset_replaces_a_switch_no_cpu_began(void **state)
{
    (void)state;
    assert_int_equal(sched_share_request(&cpu0, 1), 2);
    assert_int_equal(sched_share_reset(&cpu1, 0), 2);
    assert_ptr_equal(cpu1.next_plan, &views1[0]);
    assert_int_equal(sched_share_reset(&cpu0, 0), 2); /* a second: the same one */
    tick(&cpu0, 50 * MS);
    tick(&cpu1, 50 * MS);
    assert_int_equal(resets_n, 2);
    assert_ptr_equal(cpu0.plan, &views0[0]);
    assert_int_equal(cpu1.frame_start, 50 * MS);
    assert_false(resets_everywhere[0]);
    assert_true(resets_everywhere[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_one_plan_runs_on, setup),
        cmocka_unit_test_setup(test_guard_follows_the_next_plan, setup),
        cmocka_unit_test_setup(test_both_cpus_switch_at_the_same_frame, setup),
        cmocka_unit_test_setup(test_request_after_another_cpu_began_the_next_frame, setup),
        cmocka_unit_test_setup(test_lagging_cpu_skips_frames_across_the_switch, setup),
        cmocka_unit_test_setup(test_request_replaced_before_its_frame, setup),
        cmocka_unit_test_setup(test_request_waits_while_a_switch_is_in_flight, setup),
        cmocka_unit_test_setup(test_cpu_not_started_takes_the_switch_when_it_starts, setup),
        cmocka_unit_test_setup(test_reset_begins_on_every_cpu_at_one_frame, setup_reset),
        cmocka_unit_test_setup(test_reset_replaces_a_switch_no_cpu_began, setup_reset),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
