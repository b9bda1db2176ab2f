/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The console's registers: virt's 16550 at 0x10000000 (byte registers; the
 * driver is ../common/uart16550.c).
 */
#include "native.h"
#include "../common/uart16550.h"

#include <port.h>

void native_uart_reg_write(uint32_t reg, uint8_t value)
{
    *(volatile uint8_t *)(NATIVE_UART_PA + reg) = value;
}

uint8_t native_uart_reg_read(uint32_t reg)
{
    return *(volatile uint8_t *)(NATIVE_UART_PA + reg);
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
