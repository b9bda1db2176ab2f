/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The clock tick interrupt path (interrupt entry, rtems_clock_tick's work,
 * exit) as the interrupted task sees it: Init spins reading the TSC, and
 * every gap in the readings is one tick taken between two reads. Its
 * length minus the loop's own iteration is the cost of the tick. Same
 * source on the pv and the native port; a short tick (100 us) gives
 * SAMPLES ticks quickly.
 */
#include <rtems.h>
#include <rtems/bspIo.h>

#include "../lib/samples.h"
#include "../lib/tsc.h"
#include "bench_port.h"

#define SAMPLES 10000
#define WARMUP  16
/* More than a loop iteration, less than any interrupt. On SPARC a loop
 * iteration is a clock hypercall (several hundred instructions, lib/tsc.h).
 * On RISC-V two reads differ by 0 or one 100 ns count when nothing came
 * between them: two counts are an interrupt (the tick's path is longer). */
#if defined(__sparc__)
#define GAP(step) ((step) + 250)
#elif defined(__riscv)
#define GAP(step) ((step) + 2 * BENCH_CLOCK_QUANTUM - 1)
#else
#define GAP(step) 60
#endif

static uint32_t samples[SAMPLES];

rtems_task Init(rtems_task_argument arg)
{
    uint32_t prev, step = ~0u, step_sum = 0, e0, ticks0, n = 0;

    (void)arg;
    printk("bench tmtick start\n");
    /* The loop's own iteration: the smallest step between two reads. */
    prev = bench_tsc32();
    for (int i = 0; i < 1000; i++) {
        uint32_t now = bench_tsc32();

        if (now - prev < step) {
            step = now - prev;
        }
        step_sum += now - prev;
        prev = now;
    }
    rtems_task_wake_after(1);
    e0 = bench_entries();
    ticks0 = rtems_clock_get_ticks_since_boot();
    prev = bench_tsc32();
    while (n < SAMPLES + WARMUP) {
        uint32_t now = bench_tsc32();

        if (now - prev > GAP(step)) {
            if (n >= WARMUP) {
                samples[n - WARMUP] = now - prev - step;
            } else if (n == WARMUP - 1) {
                e0 = bench_entries();
                ticks0 = rtems_clock_get_ticks_since_boot();
            }
            n++;
        }
        prev = now;
    }
    e0 = bench_entries() - e0;
    ticks0 = rtems_clock_get_ticks_since_boot() - ticks0;
    samples_report(printk, "tick_isr", samples, SAMPLES);
    samples_fact(printk, "tick_isr", "entries", e0);
    samples_fact(printk, "tick_isr", "ticks", ticks0);
    samples_fact(printk, "tick_isr", "ops", SAMPLES);
    samples_fact(printk, "tick_isr", "loop_step", step);
    /* A coarse clock (SPARC): the mean step, for bench/run.py's mean. */
    if (BENCH_CLOCK_QUANTUM > 1) {
        samples_fact(printk, "tick_isr", "loop_step_mean_milli", step_sum);
    }
    printk("bench tmtick done\n");
    rtems_shutdown_executive(0);
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 100
#define CONFIGURE_MAXIMUM_TASKS         1
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
