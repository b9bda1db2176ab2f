/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V state sized for the system (kernel/core/include/cfg_state.h): an
 * Sv39 root table per partition and the level-1 and level-0 tables its
 * areas need, which tessera-config counts (config/src/pagetables.c) the way
 * mmu.c takes them.
 */
#ifndef TESSERA_RISCV_ARCH_STATE_H
#define TESSERA_RISCV_ARCH_STATE_H

#include <stdint.h>

#include "arch_word.h"

extern uint64_t riscv_roots[][512];
extern uint64_t riscv_page_tables[][512];
extern const uint32_t riscv_num_page_tables;

#define ARCH_STATE_DEFINE(parts, tables)                                                           \
    uint64_t riscv_roots[parts][512] __attribute__((aligned(ARCH_PAGE_SIZE)));                     \
    uint64_t riscv_page_tables[tables][512] __attribute__((aligned(ARCH_PAGE_SIZE)));              \
    const uint32_t riscv_num_page_tables = (tables);

/* One CPU: no per-CPU state of the arch's own. */
#define ARCH_CPU_STATE_DEFINE(cpus)

#endif
