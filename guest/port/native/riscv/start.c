/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * From boot.S (in S-mode) to exec_boot(), and the arch's part of the ways
 * out and the heap (../common/halt.c).
 *
 * Exit: QEMU's sifive_test device, as the kernel's (kernel/arch/riscv):
 * 0x5555 ends QEMU with status 0, 0x3333 | v << 16 with status v.
 *
 * Heap: from the end of the image (__heap_start, linker.ld) to 32 MiB into
 * RAM. virt has 128 MiB unless told otherwise (tests/system/sysrun.py asks
 * for that much), and QEMU puts the device tree at the top of RAM, out of
 * the way.
 */
#include "native.h"

#include "../common/halt.h"

#include <port.h>

#define HEAP_TOP    (NATIVE_RAM_PA + (32ul << 20))
#define FINISH_PASS 0x5555u
#define FINISH_FAIL 0x3333u

const char native_arch_name[] = "riscv";

noreturn void native_start(void)
{
    native_uart_init();
    csr_write(stvec, (uintptr_t)native_trap_entry);
    csr_write(sie, 0);
    /* No tick before port_tick_start: the deadline furthest away. */
    csr_write(stimecmp, ~0ul);
    exec_boot();
}

uintptr_t native_heap_top(void)
{
    return HEAP_TOP;
}

noreturn void native_exit(uint32_t v)
{
    *(volatile uint32_t *)NATIVE_SIFIVE_TEST_PA = v == 0 ? FINISH_PASS : FINISH_FAIL | v << 16;
    for (;;) {
        __asm__ volatile("wfi");
    }
}
