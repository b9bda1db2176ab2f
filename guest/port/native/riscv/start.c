/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * From boot.S (in S-mode) to exec_boot(), plus the ways out and the heap.
 *
 * Exit: QEMU's sifive_test device, as the kernel's (kernel/arch/riscv):
 * 0x5555 ends QEMU with status 0, 0x3333 | v << 16 with status v. v is the
 * exit code for exit() and rtems_shutdown_executive() (codes 0-126 map one
 * to one), and 127 for every other fatal error, whose source and code are
 * printed first.
 *
 * Heap: from the end of the image (__heap_start, linker.ld) to 32 MiB into
 * RAM. virt has 128 MiB unless told otherwise (tests/system/sysrun.py asks
 * for that much), and QEMU puts the device tree at the top of RAM, out of
 * the way.
 */
#include "native.h"

#include <port.h>
#include <rtems/fatal.h>

#define HEAP_TOP    (NATIVE_RAM_PA + (32ul << 20))
#define EXIT_FATAL  0x7fu
#define FINISH_PASS 0x5555u
#define FINISH_FAIL 0x3333u

extern char __heap_start[];

noreturn void native_start(void)
{
    native_uart_init();
    csr_write(stvec, (uintptr_t)native_trap_entry);
    csr_write(sie, 0);
    /* No tick before port_tick_start: the deadline furthest away. */
    csr_write(stimecmp, ~0ul);
    exec_boot();
}

void port_heap_area(uintptr_t *begin, uintptr_t *end)
{
    *begin = (uintptr_t)__heap_start;
    *end = HEAP_TOP > (uintptr_t)__heap_start ? HEAP_TOP : (uintptr_t)__heap_start;
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
    uint32_t v = code & EXIT_FATAL;

    (void)port_interrupt_disable();
    if (source != RTEMS_FATAL_SOURCE_EXIT) {
        native_uart_puts("native riscv: fatal error, source ");
        put_decimal(source);
        native_uart_puts(", code ");
        put_decimal(code);
        native_uart_puts("\n");
        v = EXIT_FATAL;
    }
    *(volatile uint32_t *)NATIVE_SIFIVE_TEST_PA = v == 0 ? FINISH_PASS : FINISH_FAIL | v << 16;
    for (;;) {
        __asm__ volatile("wfi");
    }
}
