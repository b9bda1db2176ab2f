/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 state sized for the system (kernel/core/include/cfg_state.h): a page
 * directory per partition and the page tables its areas need, which
 * tessera-config counts (config/src/pagetables.c) the way mmu.c takes them.
 */
#ifndef TESSERA_X86_ARCH_STATE_H
#define TESSERA_X86_ARCH_STATE_H

#include <stdint.h>

#include "arch_word.h"
#include "x86_cpu.h"

extern uint32_t x86_directories[][1024];
extern uint32_t x86_page_tables[][1024];
extern const uint32_t x86_num_page_tables;

#define ARCH_STATE_DEFINE(parts, tables)                                                           \
    uint32_t x86_directories[parts][1024] __attribute__((aligned(ARCH_PAGE_SIZE)));                \
    uint32_t x86_page_tables[tables][1024] __attribute__((aligned(ARCH_PAGE_SIZE)));               \
    const uint32_t x86_num_page_tables = (tables);

/* The application processors' blocks (x86_cpu.h): none on one CPU (GNU C's
 * zero-length array). */
#define ARCH_CPU_STATE_DEFINE(cpus)                                                                \
    struct x86_cpu x86_aps[(cpus)-1];                                                              \
    struct x86_cpu_pages x86_ap_pages[(cpus)-1];                                                   \
    const uint32_t x86_num_aps = (cpus)-1;

#endif
