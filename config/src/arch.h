/* SPDX-License-Identifier: BSD-2-Clause */
/* What the config compiler must know about each target architecture. */
#ifndef TCFG_ARCH_H
#define TCFG_ARCH_H

#include <stdbool.h>
#include <stdint.h>

#define TCFG_PAGE_SIZE 4096u

struct tcfg_arch {
    const char *name;
    /* Physical addresses here and in the XML are offsets from the start of
     * RAM; phys_base (where RAM starts on the machine) is added to every
     * area's phys in the generated tables, so one XML fits both machines. */
    uint64_t phys_base;
    uint64_t ram_base;                /* first valid XML phys (0: RAM's first byte) */
    uint64_t ram_max;                 /* the most RAM a system may declare */
    uint64_t kernel_base, kernel_end; /* physical range the kernel keeps (XML terms) */
    uint64_t virt_base, virt_end;     /* where partition areas may be mapped; the control
                                         page lies at virt_end (PV_SHARED_VA) */
    uint32_t insn_align;              /* entry points: ARCH_INSN_ALIGN */
    uint32_t ram_align;               /* RAM size: ARCH_RAM_ALIGN */
    uint32_t page_tables;             /* the kernel's page-table pool: ARCH_PAGE_TABLES */
    uint32_t max_cpus;                /* processors the kernel can run on: ARCH_MAX_CPUS */
    /* A partition needs one table of the pool per distinct va >> shift of
     * every page it maps, for each shift here (0 ends the list). */
    uint8_t table_shifts[3];
    uint16_t elf_machine;
    bool elf64; /* partition images are ELFCLASS64 */
    bool big_endian;
    const char *elf_machine_name;
    uint64_t guard_ns; /* default guard time G: longer than the longest kernel path a
                          partition can start (docs/architecture.md) */
};

extern const struct tcfg_arch tcfg_arch_x86, tcfg_arch_sparc, tcfg_arch_riscv;

/* NULL if there is no such architecture. */
const struct tcfg_arch *tcfg_arch_find(const char *name);

#endif
