/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The native side of bench_port.h on RISC-V (guest/port/native/riscv, in
 * S-mode on QEMU virt): the supervisor software interrupt, raised by
 * setting sip.SSIP, is the triggered interrupt; plus the raw instructions
 * the pv API replaces, for reference. The clock is the time CSR, one count
 * per 100 instructions (bench/lib/tsc.h): samples are dithered over its
 * phases as tm.c's are, so their means are exact to about one instruction.
 */
#include "bench_port.h"

#include <rtems/bspIo.h>

#include "../lib/samples.h"
#include "../lib/tsc.h"

#define TRIGGER_VECTOR 1u /* scause's supervisor software interrupt */
#define SIP_SSIP       2u
#define SSTATUS_SIE    2u
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
    /* Taken at the next instruction, interrupts being enabled. */
    __asm__ volatile("csrs sip, %0" : : "r"(SIP_SSIP) : "memory");
}

/* The CPU raises it itself: there is no slower kind natively. */
void bench_trigger_fast(void)
{
    bench_trigger();
}

/* The trivial handler of the bare round trip: clear the line, sret. */
void bench_bare_trap(void);
__asm__(".text\n.balign 4\n.globl bench_bare_trap\nbench_bare_trap:\n"
        "\tcsrci sip, 2\n\tsret\n");

#define MEASURE(name, ints, op)                                                                    \
    do {                                                                                           \
        for (uint32_t i = 0; i < SAMPLES; i++) {                                                   \
            uint32_t t0;                                                                           \
            bench_dither(i);                                                                       \
            t0 = bench_tsc32();                                                                    \
            op;                                                                                    \
            samples[i] = bench_tsc32() - t0 - ov;                                                  \
        }                                                                                          \
        samples_report(printk, name, samples, SAMPLES);                                            \
        samples_fact(printk, name, "entries", (ints) ? SAMPLES : 0);                               \
        samples_fact(printk, name, "ops", SAMPLES);                                                \
    } while (0)

/* A trap straight to bench_bare_trap, the port's vector bypassed: stvec
 * is swapped for the measure, with interrupts enabled and only the
 * software line left to come (the tick's may too: the handler is not made
 * for it, so the tick's line is masked meanwhile). */
static void bare_round_trip(uint32_t ov)
{
    uint64_t stvec;
    uint64_t sie;

    __asm__ volatile("csrr %0, stvec; csrr %1, sie" : "=r"(stvec), "=r"(sie));
    __asm__ volatile("csrw sie, %0; csrw stvec, %1"
                     :
                     : "r"((uint64_t)SIP_SSIP), "r"((uint64_t)(uintptr_t)bench_bare_trap)
                     : "memory");
    MEASURE("ssip_bare", 1, __asm__ volatile("csrs sip, %0" : : "r"(SIP_SSIP) : "memory"));
    __asm__ volatile("csrw stvec, %0; csrw sie, %1" : : "r"(stvec), "r"(sie) : "memory");
}

void bench_port_extras(void)
{
    uint32_t sum;
    uint32_t ov = bench_timing_overhead(&sum);
    uint64_t sstatus;

    /* With the tick running an interrupt may land in a sample; the median
     * is unaffected and the maximum shows it. */
    __asm__ volatile("csrr %0, sstatus" : "=r"(sstatus));
    MEASURE("sie_off_on", 0, __asm__ volatile("csrci sstatus, 2; csrsi sstatus, 2" ::: "memory"));
    MEASURE("rdtime_smode", 0, (void)bench_tsc());
    if (sstatus & SSTATUS_SIE) {
        bare_round_trip(ov);
    } else {
        __asm__ volatile("csrci sstatus, 2" ::: "memory");
        printk("bench ssip_bare skipped: interrupts disabled\n");
    }
}
