/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The x86 part of the native side of bench_port.h, in ring 0 on bare x86:
 * the software interrupt (a software-only vector of the port, int $n) and
 * the extra measures: the raw instructions the pv API replaces, for
 * reference, and a bare int $n round trip.
 */
#include "../../bench_port.h"
#include "../../port_native.h"

#define BARE_VECTOR 0x3e /* left uncaught; the bare gate goes here */

const rtems_vector_number bench_native_trigger_vector = 0x30;

void bench_trigger(void)
{
    bench_native_raised++;
    __asm__ volatile("int $0x30" ::: "memory");
}

/* The trivial handler of the bare round trip: nothing but iret. */
void bench_bare_isr(void);
__asm__(".text\n.globl bench_bare_isr\nbench_bare_isr:\n\tiret\n");

/* Points the IDT gate of BARE_VECTOR at bench_bare_isr: a 32-bit interrupt
 * gate in the current code segment. Ring 0, so sidt is allowed. */
static int install_bare_gate(void)
{
    struct __attribute__((packed)) {
        uint16_t limit;
        uint32_t base;
    } idtr;
    uint32_t handler = (uint32_t)(uintptr_t)bench_bare_isr;
    uint16_t cs;
    volatile uint32_t *gate;

    __asm__ volatile("sidt %0" : "=m"(idtr));
    __asm__ volatile("mov %%cs, %0" : "=r"(cs));
    if (idtr.limit < BARE_VECTOR * 8 + 7) {
        return -1;
    }
    gate = (volatile uint32_t *)(uintptr_t)(idtr.base + BARE_VECTOR * 8);
    gate[0] = ((uint32_t)cs << 16) | (handler & 0xffffu);
    gate[1] = (handler & 0xffff0000u) | 0x8e00u;
    return 0;
}

void bench_port_extras(void)
{
    uint32_t sum;
    uint32_t ov = bench_timing_overhead(&sum);
    uint32_t flags;

    /* With the tick running an interrupt may land in a sample; the median
     * is unaffected and the maximum shows it. */
    __asm__ volatile("pushfl; popl %0" : "=r"(flags));
    BENCH_NATIVE_MEASURE("cli_sti", 0, __asm__ volatile("cli; sti" ::: "memory"));
    BENCH_NATIVE_MEASURE("rdtsc_ring0", 0, (void)bench_tsc());
    if (install_bare_gate() == 0) {
        BENCH_NATIVE_MEASURE("int_bare", 1, __asm__ volatile("int $0x3e" ::: "memory"));
    } else {
        printk("bench int_bare skipped: IDT too short\n");
    }
    if (!(flags & 0x200u)) {
        __asm__ volatile("cli");
    }
}
