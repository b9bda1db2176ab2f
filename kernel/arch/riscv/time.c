/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Time on QEMU virt: the time CSR (the CLINT's mtime, 10 MHz) is the clock,
 * Sstc's stimecmp the one-shot schedule timer (supervisor timer interrupt;
 * mstart.c turned it on). Under -icount shift=0 one tick is exactly 100
 * instructions.
 */
#include "arch.h"
#include "kprintf.h"
#include "pv/shared.h"
#include "riscv.h"

static uint64_t time_at_boot;

static uint64_t now_ticks(void)
{
    return csr_read(time);
}

void riscv_time_init(void)
{
    csr_write(stimecmp, ~0ul);
    csr_write(sie, SIE_STIE);
    time_at_boot = now_ticks();
    kprintf("[tessera] time: time CSR %u MHz, Sstc stimecmp\n", 1000u / TIMEBASE_NS);
}

uint64_t arch_time_ns(void)
{
    return (now_ticks() - time_at_boot) * TIMEBASE_NS;
}

void arch_timer_arm(uint64_t deadline_ns)
{
    /* Rounded up: the interrupt never comes before the deadline. */
    csr_write(stimecmp, time_at_boot + (deadline_ns + TIMEBASE_NS - 1) / TIMEBASE_NS);
}

/* stimecmp is absolute: the interrupt comes at the same tick whenever it
 * was armed. */
void arch_timer_arm_idle(uint64_t deadline_ns)
{
    arch_timer_arm(deadline_ns);
}

void arch_clock_publish(struct pv_shared *s)
{
    uint64_t now = now_ticks();

    s->counter_valid = 1;
    s->counter_mult = (uint64_t)TIMEBASE_NS << 32;
    s->counter_base = now;
    s->wall_base_ns = (now - time_at_boot) * TIMEBASE_NS;
}
