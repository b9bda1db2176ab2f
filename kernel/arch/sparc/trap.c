/* SPDX-License-Identifier: BSD-2-Clause */
/* Every entry into the kernel after boot arrives here, from entry.S. */
#include <stddef.h>
#include "arch.h"
#include "kernel.h"
#include "kprintf.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/arch.h"
#include "pv/shared.h"
#include "sparc.h"

/* entry.S's structure offsets are generated (asm_offsets.c); this
 * constant is not. */
_Static_assert(SHARED_VA == PV_SHARED_VA, "SHARED_VA");
_Static_assert(offsetof(struct partition, ctx) % 8 == 0, "frame must be 8-byte aligned");

/* Where entry.S saves a trap from user mode: the running partition's frame.
 * It points at a spare frame while no partition runs, which no trap from
 * user mode can then use. */
static struct sparc_frame spare_frame __attribute__((aligned(8)));
struct sparc_frame *sparc_cur_frame = &spare_frame;

/* A trap from supervisor mode, as entry.S found it. */
struct {
    uint32_t tt, pc, npc, psr;
} sparc_kernel_trap;

/* Every trap type below the interrupt-level and trap-instruction ones that
 * a partition can cause: its name, and the health monitor's class of it
 * (docs/pv-api.md). A trap type without a name here is a "trap" (or, from
 * TT_TRAP_INSTRUCTION on, a "trap instruction") of class illegal
 * instruction. */
struct sparc_trap_kind {
    const char *name;
    uint32_t hm_class; /* PV_HM_* */
};

static const struct sparc_trap_kind trap_kinds[TT_KINDS] = {
    [TT_INSTRUCTION_ACCESS] = {"instruction access exception", PV_HM_MEMORY_VIOLATION},
    [TT_ILLEGAL_INSTRUCTION] = {"illegal instruction", PV_HM_ILLEGAL_INSTRUCTION},
    [TT_PRIVILEGED_INSTRUCTION] = {"privileged instruction", PV_HM_PRIVILEGED_INSTRUCTION},
    [TT_FP_DISABLED] = {"fp disabled", PV_HM_FPU_ERROR},
    [TT_WINDOW_OVERFLOW] = {"window overflow", PV_HM_MEMORY_VIOLATION},
    [TT_WINDOW_UNDERFLOW] = {"window underflow", PV_HM_MEMORY_VIOLATION},
    [TT_MEM_NOT_ALIGNED] = {"memory address not aligned", PV_HM_MISALIGNED_ACCESS},
    [TT_FP_EXCEPTION] = {"fp exception", PV_HM_FPU_ERROR},
    [TT_DATA_ACCESS] = {"data access exception", PV_HM_MEMORY_VIOLATION},
    [TT_TAG_OVERFLOW] = {"tag overflow", PV_HM_ILLEGAL_INSTRUCTION},
    [TT_WATCHPOINT] = {"watchpoint", PV_HM_ILLEGAL_INSTRUCTION},
    [TT_REGISTER_ACCESS_ERROR] = {"register access error", PV_HM_ILLEGAL_INSTRUCTION},
    [TT_INSTRUCTION_ACCESS_ERROR] = {"instruction access error", PV_HM_MEMORY_VIOLATION},
    [TT_CP_DISABLED] = {"coprocessor disabled", PV_HM_ILLEGAL_INSTRUCTION},
    [TT_UNIMPLEMENTED_FLUSH] = {"unimplemented flush", PV_HM_ILLEGAL_INSTRUCTION},
    [TT_CP_EXCEPTION] = {"coprocessor exception", PV_HM_ILLEGAL_INSTRUCTION},
    [TT_DATA_ACCESS_ERROR] = {"data access error", PV_HM_MEMORY_VIOLATION},
    [TT_DIVISION_BY_ZERO] = {"division by zero", PV_HM_DIVIDE_ERROR},
    [TT_DATA_STORE_ERROR] = {"data store error", PV_HM_MEMORY_VIOLATION},
    [TT_DATA_ACCESS_MMU_MISS] = {"data access MMU miss", PV_HM_MEMORY_VIOLATION},
    [TT_INSTRUCTION_ACCESS_MMU_MISS] = {"instruction access MMU miss", PV_HM_MEMORY_VIOLATION},
};

static const struct sparc_trap_kind *trap_kind(uint32_t tt)
{
    return tt < TT_KINDS && trap_kinds[tt].name ? &trap_kinds[tt] : NULL;
}

static const char *trap_name(uint32_t tt)
{
    const struct sparc_trap_kind *k = trap_kind(tt);

    if (k) {
        return k->name;
    }
    return tt >= TT_TRAP_INSTRUCTION ? "trap instruction" : "trap";
}

/* A failed window flush (ta 3) is a memory violation too; it is handled
 * before this is asked. */
static uint32_t fault_class(uint32_t tt)
{
    const struct sparc_trap_kind *k = trap_kind(tt);

    return k ? k->hm_class : PV_HM_ILLEGAL_INSTRUCTION;
}

static const char *const mmu_fault_types[8] = {
    "none",
    "invalid address",
    "protection error",
    "privilege violation",
    "translation error",
    "access bus error",
    "internal error",
    "reserved",
};

/* Describes an access exception from the SRMMU's fault status and address
 * registers (reading the status clears it); *addr gets the address. */
static void describe_access(const struct sparc_frame *f, char *buf, size_t size, uint32_t *addr)
{
    uint32_t fsr = sparc_lda_mmu(MMU_FSR);
    uint32_t far = sparc_lda_mmu(MMU_FAR);
    uint32_t at = (fsr >> 5) & 7, ft = (fsr >> 2) & 7;
    const char *kind = (at & 4) ? "write" : (at & 2) ? "execute" : "read";

    if (f->tt == TT_INSTRUCTION_ACCESS) {
        kind = "execute";
        far = f->pc;
    }
    *addr = far;
    ksnprintf(buf, size, "%s at pc=%08x: %s of %08x (%s)", trap_name(f->tt), f->pc, kind, far,
              mmu_fault_types[ft]);
}

static void describe_trap(const struct sparc_frame *f, char *buf, size_t size)
{
    if (f->tt >= TT_TRAP_INSTRUCTION) {
        ksnprintf(buf, size, "trap instruction ta 0x%x at pc=%08x", f->tt - TT_TRAP_INSTRUCTION,
                  f->pc);
    } else {
        ksnprintf(buf, size, "%s (tt 0x%02x) at pc=%08x", trap_name(f->tt), f->tt, f->pc);
    }
}

/* The partition the MMU context is set for, or NULL: none yet (boot's
 * context), or the idle loop, which runs in whatever context was last
 * set - so the first resume of a partition, and every one after idle,
 * switches. */
static const struct partition *installed;

/* Resumes kernel_current(): a partition, or the idle loop. */
__attribute__((noreturn)) void sparc_resume(void)
{
    struct partition *next;

    /* A schedule interrupt that came while the kernel ran is handled here,
     * not left to the CPU on the way out: QEMU re-examines a pending
     * interrupt only when it leaves its translated code, which a `rett`
     * does not, so the partition could run on past its window's end. */
    while (sparc_timer_pending()) {
        sparc_timer_ack();
        kernel_on_timer();
    }
    next = kernel_current();

    if (next != installed) {
        if (next) {
            sparc_mmu_switch(next);
        }
        installed = next;
    }
    if (!next) {
        sparc_cur_frame = &spare_frame;
        sparc_resume_idle();
    }
    next->ctx.frame.psr = (next->ctx.frame.psr & ~PSR_EF) | sparc_fpu_psr(next);
    sparc_cur_frame = &next->ctx.frame;
    /* The timer fast path's record (timer_fast.h) was written, ticks and
     * all, by the full entry's end (finish_entry, the last one if the loop
     * above ran it again): for next, the schedule's current partition, or
     * for none. Nothing to do for it here. */
    sparc_resume_user(&next->ctx.frame);
}

/* The instruction after a trap instruction. */
static void skip(struct sparc_frame *f)
{
    f->pc = f->npc;
    f->npc += 4;
}

/* pc and npc of the hypercall being handled, before skip(): a `ta` in a
 * delay slot has an npc that is not pc + 4. */
static uint32_t hcall_pc, hcall_npc;

void arch_hcall_restart(struct partition *p)
{
    p->ctx.frame.pc = hcall_pc;
    p->ctx.frame.npc = hcall_npc;
}

static void fault(struct partition *p, uint32_t error, uint32_t addr, const char *why)
{
    kernel_on_fault(error, p->ctx.frame.pc, addr, why);
    /* Stopped: its FPU state is of no use any more. */
    if (p->state == PART_STOPPED || p->state == PART_HALTED) {
        sparc_fpu_release(p);
    }
}

__attribute__((noreturn)) void sparc_trap_user(void)
{
    struct partition *p = kernel_current();
    struct sparc_frame *f = &p->ctx.frame;
    uint32_t tt = f->tt, addr = 0;
    char why[128];

    kernel_note_entry();
    if (tt == TT_INTERRUPT(7)) {
        sparc_timer_ack();
        kernel_on_timer();
    } else if (tt > TT_INTERRUPT(0) && tt <= TT_INTERRUPT(15)) {
        /* Spurious: no other line is unmasked. */
    } else if (tt == TT_HYPERCALL) {
        hcall_pc = f->pc;
        hcall_npc = f->npc;
        skip(f);
        kernel_on_hypercall();
    } else if (tt == TT_FLUSH_WINDOWS) {
        if (sparc_windows_flush(p, &addr)) {
            ksnprintf(why, sizeof(why), "window flush (ta 3) at pc=%08x: bad stack pointer %08x",
                      f->pc, addr);
            fault(p, PV_HM_MEMORY_VIOLATION, addr, why);
        } else {
            skip(f);
        }
    } else if (tt == TT_WINDOW_OVERFLOW || tt == TT_WINDOW_UNDERFLOW) {
        if (sparc_window_trap(p, tt, &addr)) {
            ksnprintf(why, sizeof(why), "%s at pc=%08x: bad stack pointer %08x", trap_name(tt),
                      f->pc, addr);
            fault(p, PV_HM_MEMORY_VIOLATION, addr, why);
        }
    } else if (tt == TT_FP_DISABLED && sparc_fpu_trap(p) == 0) {
        /* p owns the FPU now; the instruction runs again. */
    } else {
        if (tt == TT_DATA_ACCESS || tt == TT_INSTRUCTION_ACCESS) {
            describe_access(f, why, sizeof(why), &addr);
        } else {
            describe_trap(f, why, sizeof(why));
        }
        fault(p, fault_class(tt), addr, why);
    }
    sparc_resume();
}

/* The schedule timer's interrupt of the idle loop, which timer_entry.S's
 * timer_fast sends here directly: what sparc_trap_kernel() does for it. */
__attribute__((noreturn)) void sparc_timer_idle(void)
{
    sparc_timer_ack();
    kernel_on_timer();
    sparc_resume();
}

/* A trap from supervisor mode: the idle loop's interrupt, or a bug. */
__attribute__((noreturn)) void sparc_trap_kernel(void)
{
    uint32_t tt = sparc_kernel_trap.tt;

    if (tt == TT_INTERRUPT(7)) {
        sparc_timer_ack();
        kernel_on_timer();
    } else if (!(tt > TT_INTERRUPT(0) && tt <= TT_INTERRUPT(15))) {
        panic("kernel trap: %s (tt 0x%02x) at pc=%08x npc=%08x psr=%08x", trap_name(tt), tt,
              sparc_kernel_trap.pc, sparc_kernel_trap.npc, sparc_kernel_trap.psr);
    }
    sparc_resume();
}
