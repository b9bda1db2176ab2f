/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The console: virt's 16550 at 0x10000000 (byte registers), 8N1, polled.
 * Output only, and every "\n" goes out as "\r\n" for terminals.
 */
#include "native.h"

#include <port.h>

#define THR 0u /* with DLAB: divisor low */
#define IER 1u /* with DLAB: divisor high */
#define FCR 2u
#define LCR 3u
#define MCR 4u
#define LSR 5u

#define LCR_DLAB    0x80u
#define LCR_8N1     0x03u
#define FCR_ENABLE  0x07u /* enable and clear both FIFOs */
#define MCR_DTR_RTS 0x03u
#define LSR_THRE    0x20u
#define DIVISOR     1u

static void write_reg(uint32_t reg, uint8_t value)
{
    *(volatile uint8_t *)(NATIVE_UART_PA + reg) = value;
}

static uint8_t read_reg(uint32_t reg)
{
    return *(volatile uint8_t *)(NATIVE_UART_PA + reg);
}

void native_uart_init(void)
{
    write_reg(IER, 0);
    write_reg(LCR, LCR_DLAB);
    write_reg(THR, DIVISOR);
    write_reg(IER, 0);
    write_reg(LCR, LCR_8N1);
    write_reg(FCR, FCR_ENABLE);
    write_reg(MCR, MCR_DTR_RTS);
}

static void put(char c)
{
    while ((read_reg(LSR) & LSR_THRE) == 0) {
    }
    write_reg(THR, (uint8_t)c);
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

void native_uart_hex(uint64_t value)
{
    char text[19] = "0x";

    for (int i = 0; i < 16; i++) {
        text[2 + i] = "0123456789abcdef"[(value >> (60 - 4 * i)) & 0xfu];
    }
    text[18] = '\0';
    native_uart_puts(text);
}
