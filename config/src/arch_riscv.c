/* SPDX-License-Identifier: BSD-2-Clause */
/* What tessera-config knows of the RISC-V kernel on QEMU virt: its memory
 * map (keep in step with docs/configuration.md) and, from the kernel's own
 * header, the limits it enforces at boot. */
#include "arch.h"

#include "../../kernel/arch/riscv/include/arch_limits.h"

/* virt: RAM at physical 0x80000000; the kernel (S-mode, in Sv39's upper
 * half) keeps the first 16 MiB; partitions see their areas and the control
 * page at 0xF0000000 through Sv39 (docs/architecture.md). */
const struct tcfg_arch tcfg_arch_riscv = {
    .name = "riscv",
    .phys_base = 0x80000000,
    .ram_base = 0,
    .ram_max = ARCH_RAM_MAX,
    .kernel_base = 0,
    .kernel_end = 16ull << 20,
    .virt_base = 0x40000000,
    .virt_end = 0xF0000000,
    .elf_machine = 243, /* EM_RISCV */
    .elf64 = true,
    .big_endian = false,
    .elf_machine_name = "EM_RISCV",
    .insn_align = ARCH_INSN_ALIGN,
    .ram_align = ARCH_RAM_ALIGN,
    .page_tables = ARCH_PAGE_TABLES,
    .max_cpus = ARCH_MAX_CPUS,
    .guard_ns = 10000,
    .table_shifts = {30, 21}, /* a level-1 table per 1 GiB, a level-0 one per 2 MiB */
};
