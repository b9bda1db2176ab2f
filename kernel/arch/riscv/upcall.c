/* SPDX-License-Identifier: BSD-2-Clause */
/* Virtual interrupt delivery on RISC-V: the upcall frame of pv/arch.h. */
#include "arch.h"
#include "kernel.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/arch.h"
#include "pv/shared.h"
#include "riscv.h"
#include "riscv_upcall.h"
#include "uaccess.h"

_Static_assert(sizeof(((struct pv_upcall_frame *)0)->x) ==
                   sizeof(((struct riscv_frame *)0)->x) - sizeof(uint64_t),
               "the upcall frame holds x1-x31");

/* The kernel address of the frame at va, or NULL when it is not inside
 * one of p's areas with the rights asked for: uaccess_ptr()'s answer, found
 * at once in the usual case, a frame in the same area as the previous one
 * (the stack; uaccess.h). */
static inline struct pv_upcall_frame *frame_ptr(struct partition *p, uint64_t va, uint32_t rights)
{
    return uaccess_ptr_cached(p->cfg, &p->ctx.frame_area, va, sizeof(struct pv_upcall_frame),
                              rights);
}

int arch_upcall_push(struct partition *p, uint32_t lines)
{
    struct riscv_frame *f = &p->ctx.frame;
    uint64_t va;
    struct pv_upcall_frame *u;

    if (!riscv_upcall_frame_va(f->x[2], &va)) {
        return -1;
    }
    u = frame_ptr(p, va, CFG_AREA_WRITE);
    if (!u) {
        return -1;
    }
    riscv_upcall_write(f, u, va, lines, p->upcall_entry);
    return 0;
}

int arch_upcall_pop(struct partition *p, arch_addr_t frame_va)
{
    struct riscv_frame *f = &p->ctx.frame;
    const struct pv_upcall_frame *u = frame_ptr(p, frame_va, CFG_AREA_READ);

    if (!u) {
        return PV_EFAULT;
    }
#pragma GCC unroll 31 /* as riscv_upcall_write() */
    for (unsigned i = 1; i < 32; i++) {
        f->x[i] = u->x[i - 1];
    }
    f->pc = u->pc;
    return 0;
}

/* PV_HC_UPCALL_RETURN without the exit path (trap.c), on the null
 * hypercall's conditions (entry.S): p is the partition the last full exit
 * published (kernel_fast_exit_partition), with no console output queued
 * and no port copy under way; and nothing is deliverable once upcalls are
 * enabled again (no unmasked line pending). Then the return does what
 * partition_hc_upcall_return() does - arch_upcall_pop(), with its area
 * check, and irq_level = 0 - and the exit path would do nothing more
 * (docs/performance.md, "Fast paths", RISC-V). A frame pop refuses leaves
 * p as it was, for the full path to refuse it the same way. entry.S serves
 * the usual return itself (a frame in the remembered area); this is the
 * one whose frame is elsewhere, found by uaccess_ptr_remember(). */
bool riscv_upcall_return_fast(struct partition *p)
{
    struct pv_shared *s = p->shared;

    if (p != kernel_fast_exit_partition || p->console.len || p->port_call ||
        (s->irq_pending & ~s->irq_mask)) {
        return false;
    }
    if (arch_upcall_pop(p, p->ctx.frame.x[10])) {
        return false;
    }
    s->irq_level = 0;
    return true;
}
