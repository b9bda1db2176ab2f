/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Interrupt level and idle on the bare CPU. The level is EFLAGS.IF seen
 * through the contract: 0 when IF is set, 1 when it is clear; any non-zero
 * level given back clears IF (the 8259 masks, not IF, shape which lines may
 * interrupt, so there are no graded levels).
 */
#include "native.h"

#include <port.h>
#include <rtems/fatal.h>

#define EFLAGS_IF (1u << 9)

static uint32_t read_eflags(void)
{
    uint32_t eflags;

    __asm__ volatile("pushfl; popl %0" : "=r"(eflags));
    return eflags;
}

port_isr_level port_interrupt_disable(void)
{
    uint32_t eflags;

    __asm__ volatile("pushfl; popl %0; cli" : "=r"(eflags) : : "memory");
    return (eflags & EFLAGS_IF) != 0 ? 0u : 1u;
}

void port_interrupt_restore(port_isr_level level)
{
    if (level == 0) {
        __asm__ volatile("sti" : : : "memory");
    } else {
        __asm__ volatile("cli" : : : "memory");
    }
}

/* Nothing pending of the port's own: the same function. */
void port_interrupt_enable(port_isr_level level) __attribute__((alias("port_interrupt_restore")));

port_isr_level port_interrupt_level(void)
{
    return (read_eflags() & EFLAGS_IF) != 0 ? 0u : 1u;
}

void port_idle(void)
{
    /* Nothing could ever wake hlt: stop like the host port does. */
    if (!native_tick_running() && !native_any_irq_attached()) {
        native_uart_puts("native x86: every task is blocked and there is no clock\n");
        port_halt(RTEMS_FATAL_SOURCE_BSP, 1);
    }
    /* sti's one-instruction shadow: no interrupt slips in before the hlt. */
    __asm__ volatile("sti; hlt" : : : "memory");
}
