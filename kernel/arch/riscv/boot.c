/* SPDX-License-Identifier: BSD-2-Clause */
/* RISC-V boot in machine mode: from _start to the first partition. */
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

__attribute__((noreturn)) void riscv_boot(void);
void riscv_boot(void)
{
    riscv_uart_init();
    kprintf("\n[tessera] Tessera separation kernel (riscv64)\n");
    csr_write(mtvec, (uint64_t)(uintptr_t)riscv_trap_entry);
    /* Every trap to M-mode: nothing is delegated to an S-mode that does not
     * exist. PMP entry 0 lets U-mode reach all physical memory; what a
     * partition reaches is decided by its Sv39 table alone. */
    csr_write(medeleg, 0);
    csr_write(mideleg, 0);
    csr_write(pmpaddr0, ~0ul >> 10);
    csr_write(pmpcfg0, 0x1f); /* NAPOT, read, write, execute */
    /* rdtime in U-mode reads mtime without a trap (pv_arch_counter). With
     * S-mode implemented, U-mode needs scounteren's TM bit as well. */
    csr_write(mcounteren, 1u << 1);
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
    f->pc = entry;
    /* MPP = U, MPIE = 1 (M-mode interrupts are always taken in U-mode), FS
     * off: the FPU is not yet given to partitions (docs/architecture.md). */
    f->status = MSTATUS_MPIE;
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
    volatile uint32_t *test = (volatile uint32_t *)SIFIVE_TEST;

    /* QEMU's sifive_test: PASS exits 0, FAIL | code << 16 exits code. */
    *test = code == 0 ? SIFIVE_TEST_PASS : (SIFIVE_TEST_FAIL | (uint32_t)(code & 0xffff) << 16);
    for (;;)
        __asm__ volatile("wfi");
}
