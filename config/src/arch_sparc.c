/* SPDX-License-Identifier: BSD-2-Clause */
/* What tessera-config knows of the LEON3 kernel: its memory map (keep in
 * step with docs/configuration.md) and, from the kernel's own header, the
 * limits it enforces at boot. */
#include "arch.h"

#include "../../kernel/arch/sparc/include/arch_limits.h"

/* LEON3: RAM at physical 0x40000000; the kernel maps it from virtual
 * 0xF0000000 up to its MMIO window at 0xFF000000 (240 MiB), and puts the
 * control page at 0xEF000000 (docs/architecture.md). */
const struct tcfg_arch tcfg_arch_sparc = {
    .name = "sparc",
    .phys_base = 0x40000000,
    .ram_base = 0,
    .ram_max = 240ull << 20,
    .kernel_base = 0,
    .kernel_end = 16ull << 20,
    .virt_base = 0x40000000,
    .virt_end = 0xEF000000,
    .elf_machine = 2, /* EM_SPARC */
    .big_endian = true,
    .elf_machine_name = "EM_SPARC",
    .insn_align = ARCH_INSN_ALIGN,
    .ram_align = ARCH_RAM_ALIGN,
    .page_tables = ARCH_PAGE_TABLES,
    .max_cpus = ARCH_MAX_CPUS,
    .guard_ns = 10000,
    .table_shifts = {24, 18}, /* a level-2 table per 16 MiB, a level-3 one per 256 KiB */
};
