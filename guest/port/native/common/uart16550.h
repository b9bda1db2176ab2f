/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The native ports' 16550 console (uart16550.c): the driver is the same on
 * every arch; each port gives only the register access (x86 I/O ports,
 * riscv MMIO).
 */
#ifndef NATIVE_UART16550_H
#define NATIVE_UART16550_H

#include <stdint.h>

/* Register reg (0-7) of the console UART: the arch's. */
void native_uart_reg_write(uint32_t reg, uint8_t value);
uint8_t native_uart_reg_read(uint32_t reg);

#endif
