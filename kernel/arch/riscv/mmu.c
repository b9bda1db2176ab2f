/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Sv39 address spaces. The kernel (S-mode) lives in the upper half: every
 * root table, the kernel's own and each partition's, holds the same two
 * global 1 GiB supervisor leaves (riscv.h, KERNEL_OFFSET), so a trap needs
 * no satp change. The lower half of a partition's table holds only its own
 * areas, as 4 KiB user pages, and its control page at PV_SHARED_VA.
 * Partition i uses ASID i + 1, the kernel's table ASID 0. Unlike x86, Sv39
 * has execute permission: an area without "x" cannot be executed.
 */
#include <stddef.h>
#include "arch.h"
#include "arch_state.h"
#include "kstring.h"
#include "partition.h"
#include "pv/arch.h"
#include "riscv.h"
#include "space_area.h"

#define PAGE_SIZE 4096u
#define ENTRIES   512u

#define PTE_V (1ul << 0)
#define PTE_R (1ul << 1)
#define PTE_W (1ul << 2)
#define PTE_X (1ul << 3)
#define PTE_U (1ul << 4)
#define PTE_G (1ul << 5)
#define PTE_A (1ul << 6)
#define PTE_D (1ul << 7)

#define VA_LIMIT (1ul << 38) /* the lower half of Sv39's 39-bit space */

/* The root index of a 1 GiB region, and the kernel's two (riscv.h). */
#define GIB_INDEX(va)  (((uint64_t)(va) >> 30) & (ENTRIES - 1))
#define KERNEL_DEVICES GIB_INDEX(KVA(0))
#define KERNEL_RAM     GIB_INDEX(KVA(RAM_PA))
#define KERNEL_LEAF    (PTE_V | PTE_R | PTE_W | PTE_G | PTE_A | PTE_D)

/* The kernel's table, which boot.S turns on while still running at the
 * load address: hence also RAM where it is (physical = virtual), until
 * riscv_mmu_init() removes that. Initialised data: it is needed before C. */
uint64_t riscv_boot_root[ENTRIES] __attribute__((aligned(PAGE_SIZE))) = {
    [GIB_INDEX(RAM_PA)] = (RAM_PA >> 12) << 10 | KERNEL_LEAF | PTE_X,
    [KERNEL_DEVICES] = KERNEL_LEAF,
    [KERNEL_RAM] = (RAM_PA >> 12) << 10 | KERNEL_LEAF | PTE_X,
};

/* riscv_roots (one per partition) and riscv_page_tables are sized for the
 * system (arch_state.h). */
static uint32_t tables_used;

void *arch_phys_to_kernel(arch_addr_t phys)
{
    return (void *)KVA(phys);
}

void riscv_mmu_init(void)
{
    riscv_boot_root[GIB_INDEX(RAM_PA)] = 0;
    __asm__ volatile("sfence.vma" ::: "memory");
}

static uint64_t pte(uint64_t pa, uint64_t flags)
{
    return (pa >> 12) << 10 | flags | PTE_V;
}

static uint64_t *next_table(uint64_t *entry)
{
    if (!(*entry & PTE_V)) {
        if (tables_used == riscv_num_page_tables) {
            return NULL;
        }
        *entry = pte(KPA(riscv_page_tables[tables_used++]), 0);
    }
    return (uint64_t *)KVA((*entry >> 10) << 12);
}

/* The level-0 entry for va, creating the tables on the way; NULL if the
 * pool is exhausted. */
static uint64_t *pte_slot(uint64_t *root, uint64_t va)
{
    uint64_t *l1 = next_table(&root[(va >> 30) & (ENTRIES - 1)]), *l0;

    if (!l1) {
        return NULL;
    }
    l0 = next_table(&l1[(va >> 21) & (ENTRIES - 1)]);
    return l0 ? &l0[(va >> 12) & (ENTRIES - 1)] : NULL;
}

/* An area's rights (r = 1, w = 2, x = 4) as a user leaf's; Sv39 reserves
 * write without read, so write implies read. */
static uint64_t area_flags(uint32_t rights)
{
    uint64_t f = PTE_U | PTE_A | PTE_D;

    if (rights & (CFG_AREA_READ | CFG_AREA_WRITE)) {
        f |= PTE_R;
    }
    if (rights & CFG_AREA_WRITE) {
        f |= PTE_W;
    }
    if (rights & CFG_AREA_EXEC) {
        f |= PTE_X;
    }
    return f;
}

int arch_space_build(struct partition *p)
{
    uint64_t *root = riscv_roots[p->index];
    /* Below the control page; in RAM above the kernel's region. */
    const struct space_bounds bounds = {0, PV_SHARED_VA - 1, RAM_PA + KERNEL_REGION,
                                        RAM_PA + cfg_system.ram_size - 1, PAGE_SIZE};
    uint64_t *slot;

    memset(root, 0, sizeof(riscv_roots[0]));
    root[KERNEL_DEVICES] = riscv_boot_root[KERNEL_DEVICES];
    root[KERNEL_RAM] = riscv_boot_root[KERNEL_RAM];
    for (uint32_t i = 0; i < p->cfg->num_areas; i++) {
        const struct cfg_area *a = &p->cfg->areas[i];
        uint64_t flags = area_flags(a->rights);

        if (!space_area_fits(a, &bounds)) {
            return -1;
        }
        for (uint64_t off = 0; off < a->size; off += PAGE_SIZE) {
            slot = pte_slot(root, a->virt + off);
            if (!slot) {
                return -1;
            }
            *slot = pte(a->phys + off, flags);
        }
    }
    slot = pte_slot(root, PV_SHARED_VA);
    if (!slot) {
        return -1;
    }
    *slot = pte(KPA(p->shared), PTE_R | PTE_W | PTE_U | PTE_A | PTE_D);
    p->space.root = root;
    p->space.satp = SATP_SV39 | (uint64_t)(p->index + 1) << 44 | KPA(root) >> 12;
    __asm__ volatile("sfence.vma" ::: "memory");
    return 0;
}

_Static_assert(PV_SHARED_VA < VA_LIMIT, "the control page lies outside Sv39's lower half");
_Static_assert(KERNEL_DEVICES >= ENTRIES / 2 && KERNEL_RAM >= ENTRIES / 2,
               "the kernel lies in Sv39's upper half");

bool arch_space_ready(const struct partition *p)
{
    return p->space.root != NULL;
}

/* Idle (p NULL) runs on the kernel's table. */
void riscv_mmu_switch(const struct partition *p)
{
    csr_write(satp, p ? p->space.satp : SATP_SV39 | KPA(riscv_boot_root) >> 12);
    __asm__ volatile("sfence.vma" ::: "memory");
}
