/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A TSC value taken earlier, converted to the kernel's wall clock with the
 * scale the kernel published in the control page (the same formula as
 * pv_clock_ns). Lets a partition read the TSC first and do the arithmetic
 * afterwards, so the read is as close as possible to the event it times.
 * On SPARC bench_tsc() is the kernel's wall clock already (lib/tsc.h). On
 * RISC-V it is the time CSR in ns (count * 100): the published base is in
 * counts and the scale 100 ns a count, so only the base is converted.
 */
#ifndef BENCH_PVTIME_H
#define BENCH_PVTIME_H

#include <pv/pv.h>

#include "tsc.h"

static inline uint64_t bench_tsc_to_ns(uint64_t tsc)
{
#if defined(__sparc__)
    return tsc;
#elif defined(__riscv)
    volatile struct pv_shared *s = pv_shared();

    return s->wall_base_ns + tsc - s->counter_base * BENCH_CLOCK_QUANTUM;
#else
    volatile struct pv_shared *s = pv_shared();

    return s->wall_base_ns + pv_mul_shr32(tsc - s->counter_base, s->counter_mult);
#endif
}

#endif
