/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Interrupt level and idle on the bare hart, in S-mode. The level is
 * sstatus.SIE seen through the contract: 0 when SIE is set, 1 when it is
 * clear; any non-zero level given back clears SIE (sie's per-line enables,
 * not SIE, shape which lines may interrupt, so there are no graded levels).
 *
 * Floating point: sstatus.FS is on from the start (boot.S) and stays on;
 * the executive and its applications are built with F/D, lp64d
 * (mk/arch-riscv.mk), as on the pv port, and the thread switch keeps the
 * FP registers of RTEMS_FLOATING_POINT threads (guest/port/cpu/riscv).
 * The trap frame writes sstatus back whole, FS included, so FS is never
 * Off again.
 */
#include "native.h"

#include <port.h>
#include <rtems/fatal.h>

port_isr_level port_interrupt_disable(void)
{
    uint64_t sstatus;

    __asm__ volatile("csrrci %0, sstatus, %1" : "=r"(sstatus) : "i"(SSTATUS_SIE) : "memory");
    return (sstatus & SSTATUS_SIE) != 0 ? 0u : 1u;
}

void port_interrupt_restore(port_isr_level level)
{
    if (level == 0) {
        __asm__ volatile("csrsi sstatus, %0" : : "i"(SSTATUS_SIE) : "memory");
    } else {
        __asm__ volatile("csrci sstatus, %0" : : "i"(SSTATUS_SIE) : "memory");
    }
}

/* Nothing pending of the port's own: the same function. */
void port_interrupt_enable(port_isr_level level) __attribute__((alias("port_interrupt_restore")));

port_isr_level port_interrupt_level(void)
{
    return (csr_read(sstatus) & SSTATUS_SIE) != 0 ? 0u : 1u;
}

void port_idle(void)
{
    /* Nothing could ever wake wfi: stop like the host port does. The
     * software interrupt does not count: only software raises it, and
     * every task is blocked. */
    if (!native_tick_running()) {
        native_uart_puts("native riscv: every task is blocked and there is no clock\n");
        port_halt(RTEMS_FATAL_SOURCE_BSP, 1);
    }
    /* wfi returns when an enabled line is pending, whatever SIE says: with
     * SIE clear around it, an interrupt that comes just before it is not
     * taken ahead of the wfi but ends it at once, and is taken after it. */
    __asm__ volatile("csrci sstatus, %0; wfi; csrsi sstatus, %0" : : "i"(SSTATUS_SIE) : "memory");
}
