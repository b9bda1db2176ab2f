/* SPDX-License-Identifier: BSD-2-Clause */
/* The RISC-V native port's software interrupt for the benchmarks
 * (../../port_native.c): scause's supervisor software interrupt, raised by
 * setting sip.SSIP and taken at the next instruction, interrupts being
 * enabled. */
#ifndef BENCH_NATIVE_RISCV_TRIGGER_H
#define BENCH_NATIVE_RISCV_TRIGGER_H

#include <stdint.h>

#define BENCH_TRIGGER_VECTOR 1u
#define BENCH_SIP_SSIP       2u

static inline void bench_trigger_raise(void)
{
    __asm__ volatile("csrs sip, %0" : : "r"(BENCH_SIP_SSIP) : "memory");
}

#endif
