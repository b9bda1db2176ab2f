/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The ways out and the heap of the native ports (port.h), the same on every
 * arch over halt.h's three hooks. v, the exit code, is the code of exit()
 * and rtems_shutdown_executive() (0-126 map one to one), and 127 for every
 * other fatal error, whose source and code are printed first.
 */
#include "halt.h"
#include "native.h"

#include <port.h>
#include <rtems/fatal.h>

extern char __heap_start[];

void port_heap_area(uintptr_t *begin, uintptr_t *end)
{
    uintptr_t top = native_heap_top();

    *begin = (uintptr_t)__heap_start;
    *end = top > (uintptr_t)__heap_start ? top : (uintptr_t)__heap_start;
}

static void put_decimal(uint32_t value)
{
    char text[11];
    int i = (int)sizeof(text) - 1;

    text[i] = '\0';
    do {
        text[--i] = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0 && i > 0);
    native_uart_puts(&text[i]);
}

/* No health monitor here: the executive's reports go nowhere. */
void port_error_report(uint32_t error, uint32_t detail)
{
    (void)error;
    (void)detail;
}

noreturn void port_halt(uint32_t source, uint32_t code)
{
    uint32_t v = code & NATIVE_EXIT_FATAL;

    (void)port_interrupt_disable();
    if (source != RTEMS_FATAL_SOURCE_EXIT) {
        native_uart_puts("native ");
        native_uart_puts(native_arch_name);
        native_uart_puts(": fatal error, source ");
        put_decimal(source);
        native_uart_puts(", code ");
        put_decimal(code);
        native_uart_puts("\n");
        v = NATIVE_EXIT_FATAL;
    }
    native_exit(v);
}
