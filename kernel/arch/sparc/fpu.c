/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Lazy FPU switching with PSR.EF. The FPU belongs to at most one partition
 * at a time; only that owner runs with PSR.EF set, so the first FPU
 * instruction of another partition traps (fp_disabled) and only then is the
 * state exchanged. A partition without the FPU right never becomes the
 * owner: its FPU use is a fault. The kernel itself runs with EF clear.
 */
#include <stddef.h>
#include "arch.h"
#include "kstring.h"
#include "partition.h"
#include "sparc.h"

static struct partition *fpu_owner;

static void fpu_save(struct sparc_fpu_state *s)
{
    __asm__ volatile("std %%f0, [%0 + 0]\n\tstd %%f2, [%0 + 8]\n\t"
                     "std %%f4, [%0 + 16]\n\tstd %%f6, [%0 + 24]\n\t"
                     "std %%f8, [%0 + 32]\n\tstd %%f10, [%0 + 40]\n\t"
                     "std %%f12, [%0 + 48]\n\tstd %%f14, [%0 + 56]\n\t"
                     "std %%f16, [%0 + 64]\n\tstd %%f18, [%0 + 72]\n\t"
                     "std %%f20, [%0 + 80]\n\tstd %%f22, [%0 + 88]\n\t"
                     "std %%f24, [%0 + 96]\n\tstd %%f26, [%0 + 104]\n\t"
                     "std %%f28, [%0 + 112]\n\tstd %%f30, [%0 + 120]\n\t"
                     "st %%fsr, [%0 + 128]"
                     :
                     : "r"(s)
                     : "memory");
}

/* Loads s. %fsr.ftt (the type of the last FPU exception) is not loaded by
 * `ld %fsr`: it would keep the previous owner's. An FPop that cannot trap
 * clears it (and cexc, which the load then sets) first. */
static void fpu_load(const struct sparc_fpu_state *s)
{
    __asm__ volatile("fmovs %%f0, %%f0\n\t"
                     "ldd [%0 + 0], %%f0\n\tldd [%0 + 8], %%f2\n\t"
                     "ldd [%0 + 16], %%f4\n\tldd [%0 + 24], %%f6\n\t"
                     "ldd [%0 + 32], %%f8\n\tldd [%0 + 40], %%f10\n\t"
                     "ldd [%0 + 48], %%f12\n\tldd [%0 + 56], %%f14\n\t"
                     "ldd [%0 + 64], %%f16\n\tldd [%0 + 72], %%f18\n\t"
                     "ldd [%0 + 80], %%f20\n\tldd [%0 + 88], %%f22\n\t"
                     "ldd [%0 + 96], %%f24\n\tldd [%0 + 104], %%f26\n\t"
                     "ldd [%0 + 112], %%f28\n\tldd [%0 + 120], %%f30\n\t"
                     "ld [%0 + 128], %%fsr"
                     :
                     : "r"(s)
                     : "memory");
}

/* Handles fp_disabled for p. Returns 0 when p may go on, -1 when FPU use
 * is a fault. */
int sparc_fpu_trap(struct partition *p)
{
    uint32_t psr = sparc_rd_psr();

    if (!(p->cfg->flags & CFG_PART_FPU)) {
        return -1;
    }
    sparc_wr_psr(psr | PSR_EF);
    if (fpu_owner && fpu_owner->ctx.fpu_used) {
        fpu_save(&fpu_owner->ctx.fpu);
    }
    if (!p->ctx.fpu_used) {
        /* First use: every register zero, FSR 0 (round to nearest, no
         * exceptions enabled). */
        memset(&p->ctx.fpu, 0, sizeof(p->ctx.fpu));
        p->ctx.fpu_used = 1;
    }
    fpu_load(&p->ctx.fpu);
    sparc_wr_psr(psr & ~PSR_EF);
    fpu_owner = p;
    return 0;
}

/* PSR.EF for p's return to user mode. */
uint32_t sparc_fpu_psr(const struct partition *p)
{
    return p == fpu_owner ? PSR_EF : 0;
}

/* Forgets p's FPU state (used when p is stopped or restarted). */
void sparc_fpu_release(struct partition *p)
{
    p->ctx.fpu_used = 0;
    if (fpu_owner == p) {
        fpu_owner = NULL;
    }
}
