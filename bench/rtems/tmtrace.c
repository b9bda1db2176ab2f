/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the executive's directive trace costs (docs/performance.md,
 * "Directive calls traced"): two directives that neither block nor switch,
 * a semaphore release with no waiter and an obtain of the available
 * semaphore, timed per call. The same source is linked twice
 * (bench/bench.mk): bench-tmtrace with the traced executive library and
 * CONFIGURE_TESSERA_TRACE, whose calls each record DIRECTIVE_ENTRY and
 * DIRECTIVE_EXIT, and bench-tmtrace-off with the untraced one, both in a
 * system tracing the guest class with room for every record (the samples
 * below make 4 records each, 8,000 in all, plus the rounds' own calls).
 * The difference of the two is the price of a traced directive.
 */
#include <rtems.h>
#include <rtems/bspIo.h>

#include "../lib/samples.h"
#include "../lib/tsc.h"

#define SAMPLES 2000
#define ROUND   500

static uint32_t rel[SAMPLES], obt[SAMPLES];

rtems_task Init(rtems_task_argument arg)
{
    uint32_t sum, ov;
    rtems_id sem;

    (void)arg;
    ov = bench_timing_overhead(&sum);
    if (BENCH_CLOCK_QUANTUM > 1) {
        samples_fact(printk, "timing", "overhead_mean_milli", sum);
    }
    if (rtems_semaphore_create(rtems_build_name('T', 'R', 'S', 'M'), 0, RTEMS_COUNTING_SEMAPHORE, 0,
                               &sem) != RTEMS_SUCCESSFUL) {
        printk("bench tmtrace setup failed\n");
        rtems_shutdown_executive(1);
    }
    for (uint32_t r = 0; r < SAMPLES; r += ROUND) {
        /* A round starts right after a tick: no tick inside it. */
        rtems_task_wake_after(1);
        for (uint32_t i = r; i < r + ROUND; i++) {
            uint32_t t0, t1, t2;

            bench_dither(i);
            t0 = bench_tsc32();
            rtems_semaphore_release(sem);
            t1 = bench_tsc32();
            rtems_semaphore_obtain(sem, RTEMS_NO_WAIT, 0);
            t2 = bench_tsc32();
            rel[i] = t1 - t0 - ov;
            obt[i] = t2 - t1 - ov;
        }
    }
    samples_report(printk, "sem_release", rel, SAMPLES);
    samples_report(printk, "sem_obtain", obt, SAMPLES);
    printk("bench tmtrace done\n");
    rtems_shutdown_executive(0);
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK   10000
#define CONFIGURE_MAXIMUM_TASKS           1
#define CONFIGURE_MAXIMUM_SEMAPHORES      1
#define CONFIGURE_INIT_TASK_PRIORITY      10
#define CONFIGURE_INIT_TASK_INITIAL_MODES RTEMS_DEFAULT_MODES
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
