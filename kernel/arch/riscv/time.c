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

void arch_wait_until(uint64_t ns)
{
    while (arch_time_ns() < ns) {
        ;
    }
}

volatile uint32_t riscv_idle_state;

/* The guard band's window start while the state is RISCV_IDLE_WAKE_EARLY. */
#define IDLE_SPIN_NS 2000u
static uint64_t idle_deadline_ns;

/* timesync.S */
void riscv_timer_arm_on_grid(uint64_t stimecmp_value);

/* Ticks the grid-locked arm needs before the deadline: finding the edge
 * takes up to two ticks, the rest is margin. */
#define ON_GRID_MIN_TICKS 4u

/* Rounded up: the interrupt never comes before the deadline. */
uint64_t riscv_deadline_ticks(uint64_t deadline_ns)
{
    return time_at_boot + (deadline_ns + TIMEBASE_NS - 1) / TIMEBASE_NS;
}

void arch_timer_arm(uint64_t deadline_ns)
{
    riscv_idle_state = RISCV_IDLE_HALT;
    csr_write(stimecmp, riscv_deadline_ticks(deadline_ns));
}

/* The window start after a guard band, armed on the time CSR's grid (QEMU
 * adds the write's phase within its tick to the interrupt: timesync.S) and
 * spun for, since what -icount does not promise is when a CPU in wfi
 * notices the interrupt (riscv.h). */
static void arm_window_start(uint64_t deadline_ns)
{
    uint64_t at = riscv_deadline_ticks(deadline_ns);

    riscv_idle_state = RISCV_IDLE_SPIN;
    if (at >= now_ticks() + ON_GRID_MIN_TICKS) {
        riscv_timer_arm_on_grid(at);
    } else {
        csr_write(stimecmp, at);
    }
}

void arch_timer_arm_idle(uint64_t deadline_ns)
{
    if (deadline_ns > IDLE_SPIN_NS && deadline_ns - IDLE_SPIN_NS > arch_time_ns()) {
        csr_write(stimecmp, riscv_deadline_ticks(deadline_ns - IDLE_SPIN_NS));
        idle_deadline_ns = deadline_ns;
        riscv_idle_state = RISCV_IDLE_WAKE_EARLY;
    } else {
        arm_window_start(deadline_ns);
    }
}

void riscv_idle_wake_early(void)
{
    arm_window_start(idle_deadline_ns); /* a later stimecmp clears sip.STIP */
}

void arch_clock_publish(struct pv_shared *s)
{
    uint64_t now = now_ticks();

    s->counter_valid = 1;
    s->counter_mult = (uint64_t)TIMEBASE_NS << 32;
    s->counter_base = now;
    s->wall_base_ns = (now - time_at_boot) * TIMEBASE_NS;
}
