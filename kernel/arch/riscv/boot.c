/* SPDX-License-Identifier: BSD-2-Clause */
/* RISC-V boot in supervisor mode: from boot.S to the first partition. */
#include "arch.h"
#include "kernel.h"
#include "kprintf.h"
#include "kstring.h"
#include "partition.h"
#include "riscv.h"

#define SIFIVE_TEST_PASS 0x5555u
#define SIFIVE_TEST_FAIL 0x3333u

void riscv_trap_entry(void);
void riscv_first_resume(void);

/* ram_size: what the device tree says (mstart.c), 0 if it said nothing. */
__attribute__((noreturn)) void riscv_boot(uint64_t ram_size);
void riscv_boot(uint64_t ram_size)
{
    riscv_mmu_init();
    riscv_uart_init();
    kprintf("\n[tessera] Tessera separation kernel (riscv64, S-mode)\n");
    /* What the kernel maps (one 1 GiB leaf) and PMP opens (page-granular,
     * partitions above the kernel's 16 MiB); tessera-config refuses the same
     * (arch_limits.h). */
    if (cfg_system.ram_size == 0 || cfg_system.ram_size > ARCH_RAM_MAX ||
        cfg_system.ram_size % ARCH_RAM_ALIGN || cfg_system.ram_size <= KERNEL_REGION) {
        panic("RAM size %llx must be a multiple of 4 KiB above 16 MiB and up to 1 GiB",
              (unsigned long long)cfg_system.ram_size);
    }
    /* The configuration's RAM must exist: PMP opened only that much to
     * partitions, and their areas lie in it (tessera-config checks them
     * against the same size, not against the machine's). */
    if (cfg_system.ram_size > ram_size) {
        panic("RAM: the configuration uses %llu MiB, the machine has %llu MiB",
              (unsigned long long)(cfg_system.ram_size >> 20),
              (unsigned long long)(ram_size >> 20));
    }
    csr_write(stvec, (uint64_t)(uintptr_t)riscv_trap_entry);
    /* rdtime in U-mode reads the clock without a trap (pv_arch_counter);
     * mstart.c set mcounteren's TM bit for S-mode. */
    csr_write(scounteren, 1u << 1);
    riscv_time_init();
    kernel_start();
    riscv_first_resume();
    __builtin_unreachable();
}

void arch_context_reset(struct partition *p, arch_addr_t entry)
{
    struct riscv_frame *f = &p->ctx.frame;

    memset(f, 0, sizeof(*f));
    riscv_fpu_release(p);
    f->pc = entry;
    /* SPP = U, SPIE = 1 (S-mode interrupts are taken in U-mode whatever SIE
     * says), FS Off: the FPU is given at its first use (fpu.c). */
    f->status = SSTATUS_SPIE;
    f->x[10] = p->cfg->id; /* a0 */
}

arch_word_t arch_hcall_number(const struct partition *p)
{
    return p->ctx.frame.x[17]; /* a7 */
}

arch_word_t arch_hcall_arg(const struct partition *p, unsigned index)
{
    /* Arguments 0-5 in a0-a5 (pv/arch/riscv); any larger index reads a5. */
    return p->ctx.frame.x[10 + (index < 5 ? index : 5)];
}

uint64_t arch_hcall_arg64(const struct partition *p, unsigned index)
{
    /* A register holds it whole (PV_U64_WORDS = 1). */
    return arch_hcall_arg(p, index);
}

void arch_hcall_return(struct partition *p, int32_t value)
{
    p->ctx.frame.x[10] = (uint64_t)(int64_t)value;
}

/* The trap path has moved pc past the 4-byte ecall: step back onto it. */
void arch_hcall_restart(struct partition *p)
{
    p->ctx.frame.pc -= 4;
}

void arch_shutdown(int code)
{
    volatile uint32_t *test = (volatile uint32_t *)KVA(SIFIVE_TEST_PA);

    /* QEMU's sifive_test: PASS exits 0, FAIL | code << 16 exits code. */
    *test = code == 0 ? SIFIVE_TEST_PASS : (SIFIVE_TEST_FAIL | (uint32_t)(code & 0xffff) << 16);
    for (;;) {
        __asm__ volatile("wfi");
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
