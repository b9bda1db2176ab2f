/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The console's registers: COM1, a 16550 at 0x3f8 (the driver is
 * ../common/uart16550.c).
 */
#include "native.h"
#include "../common/uart16550.h"

#include "io.h"

#include <port.h>

#define COM1 0x3f8u

void native_uart_reg_write(uint32_t reg, uint8_t value)
{
    outb(COM1 + reg, value);
}

uint8_t native_uart_reg_read(uint32_t reg)
{
    return inb(COM1 + reg);
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
