/* SPDX-License-Identifier: BSD-2-Clause */
/* The APBUART, polled: the kernel console. */
#include "arch.h"
#include "sparc.h"

#define UART_BASE   0x80000100u
#define UART_DATA   (UART_BASE + 0x0)
#define UART_STATUS (UART_BASE + 0x4)
#define UART_CTRL   (UART_BASE + 0x8)
#define STATUS_DR   0x001u /* data ready */
#define STATUS_TF   0x200u /* transmitter FIFO full */
#define CTRL_RE     0x1u
#define CTRL_TE     0x2u

void sparc_uart_init(void)
{
    mmio_write(UART_CTRL, CTRL_RE | CTRL_TE);
}

static void uart_put(char c)
{
    /* Bounded wait: a missing UART must not hang the kernel. */
    for (int i = 0; i < 100000 && (mmio_read(UART_STATUS) & STATUS_TF); i++) {
        ;
    }
    mmio_write(UART_DATA, (uint8_t)c);
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
    if (mmio_read(UART_STATUS) & STATUS_TF) {
        return false;
    }
    mmio_write(UART_DATA, (uint8_t)c);
    return true;
}

int arch_console_getc(void)
{
    if (!(mmio_read(UART_STATUS) & STATUS_DR)) {
        return -1;
    }
    return (int)(mmio_read(UART_DATA) & 0xff);
}
