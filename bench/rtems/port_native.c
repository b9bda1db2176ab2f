/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The native side of bench_port.h, in ring 0 on bare x86: software
 * interrupts through the port's IDT, plus the raw instructions the pv API
 * replaces, for reference.
 */
#include "bench_port.h"

#include <rtems/bspIo.h>

#include "../lib/samples.h"
#include "../lib/tsc.h"

#define TRIGGER_VECTOR 0x30 /* a software-only vector of the native port */
#define BARE_VECTOR    0x3e /* left uncaught; the bare gate goes here */
#define SAMPLES        10000

static uint32_t raised;
static uint32_t samples[SAMPLES];

uint32_t bench_entries(void)
{
    return raised;
}

rtems_status_code bench_trigger_attach(rtems_isr_entry isr)
{
    rtems_isr_entry old;

    return rtems_interrupt_catch(isr, TRIGGER_VECTOR, &old);
}

void bench_trigger(void)
{
    raised++;
    __asm__ volatile("int $0x30" ::: "memory");
}

/* The CPU raises it itself: there is no slower kind natively. */
void bench_trigger_fast(void)
{
    bench_trigger();
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

static uint32_t overhead(void)
{
    uint32_t best = ~0u;

    for (int i = 0; i < 1000; i++) {
        uint32_t t0 = bench_tsc32();
        uint32_t d = bench_tsc32() - t0;

        if (d < best) {
            best = d;
        }
    }
    return best;
}

#define MEASURE(name, ints, op)                                                                    \
    do {                                                                                           \
        for (uint32_t i = 0; i < SAMPLES; i++) {                                                   \
            uint32_t t0 = bench_tsc32();                                                           \
            op;                                                                                    \
            samples[i] = bench_tsc32() - t0 - ov;                                                  \
        }                                                                                          \
        samples_report(printk, name, samples, SAMPLES);                                            \
        samples_fact(printk, name, "entries", (ints) ? SAMPLES : 0);                               \
        samples_fact(printk, name, "ops", SAMPLES);                                                \
    } while (0)

void bench_port_extras(void)
{
    uint32_t ov = overhead();
    uint32_t flags;

    /* With the tick running an interrupt may land in a sample; the median
     * is unaffected and the maximum shows it. */
    __asm__ volatile("pushfl; popl %0" : "=r"(flags));
    MEASURE("cli_sti", 0, __asm__ volatile("cli; sti" ::: "memory"));
    MEASURE("rdtsc_ring0", 0, (void)bench_tsc());
    if (install_bare_gate() == 0) {
        MEASURE("int_bare", 1, __asm__ volatile("int $0x3e" ::: "memory"));
    } else {
        printk("bench int_bare skipped: IDT too short\n");
    }
    if (!(flags & 0x200u)) {
        __asm__ volatile("cli");
    }
}
