/* SPDX-License-Identifier: BSD-2-Clause */
/* What the config compiler must know about each target architecture. */
#ifndef TCFG_ARCH_H
#define TCFG_ARCH_H

#include <stdbool.h>
#include <stdint.h>

#define TCFG_PAGE_SIZE 4096u

struct tcfg_arch {
    const char *name;
    uint64_t ram_base;                /* physical address where RAM starts */
    uint64_t ram_max;                 /* the most RAM a system may declare */
    uint64_t kernel_base, kernel_end; /* physical range the kernel keeps */
    uint64_t virt_base, virt_end;     /* where partition areas may be mapped */
    uint16_t elf_machine;
    bool big_endian;
    const char *elf_machine_name;
};

/* NULL if there is no such architecture. */
const struct tcfg_arch *tcfg_arch_find(const char *name);

#endif
