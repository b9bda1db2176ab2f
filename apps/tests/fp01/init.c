/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Floating point across context switches: two RTEMS_FLOATING_POINT tasks at
 * the same priority, timesliced, each summing its own double series in FP
 * registers, and a third FP task above them that wakes at every tick and
 * sums a short series of its own in the same registers. Where a clock
 * interrupts them (native, pv), the tick switches the FP context in the
 * middle of a summer's loop - to the other summer at the end of a slice,
 * to the preempter at every tick - with the summer's temporaries live; a
 * lost or mixed-up register or control word changes the printed bits, and
 * the preempter checks that its own value survives its sleeps. (On the pv
 * port the summers take turns about once a window - ticks missed outside
 * the partition's windows do not count for a timeslice - and the
 * preempter's wake-ups switch in their middle at every tick.) On the host
 * the tasks run one after the other, which gives the reference bits.
 *
 * Only +, * and / are used, each correctly rounded to double everywhere: on
 * the x87 unit each task first sets the precision control to 53 bits (the
 * control word is part of its FP context), so no extended precision leaks
 * into the results.
 */
#include <rtems.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

#define TERMS 1500000u
/* The preempter's series: short, to leave the summers most of each tick. */
#define PREEMPT_TERMS 300u

static volatile double result[2];
static volatile uint32_t finished;
static volatile uint32_t preempter_mismatches;

static void double_precision(void)
{
#if defined(__i386__)
    uint16_t cw;

    __asm__ volatile("fnstcw %0" : "=m"(cw));
    cw = (uint16_t)((cw & ~0x0300u) | 0x0200u); /* PC = 53-bit significand */
    __asm__ volatile("fldcw %0" : : "m"(cw));
#endif
}

/* Task 0: Basel series, sum of 1 / k^2. Task 1: 4 x Leibniz series. */
static rtems_task summer(rtems_task_argument arg)
{
    double sum = 0.0;

    double_precision();
    if (arg == 0) {
        for (uint32_t k = 1; k <= TERMS; k++) {
            double x = (double)k;

            sum += 1.0 / (x * x);
        }
    } else {
        double sign = 4.0;

        for (uint32_t k = 0; k < TERMS; k++) {
            sum += sign / (2.0 * (double)k + 1.0);
            sign = -sign;
        }
    }
    result[arg] = sum;
    finished++;
    rtems_task_exit();
}

/* Not inlined: the same code at each call, so the same bits. */
static __attribute__((noinline)) double short_series(void)
{
    double sum = 0.0;

    for (uint32_t k = 1; k <= PREEMPT_TERMS; k++) {
        double x = (double)k;

        sum += 1.0 / (x * x);
    }
    return sum;
}

/* Priority 4: every tick takes the processor from a summer. Its first
 * result is kept in an FP register across its sleeps (calls), so it comes
 * back only if its own context is restored. */
static rtems_task preempter(rtems_task_argument arg)
{
    double first;

    (void)arg;
    double_precision();
    first = short_series();
    while (finished < 2) {
        if (short_series() != first) {
            preempter_mismatches++;
        }
        (void)rtems_task_wake_after(1);
    }
    rtems_task_exit();
}

static void show(const char *what, double value)
{
    uint64_t bits;

    memcpy(&bits, &value, sizeof(bits));
    printf("%s: 0x%016" PRIx64 "\n", what, bits);
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id;

    (void)arg;
    printf("*** BEGIN OF FP01 ***\n");
    if (rtems_task_create(NAME('F', 'P', 'H', 'I'), 4, RTEMS_MINIMUM_STACK_SIZE, RTEMS_PREEMPT,
                          RTEMS_FLOATING_POINT, &id) != RTEMS_SUCCESSFUL ||
        rtems_task_start(id, preempter, 0) != RTEMS_SUCCESSFUL) {
        printf("preempter: not started\n");
        exit(1);
    }
    for (uint32_t i = 0; i < 2; i++) {
        rtems_status_code sc;

        sc = rtems_task_create(NAME('F', 'P', ' ', (char)('0' + i)), 5, RTEMS_MINIMUM_STACK_SIZE,
                               RTEMS_TIMESLICE | RTEMS_PREEMPT, RTEMS_FLOATING_POINT, &id);
        if (sc == RTEMS_SUCCESSFUL) {
            sc = rtems_task_start(id, summer, i);
        }
        if (sc != RTEMS_SUCCESSFUL) {
            printf("task %" PRIu32 ": %s\n", i, rtems_status_text(sc));
            exit(1);
        }
    }
    while (finished < 2) {
        (void)rtems_task_wake_after(1);
    }
    show("basel", result[0]);
    show("leibniz", result[1]);
    printf("preempter kept its own result: %s\n", preempter_mismatches == 0 ? "yes" : "no");
    printf("*** END OF FP01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 1000
#define CONFIGURE_TICKS_PER_TIMESLICE   1
#define CONFIGURE_MAXIMUM_TASKS         4
#define CONFIGURE_INIT_TASK_PRIORITY    10
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
