/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Address spaces on the SPARC reference MMU. Context 0 is the kernel's;
 * partition i runs in context i + 1. Every context maps RAM at KERNEL_VA and
 * the APB bus at MMIO_VA with supervisor-only 16 MiB pages (the same level-1
 * entries in every table); a partition's table adds its areas with 4 KiB
 * user pages and its control page at PV_SHARED_VA. Unlike x86, the SRMMU
 * has execute permission: an area without "x" cannot be executed.
 */
#include <stddef.h>
#include "arch.h"
#include "arch_state.h"
#include "kprintf.h"
#include "kstring.h"
#include "partition.h"
#include "pv/arch.h"
#include "space_area.h"
#include "sparc.h"

#define PAGE_SIZE  4096u
#define L1_ENTRIES 256 /* 16 MiB each */
#define L2_ENTRIES 64  /* 256 KiB each */
#define L3_ENTRIES 64  /* 4 KiB each */
#define CONTEXTS   256

/* Cleared by boot.S before it fills the first two. Each table is aligned
 * to its size, as the SRMMU requires. */
uint32_t sparc_ctx_table[CONTEXTS] __attribute__((aligned(CONTEXTS * 4)));
uint32_t sparc_kernel_l1[L1_ENTRIES] __attribute__((aligned(L1_ENTRIES * 4)));
/* The partitions' level-1 tables and the pool of lower ones:
 * sparc_l1_tables and sparc_page_tables, sized for the system
 * (arch_state.h). */
_Static_assert(L1_ENTRIES == 256 && L2_ENTRIES == 64 && L3_ENTRIES == 64, "arch_state.h");
static uint32_t tables_used;
static uint32_t user_l1_last; /* the last level-1 entry a partition may use (its control page) */

static uint32_t kernel_pa(const void *p)
{
    return (uint32_t)(uintptr_t)p - KERNEL_OFFSET;
}

static uint32_t ptd(const void *table)
{
    return (kernel_pa(table) >> 4) | PTE_ET_PTD;
}

static uint32_t pte(uint32_t pa, uint32_t acc, uint32_t flags)
{
    return (pa >> 4) | flags | PTE_ACC(acc) | PTE_ET_PTE;
}

void *arch_phys_to_kernel(arch_addr_t phys)
{
    return (void *)(uintptr_t)(phys + KERNEL_OFFSET);
}

void sparc_mmu_init(uint32_t ram_size)
{
    uint32_t sections = (ram_size + 0xffffffu) >> 24;

    /* Only what the system has: RAM, rounded up to whole 16 MiB pages, and
     * the peripherals; boot.S's identity mapping of the first 16 MiB goes. */
    memset(sparc_kernel_l1, 0, sizeof(sparc_kernel_l1));
    for (uint32_t i = 0; i < sections; i++) {
        sparc_kernel_l1[(KERNEL_VA >> 24) + i] = pte(RAM_PA + (i << 24), ACC_N_RWX, PTE_C);
    }
    sparc_kernel_l1[MMIO_VA >> 24] = pte(MMIO_PA, ACC_N_RWX, 0);
    user_l1_last = PV_SHARED_VA >> 24;
    sparc_tlb_flush_all();
}

/* The level-3 entry for va in l1, creating the tables on the way; NULL if
 * the pool is exhausted or va lies in the kernel's part. */
static uint32_t *pte_slot(uint32_t *l1, uint32_t va)
{
    uint32_t *e1 = &l1[va >> 24], *l2, *e2, *l3;

    if ((va >> 24) > user_l1_last) {
        return NULL;
    }
    if (!(*e1 & PTE_ET_PTD)) {
        if (tables_used == sparc_num_page_tables) {
            return NULL;
        }
        *e1 = ptd(sparc_page_tables[tables_used++]);
    }
    l2 = (uint32_t *)arch_phys_to_kernel((*e1 & ~3u) << 4);
    e2 = &l2[(va >> 18) & (L2_ENTRIES - 1)];
    if (!(*e2 & PTE_ET_PTD)) {
        if (tables_used == sparc_num_page_tables) {
            return NULL;
        }
        *e2 = ptd(sparc_page_tables[tables_used++]);
    }
    l3 = (uint32_t *)arch_phys_to_kernel((*e2 & ~3u) << 4);
    return &l3[(va >> 12) & (L3_ENTRIES - 1)];
}

/* The SRMMU access permission for an area's rights (r = 1, w = 2, x = 4);
 * write implies read, as the SRMMU has no write-only pages. */
static uint32_t area_acc(uint32_t rights)
{
    static const uint8_t acc[8] = {
        [1] = ACC_R_R,   [2] = ACC_RW_RW,   [3] = ACC_RW_RW,   [4] = ACC_X_X,
        [5] = ACC_RX_RX, [6] = ACC_RWX_RWX, [7] = ACC_RWX_RWX,
    };

    return acc[rights & 7];
}

int arch_space_build(struct partition *p)
{
    uint32_t *l1 = sparc_l1_tables[p->index];
    /* Below the control page; in RAM above the kernel's region. */
    const struct space_bounds bounds = {0, PV_SHARED_VA - 1, RAM_PA + KERNEL_REGION,
                                        RAM_PA + cfg_system.ram_size - 1, PAGE_SIZE};
    uint32_t *slot;

    memset(l1, 0, sizeof(sparc_l1_tables[0]));
    for (uint32_t i = KERNEL_VA >> 24; i < L1_ENTRIES; i++) {
        l1[i] = sparc_kernel_l1[i];
    }
    for (uint32_t i = 0; i < p->cfg->num_areas; i++) {
        const struct cfg_area *a = &p->cfg->areas[i];
        uint32_t acc = area_acc(a->rights);

        if (!space_area_fits(a, &bounds)) {
            return -1;
        }
        for (uint32_t off = 0; off < a->size; off += PAGE_SIZE) {
            slot = pte_slot(l1, a->virt + off);
            if (!slot) {
                return -1;
            }
            *slot = pte(a->phys + off, acc, PTE_C);
        }
    }
    slot = pte_slot(l1, PV_SHARED_VA);
    if (!slot) {
        return -1;
    }
    *slot = pte(kernel_pa(p->shared), ACC_RW_RW, PTE_C);
    p->space.context = p->index + 1;
    sparc_ctx_table[p->space.context] = ptd(l1);
    p->space.l1 = l1;
    sparc_tlb_flush_all();
    return 0;
}

bool arch_space_ready(const struct partition *p)
{
    return p->space.l1 != NULL;
}

void sparc_mmu_switch(const struct partition *p)
{
    sparc_sta_mmu(MMU_CTX, p ? p->space.context : 0);
}
