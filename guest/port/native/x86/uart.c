/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The console: COM1, a 16550 at 0x3f8, 115200 8N1, polled. Output only,
 * and every "\n" goes out as "\r\n" for terminals.
 */
#include "native.h"

#include "io.h"

#include <port.h>

#define COM1 0x3f8u
#define THR  (COM1 + 0u) /* with DLAB: divisor low */
#define IER  (COM1 + 1u) /* with DLAB: divisor high */
#define FCR  (COM1 + 2u)
#define LCR  (COM1 + 3u)
#define MCR  (COM1 + 4u)
#define LSR  (COM1 + 5u)

#define LCR_DLAB     0x80u
#define LCR_8N1      0x03u
#define FCR_ENABLE   0x07u /* enable and clear both FIFOs */
#define MCR_DTR_RTS  0x03u
#define LSR_THRE     0x20u
#define DIVISOR_115K 1u

void native_uart_init(void)
{
    outb(IER, 0);
    outb(LCR, LCR_DLAB);
    outb(THR, DIVISOR_115K);
    outb(IER, 0);
    outb(LCR, LCR_8N1);
    outb(FCR, FCR_ENABLE);
    outb(MCR, MCR_DTR_RTS);
}

static void put(char c)
{
    while ((inb(LSR) & LSR_THRE) == 0) {
    }
    outb(THR, (uint8_t)c);
}

void port_console_write(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (buf[i] == '\n') {
            put('\r');
        }
        put(buf[i]);
    }
}

void native_uart_puts(const char *s)
{
    while (*s != '\0') {
        port_console_write(s++, 1);
    }
}

void native_uart_hex(uint32_t value)
{
    char text[11] = "0x";

    for (int i = 0; i < 8; i++) {
        text[2 + i] = "0123456789abcdef"[(value >> (28 - 4 * i)) & 0xfu];
    }
    text[10] = '\0';
    native_uart_puts(text);
}
