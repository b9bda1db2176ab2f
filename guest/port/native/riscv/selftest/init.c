/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Self-test of the native RISC-V port, for what apps/tests/ does not reach:
 * floating-point results kept per task across tick preemption (two
 * RTEMS_FLOATING_POINT tasks timeslicing through long computations, their
 * values in FP registers: F/D, lp64d, so what is kept is f0-f31 and fcsr
 * in the thread context),
 * rtems_interrupt_catch on the software interrupt, tick-based uptime and
 * the tick's period against the time CSR (the executive's uptime counts
 * ticks, so a tick of the wrong period goes unseen without it), and the
 * exit code reaching QEMU.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)
#define ROUNDS           6000000
#define SIP_SSIP         2u
/* virt's time CSR: 10 MHz. */
#define TIME_COUNTS_PER_MS 10000u

static volatile int finished;
static double results[2];
static volatile int caught;

/* Long enough to span many ticks (hard float: 6 instructions a step). */
static double compute(double seed)
{
    double x = seed;
    double sum = 0.0;

    for (int i = 0; i < ROUNDS; i++) {
        x = x * 1.0000001 + seed;
        sum += x / (double)(i + 1);
    }
    return sum;
}

static rtems_task fp_task(rtems_task_argument arg)
{
    results[arg] = compute(arg == 0 ? 0.25 : 0.75);
    finished++;
    rtems_task_exit();
}

static uint64_t time_counts(void)
{
    uint64_t t;

    __asm__ volatile("rdtime %0" : "=r"(t));
    return t;
}

static rtems_isr on_vector(rtems_vector_number vector)
{
    caught = (int)vector;
    printf("caught vector 0x%02x, in ISR: %s\n", (unsigned)vector,
           rtems_interrupt_is_in_progress() ? "yes" : "no");
}

rtems_task Init(rtems_task_argument arg)
{
    double expected[2];
    rtems_isr_entry old;
    rtems_interval start;
    struct timespec up0, up1;
    rtems_id id;
    long long ms;
    uint64_t t0, hw_ms;
    rtems_mode mode;

    (void)arg;
    printf("*** BEGIN OF NATIVE SELFTEST ***\n");
    expected[0] = compute(0.25);
    expected[1] = compute(0.75);
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

    /* Vectors are scause's interrupt codes: 0 is U-mode's software
     * interrupt, 5 the supervisor timer (the tick's), 1 the supervisor
     * software interrupt, which setting sip.SSIP raises. */
    printf("catch 0x0: %s\n", rtems_status_text(rtems_interrupt_catch(on_vector, 0x0, &old)));
    printf("catch 0x5: %s\n", rtems_status_text(rtems_interrupt_catch(on_vector, 0x5, &old)));
    printf("catch 0x1: %s\n", rtems_status_text(rtems_interrupt_catch(on_vector, 0x1, &old)));
    __asm__ volatile("csrs sip, %0" : : "r"(SIP_SSIP) : "memory");
    printf("back from sip.SSIP, caught 0x%02x\n", (unsigned)caught);

    (void)rtems_clock_get_uptime(&up0);
    t0 = time_counts();
    (void)rtems_task_wake_after(100);
    hw_ms = (time_counts() - t0) / TIME_COUNTS_PER_MS;
    (void)rtems_clock_get_uptime(&up1);
    /* The first of the 100 ticks is partly gone already: 990 < ms <= 1000. */
    ms = ((long long)up1.tv_sec - up0.tv_sec) * 1000 + (up1.tv_nsec - up0.tv_nsec) / 1000000;
    printf("wake_after(100) took 100 ticks: %s\n", ms > 990 && ms <= 1000 ? "yes" : "no");
    printf("and 1 s by the time CSR: %s\n", hw_ms >= 990 && hw_ms <= 1000 ? "yes" : "no");
    printf("*** END OF NATIVE SELFTEST ***\n");
    exit(5);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_TICKS_PER_TIMESLICE     1
#define CONFIGURE_MAXIMUM_TASKS           3
#define CONFIGURE_INIT_TASK_PRIORITY      10
#define CONFIGURE_INIT_TASK_INITIAL_MODES RTEMS_PREEMPT
/* Init computes the expected results in FP registers (fs0, fs1) and holds
 * them while the FP tasks run: it is an FP task too, or they overwrite
 * them (soft float hid this; the first lp64d run printed "WRONG"). */
#define CONFIGURE_INIT_TASK_ATTRIBUTES RTEMS_FLOATING_POINT
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
