/* SPDX-License-Identifier: BSD-2-Clause */
/* LEON3 boot: from boot.S (MMU on, running at KERNEL_VA) to the first
 * partition; partition contexts and hypercall registers. */
#include "arch.h"
#include "kernel.h"
#include "kprintf.h"
#include "kstring.h"
#include "partition.h"
#include "sparc.h"

extern char __kernel_end[];

/* Everything the configuration places must lie in the RAM it declares,
 * which the kernel maps (up to RAM_MAX). QEMU's leon3_generic has 128 MiB
 * and no way to ask, so the configured size is trusted within that limit. */
static void check_memory(void)
{
    uint32_t ram = cfg_system.ram_size;

    if (ram == 0 || ram > RAM_MAX) {
        panic("RAM size %x must be between 1 byte and %x", ram, RAM_MAX);
    }
    if ((uint32_t)(uintptr_t)__kernel_end - KERNEL_VA > ram) {
        panic("the system image does not fit in the configured RAM");
    }
}

__attribute__((noreturn)) void sparc_resume(void);

__attribute__((noreturn)) void sparc_boot(void)
{
    sparc_uart_init();
    kprintf("\n[tessera] Tessera separation kernel (sparc)\n");
    check_memory();
    sparc_mmu_init(cfg_system.ram_size);
    sparc_time_init();
    kernel_start();
    sparc_resume();
}

void arch_context_reset(struct partition *p, arch_addr_t entry)
{
    struct sparc_frame *f = &p->ctx.frame;

    memset(f, 0, sizeof(*f));
    f->pc = entry;
    f->npc = entry + 4;
    f->nwin = 1; /* the current window, all zero: %fp = %i7 = 0 */
    f->o[0] = p->cfg->id;
    sparc_fpu_release(p);
}

arch_word_t arch_hcall_number(const struct partition *p)
{
    return p->ctx.frame.g[1];
}

arch_word_t arch_hcall_arg(const struct partition *p, unsigned index)
{
    return index < 5 ? p->ctx.frame.o[index] : 0;
}

uint64_t arch_hcall_arg64(const struct partition *p, unsigned index)
{
    /* Two words, low first (PV_U64_WORDS = 2 on SPARC V8). */
    return arch_hcall_arg(p, index) | (uint64_t)arch_hcall_arg(p, index + 1) << 32;
}

void arch_hcall_return(struct partition *p, int32_t value)
{
    p->ctx.frame.o[0] = (uint32_t)value;
}

void arch_shutdown(int code)
{
    /* `ta 0` with traps disabled puts the CPU in error mode; QEMU then
     * exits with status 0 for trap 0x80 and 134 for any other trap. */
    sparc_wr_psr((sparc_rd_psr() & ~PSR_ET) | PSR_PIL);
    if (code == 0) {
        __asm__ volatile("ta 0");
    }
    __asm__ volatile("ta 1");
    for (;;) {
        ;
    }
}

/* One CPU, and the kernel is not preemptible: nothing else can hold a lock
 * while this code runs (arch.h). A multicore port needs an atomic swap
 * here (docs/architecture.md, "Multicore"). */
bool arch_lock_try(volatile uint32_t *lock)
{
    if (*lock) {
        return false;
    }
    *lock = 1;
    return true;
}

void arch_lock_release(volatile uint32_t *lock)
{
    *lock = 0;
}

/* One CPU, not preemptible: a plain read-modify-write is indivisible. */
void arch_atomic_or(volatile uint32_t *word, uint32_t bits)
{
    *word |= bits;
}

bool arch_atomic_test_clear(volatile uint32_t *word, uint32_t bit)
{
    uint32_t was = *word;

    *word = was & ~(1u << bit);
    return ((was >> bit) & 1u) != 0;
}

/* One CPU: no partition moves between CPUs (arch.h), nothing to wait for. */
void arch_cpu_relax(void)
{
}

void arch_context_save(struct partition *p)
{
    (void)p;
}

void arch_context_take(struct partition *p, uint32_t cpu)
{
    (void)p;
    (void)cpu;
}
