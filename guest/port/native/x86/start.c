/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * From boot.S to exec_boot(), and the arch's part of the ways out and the
 * heap (../common/halt.c).
 *
 * Exit: the status goes to QEMU's isa-debug-exit device (port 0xf4), which
 * ends QEMU with status 2 * v + 1. Without that device (real hardware) the
 * CPU just stops.
 *
 * Heap: from the end of the image (__heap_start, linker.ld) to 32 MiB, or
 * to the end of the RAM the loader reports if that comes first.
 */
#include "native.h"

#include "../common/halt.h"
#include "io.h"

#include <port.h>

#define MULTIBOOT_LOADER_MAGIC 0x2badb002u
#define MULTIBOOT_INFO_MEMORY  0x1u
#define HEAP_TOP               (32u << 20)
#define RAM_LOW_END            (1u << 20)

#define DEBUG_EXIT_PORT 0xf4u

struct multiboot_info {
    uint32_t flags;
    /* cppcheck-suppress unusedStructMember */
    uint32_t mem_lower_kib;
    uint32_t mem_upper_kib; /* contiguous RAM from 1 MiB */
};

const char native_arch_name[] = "x86";

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

uintptr_t native_heap_top(void)
{
    return heap_top;
}

noreturn void native_exit(uint32_t v)
{
    outl(DEBUG_EXIT_PORT, v);
    for (;;) {
        __asm__ volatile("cli; hlt");
    }
}
