/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The RISC-V part of the native side of bench_port.h, in S-mode on QEMU
 * virt: the software interrupt and the extra measures: the raw
 * instructions the pv API replaces, for reference, and a bare trap round
 * trip. The clock is the
 * time CSR, one count per 100 instructions (bench/lib/tsc.h): samples are
 * dithered over its phases as tm.c's are, so their means are exact to
 * about one instruction.
 */
#include "../../bench_port.h"
#include "../../port_native.h"

#define BENCH_SIP_SSIP 2u
#define SSTATUS_SIE    2u

/* scause's supervisor software interrupt, raised by setting sip.SSIP and
 * taken at the next instruction, interrupts being enabled. */
const rtems_vector_number bench_native_trigger_vector = 1;

void bench_trigger(void)
{
    bench_native_raised++;
    __asm__ volatile("csrs sip, %0" : : "r"(BENCH_SIP_SSIP) : "memory");
}

/* The trivial handler of the bare round trip: clear the line, sret. */
void bench_bare_trap(void);
__asm__(".text\n.balign 4\n.globl bench_bare_trap\nbench_bare_trap:\n"
        "\tcsrci sip, 2\n\tsret\n");

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
                     : "r"((uint64_t)BENCH_SIP_SSIP), "r"((uint64_t)(uintptr_t)bench_bare_trap)
                     : "memory");
    BENCH_NATIVE_MEASURE("ssip_bare", 1,
                         __asm__ volatile("csrs sip, %0"
                                          :
                                          : "r"(BENCH_SIP_SSIP)
                                          : "memory"));
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
    BENCH_NATIVE_MEASURE("sie_off_on", 0,
                         __asm__ volatile("csrci sstatus, 2; csrsi sstatus, 2" ::
                                              : "memory"));
    BENCH_NATIVE_MEASURE("rdtime_smode", 0, (void)bench_tsc());
    if (sstatus & SSTATUS_SIE) {
        bare_round_trip(ov);
    } else {
        __asm__ volatile("csrci sstatus, 2" ::: "memory");
        printk("bench ssip_bare skipped: interrupts disabled\n");
    }
}
