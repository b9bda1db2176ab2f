/* SPDX-License-Identifier: BSD-2-Clause */
/* The x86 native port's software interrupt for the benchmarks
 * (../../port_native.c): a software-only vector, raised by int $n. */
#ifndef BENCH_NATIVE_X86_TRIGGER_H
#define BENCH_NATIVE_X86_TRIGGER_H

#define BENCH_TRIGGER_VECTOR 0x30u

static inline void bench_trigger_raise(void)
{
    __asm__ volatile("int $0x30" ::: "memory");
}

#endif
