/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The 16550 console of the native ports, polled: 115200 8N1 (QEMU ignores
 * the rate), '\n' sent as "\r\n".
 */
#include "uart16550.h"
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
#define DIVISOR     1u /* 115200 */

void native_uart_init(void)
{
    native_uart_reg_write(IER, 0);
    native_uart_reg_write(LCR, LCR_DLAB);
    native_uart_reg_write(THR, DIVISOR);
    native_uart_reg_write(IER, 0);
    native_uart_reg_write(LCR, LCR_8N1);
    native_uart_reg_write(FCR, FCR_ENABLE);
    native_uart_reg_write(MCR, MCR_DTR_RTS);
}

static void put(char c)
{
    while ((native_uart_reg_read(LSR) & LSR_THRE) == 0) {
    }
    native_uart_reg_write(THR, (uint8_t)c);
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
