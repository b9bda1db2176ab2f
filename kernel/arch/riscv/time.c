/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Time on QEMU virt: the CLINT's mtime (10 MHz) is the clock, its mtimecmp
 * the one-shot schedule timer (machine timer interrupt). Under -icount
 * shift=0 one tick is exactly 100 instructions.
 */
#include "arch.h"
#include "kprintf.h"
#include "pv/shared.h"
#include "riscv.h"

static uint64_t mtime_at_boot;

static uint64_t mtime(void)
{
    return *(volatile uint64_t *)CLINT_MTIME;
}

void riscv_time_init(void)
{
    *(volatile uint64_t *)CLINT_MTIMECMP = ~0ull;
    csr_write(mie, MIE_MTIE);
    mtime_at_boot = mtime();
    kprintf("[tessera] time: CLINT mtime %u MHz\n", 1000u / TIMEBASE_NS);
}

uint64_t arch_time_ns(void)
{
    return (mtime() - mtime_at_boot) * TIMEBASE_NS;
}

void arch_timer_arm(uint64_t deadline_ns)
{
    /* Rounded up: the interrupt never comes before the deadline. */
    *(volatile uint64_t *)CLINT_MTIMECMP =
        mtime_at_boot + (deadline_ns + TIMEBASE_NS - 1) / TIMEBASE_NS;
}

/* mtimecmp is absolute: the interrupt comes at the same tick whenever it
 * was armed. */
void arch_timer_arm_idle(uint64_t deadline_ns)
{
    arch_timer_arm(deadline_ns);
}

void arch_clock_publish(struct pv_shared *s)
{
    uint64_t now = mtime();

    s->counter_valid = 1;
    s->counter_mult = (uint64_t)TIMEBASE_NS << 32;
    s->counter_base = now;
    s->wall_base_ns = (now - mtime_at_boot) * TIMEBASE_NS;
}
