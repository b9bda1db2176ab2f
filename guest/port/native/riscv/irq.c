/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Where every trap lands (from vectors.S), and rtems_interrupt_catch's port
 * side. Exceptions are fatal. Interrupts: the supervisor timer is the tick
 * (timer.c); the supervisor software interrupt, which software raises by
 * setting sip.SSIP, is the one vector an application may catch.
 */
#include "native.h"

#include <port.h>
#include <rtems/fatal.h>

#define SCAUSE_CODE (~SCAUSE_IRQ)

static bool soft_attached;

static noreturn void exception(const struct native_trap_frame *frame)
{
    native_uart_puts("native riscv: exception ");
    native_uart_hex(frame->scause);
    native_uart_puts(", stval ");
    native_uart_hex(frame->stval);
    native_uart_puts(", sepc ");
    native_uart_hex(frame->sepc);
    native_uart_puts("\n");
    port_halt(RTEMS_FATAL_SOURCE_EXCEPTION, (uint32_t)frame->scause);
}

void native_trap(struct native_trap_frame *frame)
{
    uint64_t code = frame->scause & SCAUSE_CODE;

    if ((frame->scause & SCAUSE_IRQ) == 0) {
        exception(frame);
    }
    exec_isr_enter();
    if (code == NATIVE_TIMER_VECTOR && native_tick_running()) {
        /* Re-armed inside, before a possible switch: the next tick must
         * not wait for this thread. */
        native_tick_interrupt();
    } else if (code == NATIVE_SOFT_VECTOR && soft_attached) {
        csr_clear(sip, SIP_SSIP);
        exec_vector_isr(NATIVE_SOFT_VECTOR);
    } else {
        /* Only enabled lines interrupt, and each is enabled with its
         * handler: anything else is a port bug. */
        exception(frame);
    }
    if (exec_isr_leave()) {
        exec_isr_dispatch();
    }
}

bool port_vector_attach(uint32_t vector)
{
    if (vector != NATIVE_SOFT_VECTOR) {
        return false;
    }
    soft_attached = true;
    csr_set(sie, SIE_SSIE);
    return true;
}
