/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * One access to one area of a given right set, chosen by the partition id:
 * id - 100 = area * 3 + access, with the areas r, rw, rx, rwx (4 KiB each,
 * never loaded, so all zeros) and the accesses read, write, execute. The
 * partition says what it is about to do and "survived" if it got past it;
 * the kernel must stop it exactly when the right is missing
 * (tests/system/test_rights.py). Before a read it also asks the kernel to
 * use the area on its behalf - read, write and execute - which must follow
 * the same rights on both arches.
 */
#include <stddef.h>
#include "tp.h"

static const uint32_t area_va[] = {0x40200000u, 0x40300000u, 0x40400000u, 0x40500000u};
static const char *const area_name[] = {"r", "rw", "rx", "rwx"};
static const char *const access_name[] = {"read", "write", "execute"};
static volatile uint32_t sink;

/* Jumps to va. SPARC: a zero word is `unimp 0`, an illegal instruction -
 * the fetch was allowed - while a refused fetch is an instruction access
 * exception; RISC-V likewise (zero is an illegal instruction there, a
 * refused fetch an instruction page fault). x86: zero bytes are `add %al,(%eax)` (eax: a scratch
 * word), so an allowed fetch runs through the area to a fetch fault at its end. */
static void execute(uint32_t va)
{
#if defined(__sparc__)
    __asm__ volatile("jmpl %0, %%o7\n\tnop" : : "r"(va) : "o7", "memory");
#elif defined(__riscv)
    __asm__ volatile("jalr %0" : : "r"((uintptr_t)va) : "ra", "memory");
#else
    __asm__ volatile("call *%0" : : "r"(va), "a"(&sink) : "memory");
#endif
}

/* The kernel on the area's behalf: reads a 1-byte port name there (no
 * ports: PV_ENOENT once read), writes the time there, takes it as the
 * upcall entry. */
static void kernel_uses(uint32_t va)
{
    int32_t r = pv_port_open((const char *)(uintptr_t)va, 1);
    int32_t w = pv_time_get((uint64_t *)(uintptr_t)va);
    int32_t x = pv_upcall_set((void (*)(void))(uintptr_t)va);

    pv_upcall_set(NULL);
    tp_printf("kernel read %d write %d execute %d\n", r, w, x);
}

void pv_main(uint32_t id)
{
    uint32_t n = id - 100, area = n / 3, access = n % 3, va;

    if (area >= 4) {
        tp_printf("no case %u\n", n);
        return;
    }
    va = area_va[area];
    if (access == 0) {
        kernel_uses(va);
    }
    tp_printf("%s of %s area at %08x\n", access_name[access], area_name[area], va);
    if (access == 0) {
        sink = *(volatile uint32_t *)(uintptr_t)va;
    } else if (access == 1) {
        *(volatile uint32_t *)(uintptr_t)va = 0x01000000u; /* x86 and SPARC: not run here */
    } else {
        execute(va);
    }
    tp_printf("survived\n");
}
