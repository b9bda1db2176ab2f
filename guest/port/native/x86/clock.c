/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Monotonic clock from the TSC. Its rate is measured once at boot against
 * PIT channel 2 over CALIBRATE_CLOCKS (10 ms) and rounded to whole MHz:
 * real TSC rates are whole MHz (or close enough for a tick-refined clock),
 * and under QEMU -icount shift=0 the TSC runs at exactly 1000 MHz, so the
 * clock then counts exact nanoseconds and runs are reproducible. Assumes an
 * invariant TSC (every CPU QEMU models, and all recent hardware).
 */
#include "native.h"

#include "io.h"

#include <port.h>

#define PIT_HZ           1193182u
#define CALIBRATE_CLOCKS 11932u
#define FALLBACK_MHZ     1000u

static uint32_t tsc_mhz = FALLBACK_MHZ;

void native_clock_init(void)
{
    uint64_t start;
    uint64_t cycles;
    uint32_t mhz;

    native_pit_calibrate_start(CALIBRATE_CLOCKS);
    start = rdtsc();
    while (!native_pit_calibrate_done()) {
    }
    cycles = rdtsc() - start;
    /* MHz = cycles / (CALIBRATE_CLOCKS / PIT_HZ) / 1e6, rounded. */
    mhz = (uint32_t)((cycles * PIT_HZ / CALIBRATE_CLOCKS + 500000u) / 1000000u);
    if (mhz != 0) {
        tsc_mhz = mhz;
    }
}

uint32_t native_clock_mhz(void)
{
    return tsc_mhz;
}

uint64_t port_clock_monotonic_ns(void)
{
    uint64_t tsc = rdtsc();

    /* Split so that tsc * 1000 cannot overflow however long the uptime. */
    return tsc / tsc_mhz * 1000u + tsc % tsc_mhz * 1000u / tsc_mhz;
}
