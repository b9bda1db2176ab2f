/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Where every vector lands (from vectors.S), and rtems_interrupt_catch's
 * port side. Port vector numbers are IDT vectors: 0x21-0x2f are the 8259
 * lines IRQ1-15 (IRQ2 is the cascade, IRQ0 is taken by the tick once it
 * runs), 0x30-0x3e only fire through "int $n". CPU exceptions are fatal;
 * 0x3f is the local APIC's spurious vector, ignored (it needs no EOI).
 */
#include "native.h"

#include <port.h>
#include <rtems/fatal.h>

static uint64_t attached;

static noreturn void exception(const struct native_trap_frame *frame)
{
    native_uart_puts("native x86: exception ");
    native_uart_hex(frame->vector);
    native_uart_puts(", error ");
    native_uart_hex(frame->error);
    native_uart_puts(", eip ");
    native_uart_hex(frame->eip);
    native_uart_puts("\n");
    port_halt(RTEMS_FATAL_SOURCE_EXCEPTION, frame->vector);
}

void native_trap(struct native_trap_frame *frame)
{
    uint32_t vector = frame->vector;
    bool is_irq = vector >= NATIVE_IRQ_BASE && vector < NATIVE_IRQ_BASE + NATIVE_IRQ_COUNT;

    if (vector < NATIVE_EXCEPTIONS) {
        exception(frame);
    }
    if (vector == NATIVE_APIC_SPURIOUS_VECTOR) {
        return;
    }
    if (is_irq && native_pic_spurious(vector - NATIVE_IRQ_BASE)) {
        return;
    }
    exec_isr_enter();
    if (vector == NATIVE_TICK_VECTOR && native_tick_running()) {
        if (native_tick_due()) {
            exec_tick_isr();
        }
    } else {
        exec_vector_isr(vector);
    }
    /* Before a possible switch: the next tick must not wait for this thread. */
    if (is_irq) {
        native_pic_eoi(vector - NATIVE_IRQ_BASE);
    }
    if (exec_isr_leave()) {
        exec_isr_dispatch();
    }
}

bool port_vector_attach(uint32_t vector)
{
    bool is_irq = vector >= NATIVE_IRQ_BASE && vector < NATIVE_IRQ_BASE + NATIVE_IRQ_COUNT;
    bool is_soft = vector >= NATIVE_SOFT_BASE && vector < NATIVE_SOFT_BASE + NATIVE_SOFT_COUNT;

    if ((!is_irq && !is_soft) || vector == NATIVE_CASCADE_VECTOR ||
        (vector == NATIVE_TICK_VECTOR && native_tick_running())) {
        return false;
    }
    attached |= 1ull << vector;
    if (is_irq) {
        native_pic_unmask(vector - NATIVE_IRQ_BASE);
    }
    return true;
}

bool native_any_irq_attached(void)
{
    return (attached >> NATIVE_IRQ_BASE & 0xffffu) != 0;
}
