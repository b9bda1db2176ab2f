/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * From boot.S to exec_boot(), plus the ways out and the heap.
 *
 * Exit: the status goes to QEMU's isa-debug-exit device (port 0xf4), which
 * ends QEMU with status 2 * v + 1. v is the exit code for exit() and
 * rtems_shutdown_executive() (codes 0-126 map one to one), and 127 for every
 * other fatal error, whose source and code are printed first. Without that
 * device (real hardware) the CPU just stops.
 *
 * Heap: from the end of the image (__heap_start, linker.ld) to 32 MiB, or
 * to the end of the RAM the loader reports if that comes first.
 */
#include "native.h"

#include "io.h"

#include <port.h>
#include <rtems/fatal.h>

#define MULTIBOOT_LOADER_MAGIC 0x2badb002u
#define MULTIBOOT_INFO_MEMORY  0x1u
#define HEAP_TOP               (32u << 20)
#define RAM_LOW_END            (1u << 20)

#define DEBUG_EXIT_PORT 0xf4u
#define EXIT_FATAL      0x7fu

struct multiboot_info {
    uint32_t flags;
    /* cppcheck-suppress unusedStructMember */
    uint32_t mem_lower_kib;
    uint32_t mem_upper_kib; /* contiguous RAM from 1 MiB */
};

extern char __heap_start[];

static uintptr_t heap_top = HEAP_TOP;

static void find_heap_top(uint32_t magic, const struct multiboot_info *info)
{
    uint64_t ram_end;

    if (magic != MULTIBOOT_LOADER_MAGIC || info == NULL ||
        (info->flags & MULTIBOOT_INFO_MEMORY) == 0) {
        return;
    }
    ram_end = RAM_LOW_END + (uint64_t)info->mem_upper_kib * 1024u;
    if (ram_end < heap_top) {
        heap_top = (uintptr_t)ram_end;
    }
}

noreturn void native_start(uint32_t magic, const void *multiboot_info)
{
    native_uart_init();
    find_heap_top(magic, multiboot_info);
    native_idt_init();
    native_pic_init();
    native_fpu_init();
    native_clock_init();
    exec_boot();
}

void port_heap_area(uintptr_t *begin, uintptr_t *end)
{
    *begin = (uintptr_t)__heap_start;
    *end = heap_top > (uintptr_t)__heap_start ? heap_top : (uintptr_t)__heap_start;
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

    __asm__ volatile("cli");
    if (source != RTEMS_FATAL_SOURCE_EXIT) {
        native_uart_puts("native x86: fatal error, source ");
        put_decimal(source);
        native_uart_puts(", code ");
        put_decimal(code);
        native_uart_puts("\n");
        v = EXIT_FATAL;
    }
    outl(DEBUG_EXIT_PORT, v);
    for (;;) {
        __asm__ volatile("cli; hlt");
    }
}
