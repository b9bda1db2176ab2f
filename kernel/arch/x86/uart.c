/* SPDX-License-Identifier: BSD-2-Clause */
/* COM1, a 16550 UART, polled: the kernel console. */
#include "arch.h"
#include "x86.h"

#define COM1     0x3f8
#define UART_THR 0 /* transmit holding register */
#define UART_IER 1
#define UART_DLL 0 /* divisor latch, with LCR.DLAB */
#define UART_DLM 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define LSR_DR   0x01 /* data ready */
#define LSR_THRE 0x20

/* What arch_console_getc() takes for "a byte is waiting": LSR_DR on the
 * boot CPU, nothing on an AP (per CPU): console input is polled by the
 * boot CPU only, so the APs never race it for the receive register. A
 * mask in memory where a constant was: the same instructions. */
static uint8_t rx_ready ARCH_PER_CPU = LSR_DR;

void x86_uart_init_ap(void)
{
    rx_ready = 0;
}

void x86_uart_init(void)
{
    outb(COM1 + UART_IER, 0x00);
    outb(COM1 + UART_LCR, 0x80); /* DLAB: set the divisor */
    outb(COM1 + UART_DLL, 0x01); /* 115200 baud */
    outb(COM1 + UART_DLM, 0x00);
    outb(COM1 + UART_LCR, 0x03); /* 8N1 */
    /* No FIFOs: switching them on clears them, which loses whatever input
     * arrived before (or while) we did. Without FIFOs the UART holds one
     * received byte and the sender waits until it is read. */
    outb(COM1 + UART_FCR, 0x00);
    outb(COM1 + UART_MCR, 0x03);
}

static void uart_put(char c)
{
    /* Bounded wait: a missing UART must not hang the kernel. */
    for (int i = 0; i < 100000 && !(inb(COM1 + UART_LSR) & LSR_THRE); i++) {
        ;
    }
    outb(COM1 + UART_THR, (uint8_t)c);
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
    if (!(inb(COM1 + UART_LSR) & LSR_THRE)) {
        return false;
    }
    outb(COM1 + UART_THR, (uint8_t)c);
    return true;
}

int arch_console_getc(void)
{
    if (!(inb(COM1 + UART_LSR) & rx_ready)) {
        return -1;
    }
    return inb(COM1 + UART_THR); /* the receive buffer shares the THR's port */
}
