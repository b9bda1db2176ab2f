/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V state sized for the system (kernel/core/include/cfg_state.h).
 * Not yet: mmu.c still keeps its Sv39 roots and tables in pools of
 * CFG_MAX_PARTITIONS and ARCH_PAGE_TABLES (the first RISC-V step came
 * before the configuration-sized state); the counts are only checked.
 */
#ifndef TESSERA_RISCV_ARCH_STATE_H
#define TESSERA_RISCV_ARCH_STATE_H

#include <stdint.h>

#include "arch_limits.h"
#include "cfg.h"

#define ARCH_STATE_DEFINE(parts, tables)                                                           \
    _Static_assert((parts) <= CFG_MAX_PARTITIONS, "partitions fit mmu.c's roots");                 \
    _Static_assert((tables) <= ARCH_PAGE_TABLES, "page tables fit mmu.c's pool");

/* One CPU: no per-CPU state of the arch's own. */
#define ARCH_CPU_STATE_DEFINE(cpus)

#endif
