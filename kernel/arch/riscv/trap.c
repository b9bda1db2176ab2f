/* SPDX-License-Identifier: BSD-2-Clause */
/* Every entry into the kernel after boot arrives in riscv_trap(). */
#include "arch.h"
#include "kernel.h"
#include "kprintf.h"
#include "partition.h"
#include "pv/abi.h"
#include "riscv.h"
#include "riscv_insn.h"

/* The exceptions a partition can cause (scause), their names and the
 * health monitor's classes (docs/pv-api.md). */
struct riscv_trap_kind {
    const char *name;
    uint32_t hm_class; /* PV_HM_* */
};

static const struct riscv_trap_kind trap_kinds[16] = {
    [0] = {"instruction address misaligned", PV_HM_MISALIGNED_ACCESS},
    [1] = {"instruction access fault", PV_HM_MEMORY_VIOLATION},
    [2] = {"illegal instruction", PV_HM_ILLEGAL_INSTRUCTION},
    [3] = {"breakpoint", PV_HM_ILLEGAL_INSTRUCTION},
    [4] = {"load address misaligned", PV_HM_MISALIGNED_ACCESS},
    [5] = {"load access fault", PV_HM_MEMORY_VIOLATION},
    [6] = {"store address misaligned", PV_HM_MISALIGNED_ACCESS},
    [7] = {"store access fault", PV_HM_MEMORY_VIOLATION},
    [12] = {"instruction page fault", PV_HM_MEMORY_VIOLATION},
    [13] = {"load page fault", PV_HM_MEMORY_VIOLATION},
    [15] = {"store page fault", PV_HM_MEMORY_VIOLATION},
};

/* The context the address space is set up for; satp changes only when it
 * does, so that a hypercall does not flush the TLB. */
static const struct partition *installed;
static bool installed_valid;

__attribute__((noreturn)) static void resume(void)
{
    struct partition *next = kernel_current();

    if (!installed_valid || next != installed) {
        riscv_mmu_switch(next);
        installed = next;
        installed_valid = true;
    }
    if (!next) {
        riscv_idle();
    }
    riscv_resume(&next->ctx.frame);
}

/* The idle loop: the kernel's interrupts stay off (sstatus.SIE clear); wfi
 * wakes on the pending timer all the same (sie.STIE), and the loop handles
 * it. In a guard band's last 2 us it polls sip instead (riscv.h). */
void riscv_idle(void)
{
    for (;;) {
        if (riscv_idle_state == RISCV_IDLE_SPIN) {
            while (!(csr_read(sip) & SIP_STIP)) {
            }
        } else {
            __asm__ volatile("wfi");
        }
        if (!(csr_read(sip) & SIP_STIP)) {
            continue;
        }
        if (riscv_idle_state == RISCV_IDLE_WAKE_EARLY) {
            riscv_idle_wake_early();
            continue;
        }
        kernel_on_timer();
        if (kernel_current()) {
            resume();
        }
    }
}

/* An illegal instruction that is an FPU one is the FPU's (fpu.c: FS Off
 * for a partition without the right, or with it when the retry with the
 * FPU on failed too); another SYSTEM opcode (CSR access, mret, sret, wfi,
 * sfence.vma) is a privileged one. */
static uint32_t fault_class(const struct riscv_frame *f)
{
    uint32_t opcode = (uint32_t)f->tval & 0x7fu;

    if (f->cause == EXC_ILLEGAL && riscv_insn_is_fpu(f->tval)) {
        return PV_HM_FPU_ERROR;
    }
    if (f->cause == EXC_ILLEGAL && opcode == RISCV_OPCODE_SYSTEM) {
        return PV_HM_PRIVILEGED_INSTRUCTION;
    }
    if (f->cause < 16 && trap_kinds[f->cause].name) {
        return trap_kinds[f->cause].hm_class;
    }
    return PV_HM_ILLEGAL_INSTRUCTION;
}

__attribute__((noinline)) static void fault(struct riscv_frame *f)
{
    const char *name =
        f->cause < 16 && trap_kinds[f->cause].name ? trap_kinds[f->cause].name : "exception";
    uint32_t error = fault_class(f);
    char why[128];

    ksnprintf(why, sizeof(why), "%s at pc=%llx tval=%llx", name, (unsigned long long)f->pc,
              (unsigned long long)f->tval);
    /* The HM detail is the faulting address for a memory violation, 0 for
     * the others (docs/pv-api.md); stval of an illegal instruction is the
     * instruction, which the kernel's report above shows. */
    kernel_on_fault(error, f->pc, error == PV_HM_MEMORY_VIOLATION ? f->tval : 0, why);
}

__attribute__((noreturn)) void riscv_trap(struct riscv_frame *f);
void riscv_trap(struct riscv_frame *f)
{
    kernel_note_entry();
    if (f->cause == (SCAUSE_INTERRUPT | IRQ_S_TIMER)) {
        if (!riscv_timer_fast(f)) {
            kernel_on_timer();
        }
    } else if (f->cause & SCAUSE_INTERRUPT) {
        panic("unexpected interrupt, scause=%llx", (unsigned long long)f->cause);
    } else if (f->cause == EXC_ECALL_U) {
        f->pc += 4;
        /* The upcall trampoline's return, mostly served short. */
        if (f->x[17] != PV_HC_UPCALL_RETURN || !riscv_upcall_return_fast(kernel_current())) {
            kernel_on_hypercall();
        }
    } else if (f->cause == EXC_ILLEGAL && riscv_fpu_trap(kernel_current()) == 0) {
        /* The partition now owns the FPU: the instruction runs again. */
    } else {
        fault(f);
    }
    resume();
}

void riscv_first_resume(void);
void riscv_first_resume(void)
{
    resume();
}
