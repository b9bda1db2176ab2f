/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Time management (tests/system/test_apex_time.py): TIMED_WAIT,
 * PERIODIC_WAIT, GET_TIME, REPLENISH and the deadline times they set.
 * TESTER (60) runs the scenario; PER (100, period 20 ms, capacity 10 ms)
 * counts its releases; APER (80, capacity 30 ms) moves its deadline.
 * Periodic releases fall on the partition's period boundaries (its 10 ms
 * major frame): Init sets NORMAL 5 ms into a frame, where PER (started)
 * and DELAYED (DELAYED_START 3 ms) would be released if they were not
 * aligned; TESTER starts LATE 5 ms into another frame in NORMAL.
 */
#include <pv/pv.h>
#include <stdio.h>
#include <stdlib.h>

#include "svc.h"

#define PERIOD MS(20)
#define JOBS   5

static PROCESS_ID_TYPE tester, per, aper, delayed, late;
static volatile int jobs;

/* Where the wall clock is in the partition's period (the major frame). */
static SYSTEM_TIME_TYPE frame_offset(void)
{
    volatile struct pv_shared *s = pv_shared();

    return (SYSTEM_TIME_TYPE)((pv_clock_ns() - s->frame_start_ns) % s->major_frame_ns);
}

/* Runs until the clock is between at and 1 ms later in a frame. */
static void spin_to_offset(SYSTEM_TIME_TYPE at)
{
    SYSTEM_TIME_TYPE off;

    do {
        off = frame_offset();
    } while (off < at || off >= at + MS(1));
}

/* Whether a release fell after a boundary by more than delay and less
 * than delay + slack. */
static const char *aligned(SYSTEM_TIME_TYPE off, SYSTEM_TIME_TYPE delay, SYSTEM_TIME_TYPE slack)
{
    return off > delay && off < delay + slack ? "yes" : "NO";
}

/* A release without delay follows the boundary by less than two ticks
 * (1 ms each); a delay of 3 ms rounds up to 4 ticks. */
#define NO_DELAY 0, MS(2)
#define DELAY_3  MS(3), MS(3)

static SYSTEM_TIME_TYPE deadline_of(PROCESS_ID_TYPE id)
{
    PROCESS_STATUS_TYPE st;
    RETURN_CODE_TYPE r;

    GET_PROCESS_STATUS(id, &st, &r);
    return st.DEADLINE_TIME;
}

static const char *yes(bool ok)
{
    return ok ? "yes" : "NO";
}

static void per_body(void)
{
    SYSTEM_TIME_TYPE off = frame_offset(), first = now(), t, d;
    RETURN_CODE_TYPE r;

    printf("TIME: PER first release at a period boundary: %s\n", aligned(off, NO_DELAY));

    d = deadline_of(per) - first;
    printf("TIME: PER job 0 deadline within capacity: %s\n", yes(d > 0 && d <= MS(10)));
    REPLENISH(MS(5), &r);
    rc("per_replenish", r);
    REPLENISH(MS(25), &r);
    rc("per_replenish_beyond_release", r);
    REPLENISH(INFINITE_TIME_VALUE, &r);
    rc("per_replenish_infinite", r);
    for (jobs = 1; jobs <= JOBS; jobs++) {
        PERIODIC_WAIT(&r);
        t = now();
        d = deadline_of(per) - t;
        printf("TIME: PER job %d rc %s not early: %s deadline ahead: %s\n", jobs, rc_name(r),
               yes(t - first >= jobs * PERIOD - MS(1)), yes(d > 0 && d <= MS(10)));
    }
    STOP_SELF();
}

static void aper_body(void)
{
    SYSTEM_TIME_TYPE t = now(), d = deadline_of(aper) - t;
    RETURN_CODE_TYPE r;

    printf("TIME: APER deadline within capacity: %s\n", yes(d > 0 && d <= MS(30)));
    PERIODIC_WAIT(&r);
    rc("periodic_wait_aperiodic", r);
    REPLENISH(MS(100), &r);
    rc("replenish", r);
    d = deadline_of(aper) - now();
    printf("TIME: APER replenished deadline: %s\n", yes(d > MS(98) && d <= MS(100)));
    REPLENISH(-5, &r);
    rc("replenish_bad_time", r);
    REPLENISH(INFINITE_TIME_VALUE, &r);
    rc("replenish_infinite", r);
    printf("TIME: APER no deadline: %s\n", yes(deadline_of(aper) == INFINITE_TIME_VALUE));
}

static void delayed_body(void)
{
    SYSTEM_TIME_TYPE off = frame_offset();
    RETURN_CODE_TYPE r;

    printf("TIME: DELAYED first release 3 ms after a period boundary: %s\n", aligned(off, DELAY_3));
    PERIODIC_WAIT(&r);
    off = frame_offset();
    printf("TIME: DELAYED second release one period later: %s\n", aligned(off, DELAY_3));
    STOP_SELF();
}

static void late_body(void)
{
    printf("TIME: LATE started in NORMAL, released at a period boundary: %s\n",
           aligned(frame_offset(), NO_DELAY));
    STOP_SELF();
}

static void tester_body(void)
{
    SYSTEM_TIME_TYPE t0, t1;
    RETURN_CODE_TYPE r;

    t0 = now();
    t1 = now();
    printf("TIME: GET_TIME monotonic: %s\n", yes(t1 >= t0 && t0 > 0));
    TIMED_WAIT(-5, &r);
    rc("timed_wait_negative", r);
    TIMED_WAIT(INFINITE_TIME_VALUE, &r);
    rc("timed_wait_infinite", r);
    TIMED_WAIT(0, &r);
    rc("timed_wait_zero", r);
    t0 = now();
    TIMED_WAIT(MS(7), &r);
    rc("timed_wait", r);
    t1 = now();
    printf("TIME: TIMED_WAIT 7 ms waited at least 7 ms: %s, less than 9 ms: %s\n",
           yes(t1 - t0 >= MS(7)), yes(t1 - t0 < MS(9)));
    PERIODIC_WAIT(&r);
    rc("periodic_wait_tester", r);
    REPLENISH(MS(5), &r);
    rc("replenish_no_capacity", r);
    printf("TIME: TESTER deadline %s\n",
           deadline_of(tester) == INFINITE_TIME_VALUE ? "infinite" : "set");
    START(aper, &r);
    /* APER (80) preempted TESTER and ran up to its first wait. */
    spin_to_offset(MS(5));
    START(late, &r);
    rc("start_periodic_normal", r);
    TIMED_WAIT(MS(150), &r);
    printf("TIME: PER jobs %d\n", jobs - 1);
    printf("TIME: done\n");
    exit(0);
}

void time_role(void)
{
    SYSTEM_TIME_TYPE t;
    RETURN_CODE_TYPE r;

    tester = make_process("TESTER", tester_body, 60, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    per = make_process("PER", per_body, 100, PERIOD, MS(10));
    aper = make_process("APER", aper_body, 80, INFINITE_TIME_VALUE, MS(30));
    delayed = make_process("DELAYED", delayed_body, 110, PERIOD, MS(5));
    late = make_process("LATE", late_body, 110, PERIOD, MS(5));
    make_process("ODD", delayed_body, 110, MS(15), MS(5));
    GET_TIME(&t, &r);
    rc("get_time", r);
    TIMED_WAIT(MS(1), &r);
    rc("timed_wait_init", r);
    PERIODIC_WAIT(&r);
    rc("periodic_wait_init", r);
    REPLENISH(MS(1), &r);
    rc("replenish_init", r);
    START(tester, &r);
    START(per, &r);
    DELAYED_START(delayed, MS(3), &r);
    rc("delayed_start_periodic", r);
    printf("TIME: PER deadline before NORMAL %s\n",
           deadline_of(per) == INFINITE_TIME_VALUE ? "none" : "SET");
    /* Unaligned, PER would be released here, DELAYED 3 ms later. */
    spin_to_offset(MS(5));
}
