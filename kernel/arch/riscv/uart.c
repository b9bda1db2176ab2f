/* SPDX-License-Identifier: BSD-2-Clause */
/* The virt board's 16550 UART, polled: the kernel console. */
#include "arch.h"
#include "riscv.h"

#define UART_THR 0 /* transmit holding register; receive buffer when read */
#define UART_IER 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define LSR_DR   0x01 /* data ready */
#define LSR_THRE 0x20

static volatile uint8_t *uart_reg(unsigned off)
{
    return (volatile uint8_t *)(KVA(UART_PA) + off);
}

void riscv_uart_init(void)
{
    *uart_reg(UART_IER) = 0x00;
    *uart_reg(UART_LCR) = 0x03; /* 8N1 */
    /* No FIFOs: switching them on would drop input that already arrived. */
    *uart_reg(UART_FCR) = 0x00;
    *uart_reg(UART_MCR) = 0x03;
}

static void uart_put(char c)
{
    /* Bounded wait: a missing UART must not hang the kernel. */
    for (int i = 0; i < 100000 && !(*uart_reg(UART_LSR) & LSR_THRE); i++) {
        ;
    }
    *uart_reg(UART_THR) = (uint8_t)c;
}

void arch_console_putc(char c)
{
    if (c == '\n') {
        uart_put('\r');
    }
    uart_put(c);
}

bool arch_console_try_putc(char c)
{
    if (!(*uart_reg(UART_LSR) & LSR_THRE)) {
        return false;
    }
    *uart_reg(UART_THR) = (uint8_t)c;
    return true;
}

int arch_console_getc(void)
{
    if (!riscv_console_input_ready()) {
        return -1;
    }
    return *uart_reg(UART_THR);
}

bool riscv_console_input_ready(void)
{
    return *uart_reg(UART_LSR) & LSR_DR;
}
