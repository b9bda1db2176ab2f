/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The scale rows of `make bench` (#20): in systems of 2, 16 and 64
 * partitions and 4 to 4,096 windows a frame (bench/gen_scaling.py), id 1
 * times, once in each of its windows, its partition switch (the window's
 * planned start to its first instruction, the outgoing partition busy), a
 * null hypercall and a port write and read on its own channel. Every other
 * partition spins through its windows (busy when it loses the CPU) and
 * stops after as many as id 1 needs, so the system ends.
 */
#include <stddef.h>
#include "tp.h"
#include "lib/pvtime.h"
#include "lib/samples.h"
#include "lib/tsc.h"

#define SAMPLES 1000
#define WARMUP  4

static uint32_t switches[SAMPLES], hcalls[SAMPLES], writes[SAMPLES], reads[SAMPLES];

static void spin_windows(void)
{
    volatile struct pv_shared *s = pv_shared();
    uint64_t seen = s->window_start_ns;

    for (uint32_t w = 0; w < SAMPLES + WARMUP + 2; w++) {
        while (s->window_start_ns == seen) {
            ;
        }
        seen = s->window_start_ns;
    }
}

void pv_main(uint32_t id)
{
    volatile struct pv_shared *s = pv_shared();
    int32_t out = pv_port_open("loop_out", 8), in = pv_port_open("loop_in", 7);
    char msg[8] = "message", buf[8];
    uint32_t overhead, sum;

    if (id != 1) {
        spin_windows();
        return;
    }
    /* Nothing is printed before the samples are taken: draining console
     * output to the UART would be in the kernel path of the windows. */
    overhead = bench_timing_overhead(&sum);
    for (uint32_t w = 0; w < SAMPLES + WARMUP; w++) {
        uint32_t i = w - WARMUP, t0;
        uint64_t t, start;

        pv_idle();
        t = bench_tsc();
        start = s->window_start_ns;
        if (w < WARMUP) {
            continue;
        }
        switches[i] = (uint32_t)(bench_tsc_to_ns(t) - start);
        bench_dither(i);
        t0 = bench_tsc32();
        pv_hcall0(PV_HC_IRQ_SYNC);
        hcalls[i] = bench_tsc32() - t0 - overhead;
        bench_dither(i);
        t0 = bench_tsc32();
        pv_port_write(out, msg, sizeof(msg));
        writes[i] = bench_tsc32() - t0 - overhead;
        bench_dither(i);
        t0 = bench_tsc32();
        pv_port_read(in, buf, sizeof(buf), NULL);
        reads[i] = bench_tsc32() - t0 - overhead;
    }
    samples_fact(tp_printf, "timing", "overhead", overhead);
    if (BENCH_CLOCK_QUANTUM > 1) {
        samples_fact(tp_printf, "timing", "overhead_mean_milli", sum);
    }
    samples_report(tp_printf, "scale_switch", switches, SAMPLES);
    samples_report(tp_printf, "scale_null_hcall", hcalls, SAMPLES);
    samples_report(tp_printf, "scale_port_write", writes, SAMPLES);
    samples_report(tp_printf, "scale_port_read", reads, SAMPLES);
}
