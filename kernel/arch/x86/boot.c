/* SPDX-License-Identifier: BSD-2-Clause */
/* x86 boot: from the multiboot entry to the first partition. */
#include <stddef.h>
#include "arch.h"
#include "arch_state.h"
#include "cpu_plans.h"
#include "kernel.h"
#include "kprintf.h"
#include "kstring.h"
#include "partition.h"
#include "x86.h"

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2badb002u
#define MB_INFO_MEMORY             0x1u

struct multiboot_info {
    uint32_t flags, mem_lower, mem_upper;
};

#define QEMU_DEBUG_EXIT_PORT 0xf4

struct x86_frame *x86_first_frame(void);
void x86_resume(void);

extern char __kernel_end[];

/* The end of the physical memory the system really uses: the kernel and
 * every configured area. The configured RAM size may be a little more than
 * the boot loader reports (firmware keeps some at the top), which is fine
 * as long as nothing lives there. */
static uint64_t memory_used_end(void)
{
    uint64_t end = (uint32_t)(uintptr_t)__kernel_end;

    for (uint32_t i = 0; i < cfg_system.num_partitions; i++) {
        const struct cfg_partition *p = &cfg_system.partitions[i];

        for (uint32_t k = 0; k < p->num_areas; k++) {
            uint64_t e = (uint64_t)p->areas[k].phys + p->areas[k].size;

            if (e > end) {
                end = e;
            }
        }
    }
    return end;
}

static void check_memory(uint32_t magic, const struct multiboot_info *mbi)
{
    uint64_t have, need;

    if (magic != MULTIBOOT_BOOTLOADER_MAGIC) {
        panic("not started by a multiboot loader (magic %x)", magic);
    }
    if (!(mbi->flags & MB_INFO_MEMORY)) {
        panic("boot loader gave no memory size");
    }
    /* mem_upper counts the KiB of contiguous RAM above 1 MiB. */
    have = ((uint64_t)mbi->mem_upper + 1024) * 1024;
    need = memory_used_end();
    if (have < need) {
        panic("the system uses memory up to %llu KiB, the machine has %llu KiB",
              (unsigned long long)(need / 1024), (unsigned long long)(have / 1024));
    }
}

__attribute__((noreturn)) void x86_boot(uint32_t magic, const struct multiboot_info *mbi)
{
    struct x86_frame *first;

    x86_uart_init();
    kprintf("\n[tessera] Tessera separation kernel (x86)\n");
    /* Before any per-CPU variable changes: the APs' copies start as the
     * image has them. */
    x86_mmu_prepare_aps(cpu_count() - 1 < x86_num_aps ? cpu_count() - 1 : x86_num_aps);
    check_memory(magic, mbi);
    x86_desc_init();
    x86_mmu_init(cfg_system.ram_size);
    /* The NMI/#DF/#MC tasks run in the kernel's address space. */
    x86_desc_set_fault_cr3(read_cr3());
    x86_fpu_init();
    x86_time_init();
    /* Before the schedule starts, so that the APs' start-up time does not
     * delay its first window. */
    x86_smp_start();
    kernel_start();
    first = x86_first_frame();
    x86_smp_go();
    __asm__ volatile("mov %0, %%eax\n\tjmp x86_resume" : : "r"(first) : "eax");
    __builtin_unreachable();
}

void arch_context_reset(struct partition *p, arch_addr_t entry)
{
    struct x86_frame *f = &p->ctx.frame;

    memset(f, 0, sizeof(*f));
    f->ds = f->es = f->fs = f->gs = f->ss = USER_DS;
    f->cs = USER_CS;
    f->eip = entry;
    f->eflags = EFLAGS_RESERVED | EFLAGS_IF; /* IOPL 0 */
    f->eax = p->cfg->id;
    x86_fpu_release(p);
}

/* int 0x80 is 2 bytes (CD 80), the only form pv/arch/x86 uses. A partition
 * that traps with another encoding resumes 2 bytes back: its own affair. */
void arch_hcall_restart(struct partition *p)
{
    p->ctx.frame.eip -= 2;
}

void arch_shutdown(int code)
{
    __asm__ volatile("cli");
    x86_smp_report();
    /* QEMU's isa-debug-exit device turns the value v into exit status
     * 2v+1; on a PC without it the write is ignored and we halt. */
    outb(QEMU_DEBUG_EXIT_PORT, (uint8_t)code);
    for (;;) {
        __asm__ volatile("hlt");
    }
}
