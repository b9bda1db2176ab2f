/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Address spaces. Every page directory maps all RAM at its physical address
 * with 4 MiB supervisor-only global pages (the kernel's direct map), the
 * local APIC page supervisor-only and uncached, and - in a partition's
 * directory - that partition's areas with 4 KiB user pages at their virtual
 * addresses. 32-bit paging has no execute-disable bit: on x86 an area that
 * is readable is also executable (docs/architecture.md).
 *
 * Multicore: an application processor's directories differ in one entry,
 * the 4 MiB that holds the per-CPU section (ARCH_PER_CPU), which its own
 * page table maps with 4 KiB pages, the identity but for the section's
 * pages: those are the AP's copy (x86_cpu.h). The boot CPU keeps the
 * 4 MiB page, and so exactly the accesses and TLB it had on one CPU.
 */
#include <stddef.h>
#include "arch.h"
#include "arch_state.h"
#include "cpu_plans.h"
#include "kprintf.h"
#include "kstring.h"
#include "partition.h"
#include "pv/arch.h"
#include "space_area.h"
#include "x86.h"

#define PTE_P   0x001u
#define PTE_W   0x002u
#define PTE_U   0x004u
#define PTE_PWT 0x008u
#define PTE_PCD 0x010u
#define PTE_PS  0x080u
#define PTE_G   0x100u

#define PAGE_SIZE 4096u
#define BIG_PAGE  0x400000u
#define RAM_MAX   0x40000000u /* the direct map must stay below user space */
/* The kernel's image, state and tables (tessera-config's kernel region): a
 * partition area there would give it the kernel's memory. */
#define KERNEL_REGION 0x01000000u
#define MMIO_BASE     0xfec00000u /* IOAPIC and local APIC live in this 4 MiB */

static uint32_t kernel_directory[1024] __attribute__((aligned(PAGE_SIZE)));
/* The directory this CPU runs the idle loop on: kernel_directory on the
 * boot CPU, its own on an AP (a load where an immediate was: the same
 * instructions). */
static uint32_t *cpu_kernel_directory ARCH_PER_CPU = kernel_directory;

extern char __percpu_start[], __percpu_end[];

/* The directory entry that maps the per-CPU section. */
static uint32_t percpu_slot(void)
{
    return (uint32_t)(uintptr_t)__percpu_start / BIG_PAGE;
}

/* AP cpu's pages (cpu >= 1): the one place a CPU number becomes its
 * element, so that the copy of the section a CPU's table maps, the table
 * its directories map and its kernel directory are always the same one. */
static struct x86_cpu_pages *ap_pages(uint32_t cpu)
{
    return &x86_ap_pages[cpu - 1];
}

/* In directory pd, CPU cpu's view of the per-CPU section (CPU 0: the
 * direct map as it is). */
static void map_percpu(uint32_t *pd, uint32_t cpu)
{
    if (cpu > 0) {
        pd[percpu_slot()] = (uint32_t)(uintptr_t)ap_pages(cpu)->table | PTE_P | PTE_W;
    }
}

/* A partition that moves between CPUs (handover.h): its directory gets the
 * entry of the CPU about to run it - CPU 0's 4 MiB page of the direct map
 * or an AP's table. The CPU it left no longer has the directory loaded
 * (arch_context_save), and each CPU's TLB only ever holds its own view of
 * the section: every directory it loads has its entry. */
void arch_context_take(struct partition *p, uint32_t cpu)
{
    uint32_t *pd = p->space.page_directory;

    if (!pd) {
        return; /* never built: it does not run */
    }
    if (cpu == 0) {
        pd[percpu_slot()] = percpu_slot() * BIG_PAGE | PTE_P | PTE_W | PTE_PS | PTE_G;
    } else {
        map_percpu(pd, cpu);
    }
}
/* The partitions' directories and tables: x86_directories and
 * x86_page_tables, sized for the system (arch_state.h). */
static uint32_t tables_used;

static void map_kernel(uint32_t *pd, uint32_t ram_size)
{
    for (uint32_t a = 0; a < ram_size; a += BIG_PAGE) {
        pd[a / BIG_PAGE] = a | PTE_P | PTE_W | PTE_PS | PTE_G;
    }
    pd[MMIO_BASE / BIG_PAGE] = MMIO_BASE | PTE_P | PTE_W | PTE_PS | PTE_PCD | PTE_PWT;
}

void *arch_phys_to_kernel(arch_addr_t phys)
{
    return (void *)(uintptr_t)phys;
}

static uint32_t *table_for(uint32_t *pd, uint32_t va)
{
    uint32_t *pde = &pd[va / BIG_PAGE];

    if (!(*pde & PTE_P)) {
        if (tables_used == x86_num_page_tables) {
            return NULL;
        }
        *pde = (uint32_t)(uintptr_t)x86_page_tables[tables_used++] | PTE_P | PTE_W | PTE_U;
    } else if (*pde & PTE_PS) {
        return NULL; /* collides with the kernel's direct map or MMIO */
    }
    return (uint32_t *)(uintptr_t)(*pde & ~0xfffu);
}

int arch_space_build(struct partition *p)
{
    uint32_t *pd = x86_directories[p->index];
    /* Above the kernel's direct map and below the control page; in RAM
     * above the kernel's region. */
    const struct space_bounds bounds = {RAM_MAX, PV_SHARED_VA - 1, KERNEL_REGION,
                                        cfg_system.ram_size - 1, PAGE_SIZE};

    memset(pd, 0, PAGE_SIZE);
    map_kernel(pd, cfg_system.ram_size);
    /* A moving partition's entry is set where it is taken over. */
    map_percpu(pd, partition_moves(p) ? 0 : p->cpu);
    for (uint32_t i = 0; i < p->cfg->num_areas; i++) {
        const struct cfg_area *a = &p->cfg->areas[i];
        uint32_t flags = PTE_P | PTE_U | ((a->rights & CFG_AREA_WRITE) ? PTE_W : 0);

        if (!space_area_fits(a, &bounds)) {
            return -1;
        }
        for (uint32_t off = 0; off < a->size; off += PAGE_SIZE) {
            uint32_t *pt = table_for(pd, a->virt + off);

            if (!pt) {
                return -1;
            }
            pt[((a->virt + off) >> 12) & 1023] = (a->phys + off) | flags;
        }
    }
    {
        uint32_t *pt = table_for(pd, PV_SHARED_VA);

        if (!pt) {
            return -1;
        }
        pt[(PV_SHARED_VA >> 12) & 1023] = (uint32_t)(uintptr_t)p->shared | PTE_P | PTE_W | PTE_U;
    }
    p->space.page_directory = pd;
    return 0;
}

bool arch_space_ready(const struct partition *p)
{
    return p->space.page_directory != NULL;
}

void x86_mmu_init(uint32_t ram_size)
{
    uint32_t a, b, c, d;

    cpuid(1, &a, &b, &c, &d);
    if (!(d & (1u << 3)) || !(d & (1u << 13))) {
        panic("mmu: CPU lacks 4 MiB pages (PSE) or global pages (PGE)");
    }
    if (ram_size == 0 || ram_size > RAM_MAX || (ram_size & (ARCH_RAM_ALIGN - 1))) {
        panic("mmu: RAM size %x must be a non-zero multiple of 4 MiB up to 1 GiB", ram_size);
    }
    map_kernel(kernel_directory, ram_size);
    write_cr4(read_cr4() | CR4_PSE | CR4_PGE);
    write_cr3((uint32_t)(uintptr_t)kernel_directory);
    write_cr0(read_cr0() | CR0_PG | CR0_WP);
}

void x86_mmu_switch_kernel(void)
{
    write_cr3((uint32_t)(uintptr_t)cpu_kernel_directory);
}

void x86_mmu_switch(struct partition *p)
{
    write_cr3((uint32_t)(uintptr_t)p->space.page_directory);
}

/* The boot CPU, before anything writes a per-CPU variable: each AP's
 * copy of the section as the image has it, and its directory and table. */
void x86_mmu_prepare_aps(uint32_t aps)
{
    /* Two linker symbols: compared as addresses, not as C objects. */
    uint32_t size = (uint32_t)(uintptr_t)__percpu_end - (uint32_t)(uintptr_t)__percpu_start;
    uint32_t base = percpu_slot() * BIG_PAGE;

    if (size > X86_PERCPU_MAX ||
        ((uint32_t)(uintptr_t)__percpu_end - 1) / BIG_PAGE != percpu_slot()) {
        panic("mmu: the per-CPU section (%u bytes at %08x) exceeds %u bytes or its 4 MiB", size,
              (uint32_t)(uintptr_t)__percpu_start, X86_PERCPU_MAX);
    }
    for (uint32_t cpu = 1; cpu <= aps; cpu++) {
        struct x86_cpu_pages *c = ap_pages(cpu);

        memcpy(c->percpu, __percpu_start, size);
        for (uint32_t k = 0; k < 1024; k++) {
            c->table[k] = (base + k * PAGE_SIZE) | PTE_P | PTE_W | PTE_G;
        }
        for (uint32_t off = 0; off < size; off += PAGE_SIZE) {
            c->table[((uint32_t)(uintptr_t)__percpu_start + off - base) / PAGE_SIZE] =
                (uint32_t)(uintptr_t)(c->percpu + off) | PTE_P | PTE_W | PTE_G;
        }
    }
}

/* An application processor (CPU cpu), paging still off: its directory is
 * the kernel's, as x86_mmu_init() left it (checked and built by the boot
 * CPU), with its own per-CPU section. From here on its per-CPU variables
 * are its own. */
void x86_mmu_init_ap(uint32_t cpu)
{
    uint32_t *pd = ap_pages(cpu)->directory;

    memcpy(pd, kernel_directory, PAGE_SIZE);
    map_percpu(pd, cpu);
    write_cr4(read_cr4() | CR4_PSE | CR4_PGE);
    write_cr3((uint32_t)(uintptr_t)pd);
    write_cr0(read_cr0() | CR0_PG | CR0_WP);
    cpu_kernel_directory = pd;
}
