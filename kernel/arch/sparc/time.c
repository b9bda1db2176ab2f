/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Time on LEON3: the GPTIMER. Its prescaler is set to divide the 40 MHz
 * system clock by one, so both timers tick every 25 ns: timer 1 runs freely
 * (the clock), timer 2 is the one-shot schedule timer (IRQMP line 7). The
 * 32-bit free-running counter wraps every 107 s; arch_time_ns() extends it
 * to 64 bits, which needs a reading at least once per wrap - the schedule
 * timer is never armed further ahead than half of that.
 */
#include "arch.h"
#include "kprintf.h"
#include "pv/shared.h"
#include "sparc.h"

#define SYSTEM_HZ 40000000u /* QEMU leon3_generic; the PROM stub divides by 40 */
_Static_assert(SPARC_TICK_NS == 1000000000u / SYSTEM_HZ, "a tick is 1e9 / SYSTEM_HZ ns");
#define GPT_BASE       0x80000300u
#define GPT_SCALER     (GPT_BASE + 0x00)
#define GPT_RELOAD     (GPT_BASE + 0x04)
#define GPT_COUNTER(n) (GPT_BASE + 0x10 + 0x10 * (n))
#define GPT_LOAD(n)    (GPT_BASE + 0x14 + 0x10 * (n))
#define GPT_CTRL(n)    (GPT_BASE + 0x18 + 0x10 * (n))
#define GPT_EN         0x01u
#define GPT_RS         0x02u /* restart at underflow */
#define GPT_LD         0x04u /* load the counter from the reload value */
#define GPT_IE         0x08u
#define GPT_IP         0x10u
#define CLOCK_TIMER    0
#define SCHED_TIMER    1
#define SCHED_IRQ      7

#define IRQMP_BASE    0x80000200u
#define IRQMP_LEVEL   (IRQMP_BASE + 0x00)
#define IRQMP_PENDING (IRQMP_BASE + 0x04)
#define IRQMP_CLEAR   (IRQMP_BASE + 0x0c)
#define IRQMP_MASK0   (IRQMP_BASE + 0x40)

/* The clock: also read by the pv clock trap (trap_fast.S, clock_fast), at the
 * offsets asm_offsets.c gives it. */
struct sparc_clock sparc_clock;

void sparc_time_init(void)
{
    mmio_write(GPT_CTRL(CLOCK_TIMER), 0);
    mmio_write(GPT_CTRL(SCHED_TIMER), 0);
    mmio_write(GPT_RELOAD, 0);
    mmio_write(GPT_SCALER, 0);
    mmio_write(GPT_LOAD(CLOCK_TIMER), 0xffffffffu);
    mmio_write(GPT_CTRL(CLOCK_TIMER), GPT_EN | GPT_RS | GPT_LD);
    sparc_clock.last_count = mmio_read(GPT_COUNTER(CLOCK_TIMER));
    sparc_clock.ticks = 0;
    /* Only the schedule timer interrupts, at level 7 (so the kernel's PIL
     * of 15 masks it and the idle loop's PIL of 0 lets it in). */
    mmio_write(IRQMP_LEVEL, 0);
    mmio_write(IRQMP_CLEAR, 0xfffeu);
    mmio_write(IRQMP_MASK0, 1u << SCHED_IRQ);
    kprintf("[tessera] time: GPTIMER %u MHz, %u ns per tick\n", SYSTEM_HZ / 1000000, SPARC_TICK_NS);
}

static uint64_t now_ticks(void)
{
    uint32_t c = mmio_read(GPT_COUNTER(CLOCK_TIMER));

    sparc_clock.ticks += (uint32_t)(sparc_clock.last_count - c); /* counts down, wraps at 2^32 */
    sparc_clock.last_count = c;
    return sparc_clock.ticks;
}

uint64_t arch_time_ns(void)
{
    return now_ticks() * SPARC_TICK_NS;
}

void arch_wait_until(uint64_t ns)
{
    while (arch_time_ns() < ns) {
        ;
    }
}

/* (hi:lo) / d for hi < d: one udiv of %y:lo (the quotient fits in 32
 * bits). wr %y takes effect after up to three instructions. */
static inline uint32_t udiv_y(uint32_t hi, uint32_t lo, uint32_t d)
{
    uint32_t q;

    __asm__("wr %1, %%y\n\tnop\n\tnop\n\tnop\n\tudiv %2, %3, %0"
            : "=r"(q)
            : "r"(hi), "r"(lo), "r"(d));
    return q;
}

/* The tick of a time in ns, rounded up: the interrupt must not come before
 * the deadline. Long division in two udivs instead of libgcc's or GCC's
 * 64-bit sequence (about 40 instructions on every timer arm). */
uint64_t sparc_ns_to_ticks_up(uint64_t ns)
{
    uint64_t n = ns + SPARC_TICK_NS - 1;
    uint32_t hi = (uint32_t)(n >> 32);
    uint32_t qh = hi / SPARC_TICK_NS;

    return (uint64_t)qh << 32 | udiv_y(hi - qh * SPARC_TICK_NS, (uint32_t)n, SPARC_TICK_NS);
}

uint64_t sparc_timer_armed_tick;

void arch_timer_arm(uint64_t deadline_ns)
{
    /* In ticks: ceil(deadline / 25) - now is ceil((deadline - now * 25) /
     * 25), now being whole ticks. */
    uint64_t now = now_ticks();
    uint64_t at = sparc_ns_to_ticks_up(deadline_ns);
    uint64_t count = at > now ? at - now : 1;

    sparc_timer_armed_tick = at;

    if (count > ARM_MAX_TICKS) {
        count = ARM_MAX_TICKS; /* wake up early and re-arm */
    }
    mmio_write(GPT_CTRL(SCHED_TIMER), 0);
    /* The counter underflows (and interrupts) after reload + 1 ticks. */
    mmio_write(GPT_LOAD(SCHED_TIMER), (uint32_t)count - 1);
    mmio_write(GPT_CTRL(SCHED_TIMER), GPT_EN | GPT_LD | GPT_IE);
}

uint32_t sparc_timer_arm_on_grid(uint32_t count_at_deadline, volatile uint32_t *counter0);

/* Ticks the grid-locked arm needs before the deadline: finding the edge
 * takes up to two ticks, the rest is margin. */
#define ON_GRID_MIN_TICKS 8u

void arch_timer_arm_idle(uint64_t deadline_ns)
{
    uint64_t now = now_ticks();
    /* The tick of the deadline, rounded up as arch_timer_arm() does. */
    uint64_t at = sparc_ns_to_ticks_up(deadline_ns);

    sparc_timer_armed_tick = at;
    if (at < now + ON_GRID_MIN_TICKS || at - now > ARM_MAX_TICKS) {
        arch_timer_arm(deadline_ns);
        return;
    }
    sparc_timer_arm_on_grid(sparc_clock.last_count - (uint32_t)(at - now),
                            (volatile uint32_t *)(GPT_COUNTER(CLOCK_TIMER) - MMIO_PA + MMIO_VA));
}

bool sparc_timer_pending(void)
{
    return ((mmio_read(IRQMP_PENDING) >> SCHED_IRQ) & 1u) != 0;
}

void sparc_timer_ack(void)
{
    mmio_write(GPT_CTRL(SCHED_TIMER), GPT_IP);
    mmio_write(IRQMP_CLEAR, 1u << SCHED_IRQ);
}

void arch_clock_publish(struct pv_shared *s)
{
    /* No counter is readable in user mode on LEON3 (the GPTIMER is mapped
     * supervisor-only); the pv clock trap (ta 0x43, trap_fast.S) returns the
     * kernel's tick count since boot, which is the wall clock at 25 ns a
     * tick: a constant scale. */
    s->counter_valid = 1;
    s->counter_mult = (uint64_t)SPARC_TICK_NS << 32;
    s->counter_base = 0;
    s->wall_base_ns = 0;
}
