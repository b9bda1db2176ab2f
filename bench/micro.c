/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Micro-benchmarks of the pv API from a bare partition: the null hypercall
 * round trip, interrupt masking, clock reads, a guest trace event. Each operation is timed
 * SAMPLES times with the TSC (one tick per instruction under -icount), and
 * the control page's kernel_entries is read before and after the whole loop
 * to count the traps the operation costs. Every loop starts right at the
 * beginning of a window (pv_idle returns there) and fits in it, so no window
 * boundary falls inside a loop.
 */
#include "tp.h"
#include "lib/samples.h"
#include "lib/tsc.h"

#define SAMPLES      10000
#define HC_UNDEFINED 0x7fffu /* no such hypercall: PV_ENOSYS */

static uint32_t samples[SAMPLES];
static uint32_t overhead; /* instructions of an empty timed region */
static volatile uint64_t sink;
static volatile uint32_t handler_end; /* TSC as the upcall handler returns */
static struct pv_trace_record trace_copy[PV_TRACE_READ_MAX];
static struct pv_trace_status trace_status;

static uint32_t entries(void)
{
    return pv_shared()->kernel_entries;
}

/* Times `op` SAMPLES times; reports samples net of the timing overhead and
 * the kernel entries of the whole loop. */
#define MEASURE(name, op)                                                                          \
    do {                                                                                           \
        uint32_t e0, e1;                                                                           \
        pv_idle();                                                                                 \
        e0 = entries();                                                                            \
        for (uint32_t i = 0; i < SAMPLES; i++) {                                                   \
            uint32_t t0;                                                                           \
            bench_dither(i);                                                                       \
            t0 = bench_tsc32();                                                                    \
            op;                                                                                    \
            samples[i] = bench_tsc32() - t0 - overhead;                                            \
        }                                                                                          \
        e1 = entries();                                                                            \
        samples_report(tp_printf, name, samples, SAMPLES);                                         \
        samples_fact(tp_printf, name, "entries", e1 - e0);                                         \
        samples_fact(tp_printf, name, "ops", SAMPLES);                                             \
    } while (0)

/* Upcall return: from the last instruction of the C handler to the
 * interrupted code, through the trampoline (pv/arch/<arch>/upcall.S). The
 * upcall comes from the execution-time timer armed in the past, raised on
 * the way out of that timer_set; the interrupted code is right after it.
 * Traps per operation include the timer_set itself. */
static void measure_upcall_return(void)
{
    uint32_t e0, e1;

    pv_idle();
    pv_irq_unmask_line(PV_IRQ_EXEC_TIMER);
    e0 = entries();
    for (uint32_t i = 0; i < SAMPLES; i++) {
        uint32_t t1;

        bench_dither(i);
        pv_timer_set(PV_CLOCK_EXEC, 1, 0);
        t1 = bench_tsc32();
        samples[i] = t1 - handler_end - overhead;
    }
    e1 = entries();
    pv_irq_mask_line(PV_IRQ_EXEC_TIMER);
    samples_report(tp_printf, "upcall_return", samples, SAMPLES);
    samples_fact(tp_printf, "upcall_return", "entries", e1 - e0);
    samples_fact(tp_printf, "upcall_return", "ops", SAMPLES);
}

/* The timing overhead (bench/lib/tsc.h), and on a coarse clock its mean. */
static void calibrate(void)
{
    uint32_t sum;

    overhead = bench_timing_overhead(&sum);
    if (BENCH_CLOCK_QUANTUM > 1) {
        samples_fact(tp_printf, "timing", "overhead_mean_milli", sum);
    }
}

void pv_main(uint32_t id)
{
    uint32_t was;
    uint64_t t;

    tp_printf("bench micro partition %lu\n", (unsigned long)id);
    calibrate();
    samples_fact(tp_printf, "timing", "overhead", overhead);

    /* Upcalls on and every line masked: enabling never finds anything
     * deliverable, which is the common case the fast path is built for. */
    pv_upcall_set(pv_upcall_entry);
    pv_irq_enable();
    MEASURE("pv_irq_pair", was = pv_irq_disable(); pv_irq_restore(was));
    MEASURE("pv_clock_ns", sink = pv_clock_ns());
#if !defined(__sparc__) /* LEON3 has no counter readable in user mode */
    MEASURE("rdtsc_user", sink = bench_tsc());
#endif
    MEASURE("pv_time_get", pv_time_get(&t); sink = t);
    measure_upcall_return();

    /* With upcalls disabled IRQ_SYNC has nothing to deliver: the bare cost
     * of entering and leaving the kernel through the hypercall gate. */
    pv_irq_disable();
    MEASURE("hc_irq_sync", pv_hcall0(PV_HC_IRQ_SYNC));
    MEASURE("hc_enosys", pv_hcall0(HC_UNDEFINED));
    /* A guest trace event: PV_ENOENT in bench-micro (no trace), recorded
     * in bench-micro-trace (the guest class on): the difference is the
     * cost of recording one event (docs/performance.md). */
    MEASURE("hc_trace_event", pv_trace_event(PV_TRACE_USER, i, 0));
    /* The trace read back, 64 records and the status (the most one call
     * copies): bench-micro-trace's partition is a system partition, the
     * 10,000 events above are in its buffer. In bench-micro: PV_EPERM. */
    MEASURE("hc_trace_read", pv_trace_read(0, trace_copy, PV_TRACE_READ_MAX, &trace_status));
    tp_printf("bench micro done\n");
}

/* Only the execution-time timer of measure_upcall_return() is ever
 * unmasked: the handler notes the time it returns. */
void pv_upcall_handler(struct pv_upcall_frame *frame)
{
    (void)frame;
    handler_end = bench_tsc32();
}
