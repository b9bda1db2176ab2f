/* SPDX-License-Identifier: BSD-2-Clause */
/* What tessera-config knows of the x86 kernel: its memory map (keep in step
 * with docs/configuration.md) and, from the kernel's own header, the limits
 * it enforces at boot. */
#include "arch.h"

#include "../../kernel/arch/x86/include/arch_limits.h"

const struct tcfg_arch tcfg_arch_x86 = {
    .name = "x86",
    .phys_base = 0,
    .ram_base = 0,
    .ram_max = 1ull << 30,
    .kernel_base = 0,
    .kernel_end = 16ull << 20,
    .virt_base = 0x40000000,
    .virt_end = 0xF0000000,
    .elf_machine = 3, /* EM_386 */
    .big_endian = false,
    .elf_machine_name = "EM_386",
    .insn_align = ARCH_INSN_ALIGN,
    .ram_align = ARCH_RAM_ALIGN,
    .page_tables = ARCH_PAGE_TABLES,
    .max_cpus = ARCH_MAX_CPUS,
    .guard_ns = 10000,
    .table_shifts = {22}, /* a page table per 4 MiB */
};
