/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Self-test of a native port, for what apps/tests/ does not reach:
 * floating-point results kept per task across tick preemption (two
 * RTEMS_FLOATING_POINT tasks timeslicing through long computations whose
 * values stay in FP registers), rtems_interrupt_catch refusing two vectors
 * and catching a software one, tick-based uptime (and, where the arch has
 * a clock of its own, the tick's period against it: the uptime counts
 * ticks, so a tick of the wrong period goes unseen otherwise), and the
 * exit code reaching QEMU. What differs per arch - the FP type, the
 * vectors, how the software interrupt is raised, the hardware clock - is
 * in the port's selftest/selftest_arch.h; its expected output beside it.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#include "selftest_arch.h"

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

static volatile int finished;
static selftest_real results[2];
static volatile int caught;

/* Long enough to span many ticks; the values stay in FP registers. */
static selftest_real compute(selftest_real seed)
{
    selftest_real x = seed;
    selftest_real sum = 0;

    for (int i = 0; i < SELFTEST_ROUNDS; i++) {
        x = x * (selftest_real)1.0000001L + seed;
        sum += x / (selftest_real)(i + 1);
    }
    return sum;
}

static selftest_real seed_of(rtems_task_argument i)
{
    return i == 0 ? (selftest_real)0.25 : (selftest_real)0.75;
}

static rtems_task fp_task(rtems_task_argument arg)
{
    results[arg] = compute(seed_of(arg));
    finished++;
    rtems_task_exit();
}

static rtems_isr on_vector(rtems_vector_number vector)
{
    caught = (int)vector;
    printf("caught vector 0x%02x, in ISR: %s\n", (unsigned)vector,
           rtems_interrupt_is_in_progress() ? "yes" : "no");
}

static void catch_vectors(void)
{
    static const rtems_vector_number vectors[] = {SELFTEST_REFUSED_VECTOR_1,
                                                  SELFTEST_REFUSED_VECTOR_2, SELFTEST_VECTOR};
    rtems_isr_entry old;

    for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
        printf("catch 0x%x: %s\n", (unsigned)vectors[i],
               rtems_status_text(rtems_interrupt_catch(on_vector, vectors[i], &old)));
    }
    selftest_raise();
    printf("back from %s, caught 0x%02x\n", SELFTEST_RAISE_TEXT, (unsigned)caught);
}

rtems_task Init(rtems_task_argument arg)
{
    selftest_real expected[2];
    rtems_interval start;
    struct timespec up0, up1;
    rtems_id id;
    long long ms;
    uint64_t hw0, hw1;
    rtems_mode mode;

    (void)arg;
    printf("*** BEGIN OF NATIVE SELFTEST ***\n");
    expected[0] = compute(seed_of(0));
    expected[1] = compute(seed_of(1));
    start = rtems_clock_get_ticks_since_boot();
    /* Both must be ready before either runs, or they cannot interleave. */
    (void)rtems_task_mode(RTEMS_NO_PREEMPT, RTEMS_PREEMPT_MASK, &mode);
    for (rtems_task_argument i = 0; i < 2; i++) {
        (void)rtems_task_create(NAME('F', 'P', (char)('0' + i), ' '), 5, 0,
                                RTEMS_PREEMPT | RTEMS_TIMESLICE, RTEMS_FLOATING_POINT, &id);
        (void)rtems_task_start(id, fp_task, i);
    }
    (void)rtems_task_mode(RTEMS_PREEMPT, RTEMS_PREEMPT_MASK, &mode);
    while (finished < 2) {
        (void)rtems_task_wake_after(1);
    }
    printf("fp tasks spanned several ticks: %s\n",
           rtems_clock_get_ticks_since_boot() - start > 4 ? "yes" : "no");
    printf("fp task 0: %s\n", results[0] == expected[0] ? "ok" : "WRONG");
    printf("fp task 1: %s\n", results[1] == expected[1] ? "ok" : "WRONG");

    catch_vectors();

    (void)rtems_clock_get_uptime(&up0);
    hw0 = selftest_hw_clock();
    (void)rtems_task_wake_after(100);
    hw1 = selftest_hw_clock();
    (void)rtems_clock_get_uptime(&up1);
    /* The first of the 100 ticks is partly gone already: 990 < ms <= 1000. */
    ms = ((long long)up1.tv_sec - up0.tv_sec) * 1000 + (up1.tv_nsec - up0.tv_nsec) / 1000000;
    printf("wake_after(100) took 100 ticks: %s\n", ms > 990 && ms <= 1000 ? "yes" : "no");
    selftest_hw_clock_report(hw0, hw1);
    printf("*** END OF NATIVE SELFTEST ***\n");
    exit(5);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_TICKS_PER_TIMESLICE     1
#define CONFIGURE_MAXIMUM_TASKS           3
#define CONFIGURE_INIT_TASK_PRIORITY      10
#define CONFIGURE_INIT_TASK_INITIAL_MODES RTEMS_PREEMPT
/* Init computes the expected results in FP registers and holds them while
 * the FP tasks run: it is an FP task too, or they overwrite them (riscv's
 * soft float hid this; the first lp64d run printed "WRONG"). */
#define CONFIGURE_INIT_TASK_ATTRIBUTES RTEMS_FLOATING_POINT
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
