/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Timeslicing by the clock interrupt: two RTEMS_TIMESLICE | RTEMS_PREEMPT
 * tasks at one priority with one-tick slices, nothing above them, each
 * spinning without a directive until a common tick. Only a tick can take
 * the processor from a spinner. Each notes when it finds that the other ran
 * since its own last look, and counts its own turns of the loop.
 *
 * Checked: both ran in turns (each saw the other run at least TURNS
 * times), and neither was starved (each did at least a quarter of the
 * other's loops; slices alternate, so they are about equal). As a
 * partition, a window gets the ticks it missed outside it at once; charged
 * to the running task, they ended its slice at the window's start, and its
 * successor's slice ended at the window's first own tick, however soon
 * that came: with the tick a little after the window's start, one task
 * had nearly every window and the other a few percent. None of this
 * depends on how many loops fit in a tick.
 */
#include <rtems.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

#define TURNS 3u
/* As a partition with one window in eight, about 30 windows. */
#define RUN_TICKS 240u

static volatile uint32_t last_runner;
static volatile uint32_t saw_other[2];
static volatile uint32_t loops[2];
static volatile uint32_t finished;
static rtems_interval end_tick;

static rtems_task spinner(rtems_task_argument arg)
{
    uint32_t me = (uint32_t)arg + 1u;

    while (rtems_clock_get_ticks_since_boot() < end_tick) {
        loops[arg]++;
        if (last_runner != me) {
            saw_other[arg]++;
            last_runner = me;
        }
    }
    finished++;
    rtems_task_exit();
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_task_priority old;
    rtems_id id;
    bool in_turns;
    bool fair;

    (void)arg;
    printf("*** BEGIN OF SLICE01 ***\n");
    end_tick = rtems_clock_get_ticks_since_boot() + RUN_TICKS;
    for (uint32_t i = 0; i < 2; i++) {
        rtems_status_code sc;

        sc = rtems_task_create(NAME('S', 'L', ' ', (char)('0' + i)), 5, RTEMS_MINIMUM_STACK_SIZE,
                               RTEMS_TIMESLICE | RTEMS_PREEMPT, RTEMS_DEFAULT_ATTRIBUTES, &id);
        if (sc == RTEMS_SUCCESSFUL) {
            sc = rtems_task_start(id, spinner, i);
        }
        if (sc != RTEMS_SUCCESSFUL) {
            printf("task %" PRIu32 ": %s\n", i, rtems_status_text(sc));
            exit(1);
        }
    }
    /* Above the spinners (4) until both exist, then below them (10): Init
     * runs again once both have ended. */
    (void)rtems_task_set_priority(RTEMS_SELF, 10, &old);
    while (finished < 2) {
        (void)rtems_task_wake_after(1);
    }
    in_turns = saw_other[0] >= TURNS && saw_other[1] >= TURNS;
    fair = loops[0] / 4u <= loops[1] && loops[1] / 4u <= loops[0];
    printf("both ran in turns: %s\n", in_turns ? "yes" : "no");
    printf("neither starved: %s\n", fair ? "yes" : "no");
    if (!in_turns || !fair) {
        printf("turns %" PRIu32 " %" PRIu32 ", loops %" PRIu32 " %" PRIu32 "\n", saw_other[0],
               saw_other[1], loops[0], loops[1]);
    }
    printf("*** END OF SLICE01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 1000
#define CONFIGURE_TICKS_PER_TIMESLICE   1
#define CONFIGURE_MAXIMUM_TASKS         3
#define CONFIGURE_INIT_TASK_PRIORITY    4
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
