/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Time: the TSC is the clock, the local APIC timer in one-shot mode is the
 * schedule timer. Both rates are measured against the PIT (a fixed
 * 1.193182 MHz) at boot and rounded to whole MHz; under QEMU -icount both
 * run at exactly 1000 MHz, which makes every deadline exact.
 *
 * The conversions run on every kernel entry, so they avoid libgcc's generic
 * 64-bit division: every divisor is a 32-bit number known at boot
 * (tsc_ns.h's divl).
 */
#include "arch.h"
#include "kprintf.h"
#include "pv/shared.h"
#include "timer_fast.h"
#include "x86.h"

#define PIT_HZ    1193182u
#define PIT_CH0   0x40
#define PIT_CMD   0x43
#define PIC1_CMD  0x20
#define PIC1_DATA 0x21
#define PIC2_CMD  0xa0
#define PIC2_DATA 0xa1

#define LAPIC_BASE       0xfee00000u
#define LAPIC_ID         0x020
#define LAPIC_EOI        0x0b0
#define LAPIC_ICR_LO     0x300
#define LAPIC_ICR_HI     0x310
#define ICR_PENDING      0x1000u /* delivery status: not yet accepted */
#define LAPIC_SVR        0x0f0
#define LAPIC_LVT_TIMER  0x320
#define LAPIC_TIMER_INIT 0x380
#define LAPIC_TIMER_CUR  0x390
#define LAPIC_TIMER_DIV  0x3e0
#define LAPIC_LVT_LINT1  0x360
#define LVT_MASKED       0x10000u
#define LVT_NMI          0x400u /* delivery mode NMI */
#define MSR_APIC_BASE    0x1b

static uint32_t tsc_mhz, lapic_mhz;
static uint64_t tsc_at_boot;
#include "tsc_ns.h" /* on tsc_mhz */
/* Derived at boot, constant afterwards: the control page's counter scale
 * (ns per TSC tick, 32.32 fixed point), and the longest delay in ns whose
 * local APIC count still fits in the 32-bit counter. */
static uint64_t clock_mult;
static uint64_t timer_max_ns;
/* The largest ns for which ns * tsc_mhz + 999 fits in 64 bits
 * (ns_to_tsc_up). */
static uint64_t tsc_ns_max;

/* The last reading of arch_time_ns(): a TSC value and its time. Later in
 * the same kernel entry, the clock published to a partition and the timer
 * count start from it instead of converting another reading; a snapshot
 * older than SNAP_MAX_TICKS (no longer the same entry) is not used. */
static uint64_t snap_tsc ARCH_PER_CPU, snap_ns ARCH_PER_CPU; /* each CPU its own */
#define SNAP_MAX_TICKS 65536u

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
    outb(PIC1_DATA, VECTOR_PIC_FIRST);
    outb(PIC2_DATA, VECTOR_PIC_FIRST + 8);
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
    /* A PC wires its NMI sources to LINT1: deliver them as NMI, so that they
     * reach the kernel's NMI task (desc.c) instead of being dropped. */
    *lapic_reg(LAPIC_LVT_LINT1) = LVT_NMI;
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
    if (tsc_mhz == 0 || lapic_mhz == 0) {
        panic("time: TSC (%u MHz) or local APIC timer (%u MHz) not usable", tsc_mhz, lapic_mhz);
    }
    *lapic_reg(LAPIC_LVT_TIMER) = VECTOR_TIMER; /* one-shot, unmasked */
    clock_mult = ((uint64_t)1000 << 32) / tsc_mhz;
    timer_max_ns = lapic_span_ns(lapic_mhz);
    tsc_ns_max = (UINT64_MAX - 999) / tsc_mhz;
    tsc_at_boot = rdtsc();
    kprintf("[tessera] time: TSC %u MHz, local APIC timer %u MHz\n", tsc_mhz, lapic_mhz);
}

/* floor((tsc - tsc_at_boot) * 1000 / tsc_mhz) (tsc_ns.h). */
static inline uint64_t tsc_to_ns(uint64_t tsc)
{
    return tsc_ns(tsc - tsc_at_boot);
}

uint64_t arch_time_ns(void)
{
    uint64_t tsc = rdtsc();

    snap_tsc = tsc;
    snap_ns = tsc_to_ns(tsc);
    return snap_ns;
}

/* A recent (TSC, time) pair: the snapshot if it is recent, else a new one. */
static inline uint64_t recent_time(uint64_t *tsc)
{
    uint64_t now = rdtsc();

    if (now - snap_tsc < SNAP_MAX_TICKS) {
        *tsc = snap_tsc;
        return snap_ns;
    }
    *tsc = now;
    return tsc_to_ns(now);
}

volatile uint32_t x86_idle_state ARCH_PER_CPU;

/* The guard band's window start while the state is IDLE_WAKE_EARLY. */
#define IDLE_SPIN_NS 2000u
static uint64_t idle_deadline_ns ARCH_PER_CPU;

/* The first TSC value whose time is at or past ns (tsc_ns.h). ns at most
 * tsc_ns_max, so that the product fits in 64 bits. */
static uint64_t ns_to_tsc_up(uint64_t ns)
{
    return tsc_at_boot + ns_tsc_up(ns);
}

/* Spins on the TSC alone: the loop's exit is a few instructions past the
 * first TSC value whose time is ns. */
void arch_wait_until(uint64_t ns)
{
    uint64_t at;

    if (ns > tsc_ns_max) {
        return;
    }
    at = ns_to_tsc_up(ns);
    while (rdtsc() < at) {
        ;
    }
}

/* The count is min(max(delta * lapic_mhz / 1000, 1), 0xffffffff) local
 * APIC ticks, delta = deadline - now. The counter starts when the count is
 * written, not when `now` was read: the ticks that passed in between are
 * taken off, so the interrupt comes at the deadline and not that many
 * instructions after it. */
__attribute__((noinline)) static void timer_arm_converted(uint64_t deadline_ns)
{
    uint64_t tsc, now = recent_time(&tsc);
    uint32_t count, r;

    if (deadline_ns <= now) {
        count = 1;
    } else if (deadline_ns - now > timer_max_ns) {
        count = 0xffffffffu; /* beyond the counter's range: wake up early and re-arm */
    } else {
        /* delta <= timer_max_ns: the quotient fits in 32 bits. */
        uint64_t n = (deadline_ns - now) * lapic_mhz;
        uint32_t spent;

        count = divl((uint32_t)(n >> 32), (uint32_t)n, 1000, &r);
        /* TSC ticks since `tsc` (fewer than 2^17), in local APIC ticks. */
        n = (uint64_t)(uint32_t)(rdtsc() - tsc) * lapic_mhz;
        spent = (uint32_t)(n >> 32) < tsc_mhz ? divl((uint32_t)(n >> 32), (uint32_t)n, tsc_mhz, &r)
                                              : count;
        count = count > spent ? count - spent : 1;
    }
    *lapic_reg(LAPIC_TIMER_INIT) = count;
}

/* The local APIC counting TSC ticks: loads the count that makes the
 * interrupt come at the TSC value at - at minus the TSC now, when that is
 * 1 to 2^32 - 1 - and returns true; otherwise loads nothing, returns
 * false and leaves at minus the TSC read in *left. The counter starts at
 * the load, so every instruction between the TSC reading and it makes the
 * interrupt that much later: five here (compiled C had 15). */
static inline bool lapic_count_to(uint64_t at, uint64_t *left)
{
    uint32_t lo = (uint32_t)at, hi = (uint32_t)(at >> 32), loaded = 0;

    __asm__ volatile("rdtsc\n\t"
                     "sub %%eax, %[lo]\n\t"
                     "sbb %%edx, %[hi]\n\t"
                     "jnz 1f\n\t"
                     "test %[lo], %[lo]\n\t"
                     "jz 1f\n\t"
                     "mov %[lo], (%[count])\n\t"
                     "inc %[loaded]\n"
                     "1:"
                     : [lo] "+r"(lo), [hi] "+r"(hi), [loaded] "+r"(loaded)
                     : [count] "r"(lapic_reg(LAPIC_TIMER_INIT))
                     : "eax", "edx", "cc", "memory");
    *left = ((uint64_t)hi << 32) | lo;
    return loaded;
}

void arch_timer_arm(uint64_t deadline_ns)
{
    uint64_t left;

    /* The local APIC counting TSC ticks (as under -icount): the count is
     * the TSC ticks left to the deadline's first TSC value, when the
     * general case makes the interrupt come too, without converting the
     * time now or the ticks spent since reading it. */
    if (lapic_mhz != tsc_mhz || deadline_ns > tsc_ns_max) {
        timer_arm_converted(deadline_ns);
        return;
    }
    if (!lapic_count_to(ns_to_tsc_up(deadline_ns), &left)) {
        /* Past (or now): at once; beyond the counter: wake up early and
         * re-arm. */
        *lapic_reg(LAPIC_TIMER_INIT) = (int64_t)left <= 0 ? 1 : 0xffffffffu;
    }
}

/* The local APIC timer counts at 1 GHz from its load, the clock's own
 * resolution: no coarser grid for the instant of the load to fall across. */
void arch_timer_arm_idle(uint64_t deadline_ns)
{
    uint64_t tsc;

    if (deadline_ns > IDLE_SPIN_NS && deadline_ns - IDLE_SPIN_NS > recent_time(&tsc)) {
        arch_timer_arm(deadline_ns - IDLE_SPIN_NS);
        idle_deadline_ns = deadline_ns;
        x86_idle_state = IDLE_WAKE_EARLY;
    } else {
        arch_timer_arm(deadline_ns);
        x86_idle_state = IDLE_SPIN;
    }
}

struct x86_fast_timer x86_fast_timer ARCH_PER_CPU;

/* The record in TSC ticks (x86.h). Not served: other rates of the TSC
 * and the local APIC timer (the count would need a conversion), a period
 * that is not a whole number of TSC ticks or not below 2^32 of them, a run
 * end too far for one count, and the idle loop's guard-band states
 * (x86_idle_timer() has something to do then). */
bool arch_fast_timer_prepare(const struct fast_timer_record *r, bool same)
{
    struct x86_fast_timer *t = &x86_fast_timer;
    uint64_t period;
    uint32_t rem;

    if (x86_idle_state != IDLE_HALT) {
        return false;
    }
    /* The same record as prepared before: its TSC values depend only on
     * the deadline, the period and the run's end - the fast path moved
     * fire and limit on with the deadline - and the run's end is still
     * ahead (this partition runs), so nothing is worked out again. */
    if (same) {
        return true;
    }
    period = r->period_ns * tsc_mhz;
    if (lapic_mhz != tsc_mhz || r->end_ns > tsc_ns_max || r->period_ns >= (1ull << 32) ||
        (uint32_t)(period >> 32) >= 1000) {
        return false;
    }
    t->period_tsc = divl((uint32_t)(period >> 32), (uint32_t)period, 1000, &rem);
    if (rem) {
        return false;
    }
    t->fire_tsc = ns_to_tsc_up(r->deadline_ns);
    t->end_tsc = ns_to_tsc_up(r->end_ns);
    if (t->end_tsc - rdtsc() >= (1u << 31)) {
        return false; /* (or past: no run left) */
    }
    t->limit_tsc = t->end_tsc;
    if (t->period_tsc && t->fire_tsc + t->period_tsc < t->end_tsc) {
        t->limit_tsc = t->fire_tsc + t->period_tsc;
    }
    return true;
}

void x86_idle_wake_early(void)
{
    x86_idle_state = IDLE_SPIN;
    arch_timer_arm(idle_deadline_ns);
}

void x86_timer_eoi(void)
{
    *lapic_reg(LAPIC_EOI) = 0;
}

void arch_clock_publish(struct pv_shared *s)
{
    /* Ring 3 may read the TSC (CR4.TSD is clear). Any (TSC, time) pair
     * of the same conversion is a valid base: the entry's own reading,
     * which every kernel entry takes (arch_time_ns()) before it can
     * publish a window, is one, however long the entry has run since -
     * no new reading or test of its age (recent_time()) needed. */
    s->counter_valid = 1;
    s->counter_mult = clock_mult;
    s->counter_base = snap_tsc;
    s->wall_base_ns = snap_ns;
}

/* The clock read afresh, not through the entry's snapshot: smp.c's waits
 * while the CPUs start and an AP's count of frame starts. */
uint64_t x86_time_ns_unshared(void)
{
    return tsc_to_ns(rdtsc());
}

/* The AP's own local APIC, as x86_time_init() set up the boot CPU's; the
 * rates measured there hold for every CPU of the machine. */
void x86_lapic_init_ap(void)
{
    wrmsr(MSR_APIC_BASE, rdmsr(MSR_APIC_BASE) | (1u << 11));
    *lapic_reg(LAPIC_SVR) = 0x100 | VECTOR_SPURIOUS;
    *lapic_reg(LAPIC_LVT_LINT1) = LVT_MASKED; /* a PC wires NMI to the boot CPU only */
    *lapic_reg(LAPIC_TIMER_DIV) = 0xb;
    *lapic_reg(LAPIC_LVT_TIMER) = VECTOR_TIMER; /* one-shot, unmasked */
}

uint32_t x86_lapic_id(void)
{
    return *lapic_reg(LAPIC_ID) >> 24;
}

/* Sends an interprocessor interrupt and waits until the local APIC has
 * accepted it: a bounded wait (the APIC takes it within a bus cycle or a
 * few; 10^6 polls are far beyond that), then a panic. */
void x86_lapic_ipi(uint32_t apic_id, uint32_t command)
{
    *lapic_reg(LAPIC_ICR_HI) = apic_id << 24;
    *lapic_reg(LAPIC_ICR_LO) = command;
    for (uint32_t i = 0; i < 1000000u; i++) {
        if (!(*lapic_reg(LAPIC_ICR_LO) & ICR_PENDING)) {
            return;
        }
    }
    panic("local APIC: interprocessor interrupt %x to APIC %u not accepted", command, apic_id);
}
