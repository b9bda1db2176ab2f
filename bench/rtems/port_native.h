/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the native side of bench_port.h shares between port_native.c and
 * each arch's native/ARCH/extras.c: the trigger's count and vector, the
 * sample buffer and the timed loop around one operation.
 */
#ifndef BENCH_PORT_NATIVE_H
#define BENCH_PORT_NATIVE_H

#include <rtems.h>
#include <rtems/bspIo.h>
#include <stdint.h>

#include "../lib/samples.h"
#include "../lib/tsc.h"

#define BENCH_NATIVE_SAMPLES 10000

extern uint32_t bench_native_samples[BENCH_NATIVE_SAMPLES];

/* The software interrupts bench_trigger raised (bench_entries), and the
 * vector it raises: the arch's (native/ARCH/extras.c). */
extern uint32_t bench_native_raised;
extern const rtems_vector_number bench_native_trigger_vector;

/* Times op BENCH_NATIVE_SAMPLES times, each sample less ov (the empty
 * region, bench_timing_overhead()), spread over the clock's phases where
 * it is coarse (bench_dither), and reports them under name with ints
 * kernel entries (interrupts) per op. A macro: op is inline in the timed
 * region, as a call would add its own cost. */
#define BENCH_NATIVE_MEASURE(name, ints, op)                                                       \
    do {                                                                                           \
        for (uint32_t i = 0; i < BENCH_NATIVE_SAMPLES; i++) {                                      \
            uint32_t t0;                                                                           \
            bench_dither(i);                                                                       \
            t0 = bench_tsc32();                                                                    \
            op;                                                                                    \
            bench_native_samples[i] = bench_tsc32() - t0 - ov;                                     \
        }                                                                                          \
        samples_report(printk, name, bench_native_samples, BENCH_NATIVE_SAMPLES);                  \
        samples_fact(printk, name, "entries", (ints) ? BENCH_NATIVE_SAMPLES : 0);                  \
        samples_fact(printk, name, "ops", BENCH_NATIVE_SAMPLES);                                   \
    } while (0)

#endif
