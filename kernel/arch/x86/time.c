/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Time: the TSC is the clock, the local APIC timer in one-shot mode is the
 * schedule timer. Both rates are measured against the PIT (a fixed
 * 1.193182 MHz) at boot and rounded to whole MHz; under QEMU -icount both
 * run at exactly 1000 MHz, which makes every deadline exact.
 */
#include "arch.h"
#include "kprintf.h"
#include "pv/shared.h"
#include "x86.h"

#define PIT_HZ    1193182u
#define PIT_CH0   0x40
#define PIT_CMD   0x43
#define PIC1_CMD  0x20
#define PIC1_DATA 0x21
#define PIC2_CMD  0xa0
#define PIC2_DATA 0xa1

#define LAPIC_BASE       0xfee00000u
#define LAPIC_EOI        0x0b0
#define LAPIC_SVR        0x0f0
#define LAPIC_LVT_TIMER  0x320
#define LAPIC_TIMER_INIT 0x380
#define LAPIC_TIMER_CUR  0x390
#define LAPIC_TIMER_DIV  0x3e0
#define LVT_MASKED       0x10000u
#define MSR_APIC_BASE    0x1b

static uint32_t tsc_mhz, lapic_mhz;
static uint64_t tsc_at_boot;

static volatile uint32_t *lapic_reg(uint32_t off)
{
    return (volatile uint32_t *)(uintptr_t)(LAPIC_BASE + off);
}

/* The legacy PICs are remapped away from the exception vectors and masked:
 * the kernel uses the local APIC only. */
static void pic_disable(void)
{
    outb(PIC1_CMD, 0x11);
    outb(PIC2_CMD, 0x11);
    outb(PIC1_DATA, 0x20);
    outb(PIC2_DATA, 0x28);
    outb(PIC1_DATA, 0x04);
    outb(PIC2_DATA, 0x02);
    outb(PIC1_DATA, 0x01);
    outb(PIC2_DATA, 0x01);
    outb(PIC1_DATA, 0xff);
    outb(PIC2_DATA, 0xff);
}

static uint16_t pit_read(void)
{
    uint8_t lo, hi;

    outb(PIT_CMD, 0x00); /* latch channel 0 */
    lo = inb(PIT_CH0);
    hi = inb(PIT_CH0);
    return (uint16_t)(lo | (hi << 8));
}

/* Busy-waits for `ticks` PIT ticks (< 65536) with channel 0 free-running. */
static void pit_wait(uint32_t ticks)
{
    uint16_t last = pit_read();
    uint32_t elapsed = 0;

    while (elapsed < ticks) {
        uint16_t now = pit_read();

        elapsed += (uint16_t)(last - now); /* counts down, wraps at 65536 */
        last = now;
    }
}

static uint32_t round_mhz(uint64_t count, uint32_t pit_ticks)
{
    /* rate = count * PIT_HZ / pit_ticks; in MHz, rounded. */
    uint64_t hz = count * PIT_HZ / pit_ticks;

    return (uint32_t)((hz + 500000) / 1000000);
}

void x86_time_init(void)
{
    const uint32_t ticks = 11932; /* 10 ms */
    uint64_t t0, t1;
    uint32_t l1;

    pic_disable();
    /* Channel 0, lobyte/hibyte, mode 2 (rate generator), count 65536. */
    outb(PIT_CMD, 0x34);
    outb(PIT_CH0, 0);
    outb(PIT_CH0, 0);

    wrmsr(MSR_APIC_BASE, rdmsr(MSR_APIC_BASE) | (1u << 11));
    *lapic_reg(LAPIC_SVR) = 0x100 | VECTOR_SPURIOUS;
    *lapic_reg(LAPIC_TIMER_DIV) = 0xb; /* divide by 1 */
    *lapic_reg(LAPIC_LVT_TIMER) = LVT_MASKED | VECTOR_TIMER;

    pit_wait(1); /* start on a tick edge */
    *lapic_reg(LAPIC_TIMER_INIT) = 0xffffffffu;
    t0 = rdtsc();
    pit_wait(ticks);
    t1 = rdtsc();
    l1 = *lapic_reg(LAPIC_TIMER_CUR);
    *lapic_reg(LAPIC_TIMER_INIT) = 0;

    tsc_mhz = round_mhz(t1 - t0, ticks);
    lapic_mhz = round_mhz(0xffffffffu - l1, ticks);
    if (tsc_mhz == 0 || lapic_mhz == 0)
        panic("time: TSC (%u MHz) or local APIC timer (%u MHz) not usable", tsc_mhz, lapic_mhz);
    *lapic_reg(LAPIC_LVT_TIMER) = VECTOR_TIMER; /* one-shot, unmasked */
    tsc_at_boot = rdtsc();
    kprintf("[tessera] time: TSC %u MHz, local APIC timer %u MHz\n", tsc_mhz, lapic_mhz);
}

static uint64_t tsc_to_ns(uint64_t tsc)
{
    uint64_t t = tsc - tsc_at_boot;

    /* Split so that t * 1000 cannot overflow for centuries. */
    return t / tsc_mhz * 1000 + t % tsc_mhz * 1000 / tsc_mhz;
}

uint64_t arch_time_ns(void)
{
    return tsc_to_ns(rdtsc());
}

void arch_timer_arm(uint64_t deadline_ns)
{
    uint64_t now = arch_time_ns();
    uint64_t delta = deadline_ns > now ? deadline_ns - now : 0;
    uint64_t count = delta * lapic_mhz / 1000;

    if (count == 0)
        count = 1;
    /* Beyond the counter's range: wake up early and re-arm. */
    if (count > 0xffffffffu)
        count = 0xffffffffu;
    *lapic_reg(LAPIC_TIMER_INIT) = (uint32_t)count;
}

void x86_timer_eoi(void)
{
    *lapic_reg(LAPIC_EOI) = 0;
}

void arch_clock_publish(struct pv_shared *s)
{
    uint64_t tsc = rdtsc();

    /* Ring 3 may read the TSC (CR4.TSD is clear). */
    s->counter_valid = 1;
    s->counter_mult = ((uint64_t)1000 << 32) / tsc_mhz;
    s->counter_base = tsc;
    s->wall_base_ns = tsc_to_ns(tsc);
}
