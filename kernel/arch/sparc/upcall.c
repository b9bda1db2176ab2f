/* SPDX-License-Identifier: BSD-2-Clause */
/* Virtual interrupt delivery on SPARC: the upcall frame of pv/arch.h. */
#include "arch.h"
#include "kstring.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/arch.h"
#include "sparc.h"
#include "uaccess.h"

/* Below the frame: a minimal stack frame whose first 64 bytes are where the
 * interrupted window spills while the handler runs (the window's %sp is
 * moved there, so the interrupted function's own save area stays intact). */
#define MIN_FRAME PV_UPCALL_STACK_FRAME

/* The frame with the MIN_FRAME bytes below it: what push and pop check. */
#define FRAME_SPAN (MIN_FRAME + sizeof(struct pv_upcall_frame))

/* The kernel address of the span [va, va + FRAME_SPAN) (the save area
 * below the upcall frame, then the frame), or NULL when it is not inside
 * one of p's areas with the rights asked for: uaccess_ptr()'s answer, found
 * at once in the usual case, a frame in the same area as the previous one
 * (the stack; uaccess.h). */
static inline uint8_t *frame_ptr(struct partition *p, uint32_t va, uint32_t rights)
{
    return uaccess_ptr_cached(p->cfg, &p->ctx.frame_area, va, FRAME_SPAN, rights);
}

int arch_upcall_push(struct partition *p, uint32_t lines)
{
    struct sparc_frame *f = &p->ctx.frame;
    uint32_t sp = f->o[6];
    uint32_t va = (sp - sizeof(struct pv_upcall_frame)) & ~7u;
    uint8_t *base;
    struct pv_upcall_frame *u;

    if (sp < sizeof(struct pv_upcall_frame) + MIN_FRAME + 8) {
        return -1;
    }
    base = frame_ptr(p, va - MIN_FRAME, CFG_AREA_WRITE);
    if (!base) {
        return -1;
    }
    u = (struct pv_upcall_frame *)(base + MIN_FRAME);
    u->lines = lines;
    u->pc = f->pc;
    u->npc = f->npc;
    u->psr = f->psr & PSR_ICC;
    u->y = f->y;
    /* Unrolled: a load and a store a word instead of five instructions
     * (every timer upcall's latency, issue 17). */
#pragma GCC unroll 7
    for (int i = 1; i < 8; i++) {
        u->g[i - 1] = f->g[i];
    }
#pragma GCC unroll 8
    for (int i = 0; i < 8; i++) {
        u->o[i] = f->o[i];
    }
    f->o[0] = va;
    f->o[6] = va - MIN_FRAME;
    f->pc = p->upcall_entry;
    f->npc = p->upcall_entry + 4;
    return 0;
}

int arch_upcall_pop(struct partition *p, arch_addr_t frame_va)
{
    struct sparc_frame *f = &p->ctx.frame;
    const uint8_t *base;
    struct pv_upcall_frame u;
    uint32_t bad_sp;

    if ((frame_va & 7) || frame_va < MIN_FRAME) {
        return PV_EFAULT;
    }
    base = frame_ptr(p, frame_va - MIN_FRAME, CFG_AREA_READ);
    if (!base) {
        return PV_EFAULT;
    }
    /* The caller's windows (the trampoline's and anything it left) go to
     * their stacks; the interrupted window is then in its save area. The
     * flush may write anywhere in the frame too (a window's %sp is the
     * partition's to choose), so the frame is read only after it - and
     * copied, so that what is checked is what is used. */
    if (sparc_windows_flush(p, &bad_sp)) {
        return PV_EFAULT;
    }
    memcpy(&u, base + MIN_FRAME, sizeof(u));
    /* rett with traps off cannot take an alignment trap: refuse here. */
    if ((u.pc | u.npc) & 3) {
        return PV_EFAULT;
    }
    memcpy(&f->win[0], base, sizeof(f->win[0]));
    f->nwin = 1;
    f->pc = u.pc;
    f->npc = u.npc;
    f->psr = (f->psr & ~PSR_ICC) | (u.psr & PSR_ICC);
    f->y = u.y;
    for (int i = 1; i < 8; i++) {
        f->g[i] = u.g[i - 1];
    }
    for (int i = 0; i < 8; i++) {
        f->o[i] = u.o[i];
    }
    return 0;
}
