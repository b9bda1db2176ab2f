/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Lazy FPU switching with sstatus.FS. The F/D registers belong to at most
 * one partition at a time, the owner; every other partition runs with FS
 * Off, so its first FPU instruction (an F/D opcode, a compressed FP load or
 * store, an fcsr access) traps as illegal, and only then is the state
 * exchanged. The owner's registers are saved only if its FS says Dirty
 * (written since they were loaded): state that was only read is already in
 * memory. A partition without the FPU right is never given the FPU: its FPU
 * use is a fault (trap.c classes it fpu-error). The kernel itself is built
 * without F/D and switches FS on only to save and load.
 */
#include <stddef.h>
#include "arch.h"
#include "kstring.h"
#include "partition.h"
#include "riscv.h"

static struct partition *fpu_owner;

/* fpu_regs.S */
void riscv_fpu_save(struct riscv_fpu_state *s);
void riscv_fpu_load(const struct riscv_fpu_state *s);

_Static_assert(sizeof(struct riscv_fpu_state) == 33 * 8, "fpu_regs.S's layout: f0-f31, fcsr");

static uint64_t fs_of(const struct partition *p)
{
    return p->ctx.frame.status & SSTATUS_FS_MASK;
}

static void set_fs(struct partition *p, uint64_t fs)
{
    p->ctx.frame.status = (p->ctx.frame.status & ~SSTATUS_FS_MASK) | fs;
}

int riscv_fpu_trap(struct partition *p)
{
    if (!(p->cfg->flags & CFG_PART_FPU) || fs_of(p) != SSTATUS_FS_OFF) {
        return -1;
    }
    /* FS on for the kernel's own use; the resume writes p's sstatus back. */
    csr_set(sstatus, SSTATUS_FS_CLEAN);
    if (fpu_owner) {
        if (fs_of(fpu_owner) == SSTATUS_FS_DIRTY) {
            riscv_fpu_save(&fpu_owner->ctx.fpu);
        }
        set_fs(fpu_owner, SSTATUS_FS_OFF);
    }
    if (!p->ctx.fpu_used) {
        /* First use: every register zero, fcsr 0 (round to nearest, no
         * flags): nothing of the previous owner. */
        memset(&p->ctx.fpu, 0, sizeof(p->ctx.fpu));
        p->ctx.fpu_used = 1;
    }
    riscv_fpu_load(&p->ctx.fpu);
    set_fs(p, SSTATUS_FS_CLEAN);
    fpu_owner = p;
    return 0;
}

void riscv_fpu_release(struct partition *p)
{
    p->ctx.fpu_used = 0;
    if (fpu_owner == p) {
        fpu_owner = NULL;
    }
}
