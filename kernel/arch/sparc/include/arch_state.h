/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * SPARC state sized for the system (kernel/core/include/cfg_state.h): a
 * level-1 table per partition and the lower-level tables its areas need,
 * which tessera-config counts (config/src/pagetables.c) the way mmu.c takes
 * them. Each table is aligned to its size, as the SRMMU requires.
 */
#ifndef TESSERA_SPARC_ARCH_STATE_H
#define TESSERA_SPARC_ARCH_STATE_H

#include <stdint.h>

extern uint32_t sparc_l1_tables[][256];
extern uint32_t sparc_page_tables[][64];
extern const uint32_t sparc_num_page_tables;

#define ARCH_STATE_DEFINE(parts, tables)                                                           \
    uint32_t sparc_l1_tables[parts][256] __attribute__((aligned(256 * 4)));                        \
    uint32_t sparc_page_tables[tables][64] __attribute__((aligned(64 * 4)));                       \
    const uint32_t sparc_num_page_tables = (tables);

/* One CPU: no per-CPU state of the arch's own. */
#define ARCH_CPU_STATE_DEFINE(cpus)

#endif
