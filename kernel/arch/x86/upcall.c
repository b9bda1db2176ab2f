/* SPDX-License-Identifier: BSD-2-Clause */
/* Virtual interrupt delivery on x86: the upcall frame of pv/arch.h. */
#include "arch.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/arch.h"
#include "uaccess.h"
#include "x86.h"

/* Flags a partition may set: CF PF AF ZF SF DF OF. TF is left out: single
 * stepping would trap into the kernel after every instruction. */
#define EFLAGS_USER_MASK 0x0cd5u

/* The kernel address of the upcall frame at va, or NULL when it is not
 * inside one of p's areas with the rights asked for: uaccess_ptr()'s
 * answer, found at once in the usual case, a frame in the same area as the
 * previous one (the stack; uaccess.h). */
static inline void *frame_ptr(struct partition *p, uint32_t va, uint32_t rights)
{
    return uaccess_ptr_cached(p->cfg, &p->ctx.frame_area, va, sizeof(struct pv_upcall_frame),
                              rights);
}

/* The guest returns from an upcall without a trap (pv/arch/x86/upcall.S):
 * interrupted inside its restore section, where %esp is the frame or 4
 * below it, the partition is first resumed from that frame as
 * PV_HC_UPCALL_RETURN would resume it, so that the new upcall takes the
 * frame's place on the stack instead of nesting below it (one frame more
 * per interruption). Nothing is trusted here that upcall_return does not
 * already accept: the frame is checked the same way, and when it is
 * refused (the partition jumped into the section with some other %esp)
 * the upcall is delivered where the partition is. */
static void finish_guest_return(struct partition *p)
{
    struct x86_frame *f = &p->ctx.frame;

    if (f->eip - (p->upcall_entry + PV_UPCALL_RESTORE_START) <
        PV_UPCALL_RESTORE_END - PV_UPCALL_RESTORE_START) {
        (void)arch_upcall_pop(p, (f->esp + 15) & ~0xfu);
    }
}

int arch_upcall_push(struct partition *p, uint32_t lines)
{
    struct x86_frame *f = &p->ctx.frame;
    uint32_t va;
    struct pv_upcall_frame *u;

    finish_guest_return(p);
    /* At least 4 bytes between the frame and the interrupted %esp: the
     * guest's return puts the interrupted %eip there. */
    va = (f->esp - sizeof(struct pv_upcall_frame) - 4) & ~0xfu;
    /* A stack pointer near 0 would wrap: no area can hold that frame. */
    if (f->esp < sizeof(struct pv_upcall_frame) + 20) {
        return -1;
    }
    u = frame_ptr(p, va, CFG_AREA_WRITE);
    if (!u) {
        return -1;
    }
    u->lines = lines;
    u->edi = f->edi;
    u->esi = f->esi;
    u->ebp = f->ebp;
    u->ebx = f->ebx;
    u->edx = f->edx;
    u->ecx = f->ecx;
    u->eax = f->eax;
    u->eip = f->eip;
    u->eflags = f->eflags & EFLAGS_USER_MASK;
    u->esp = f->esp;
    f->esp = va;
    f->eax = va;
    f->eip = p->upcall_entry;
    /* The C calling convention wants DF clear on function entry. */
    f->eflags = EFLAGS_RESERVED | EFLAGS_IF;
    return 0;
}

int arch_upcall_pop(struct partition *p, arch_addr_t frame_va)
{
    struct x86_frame *f = &p->ctx.frame;
    const struct pv_upcall_frame *u = frame_ptr(p, frame_va, CFG_AREA_READ);

    if (!u) {
        return PV_EFAULT;
    }
    f->edi = u->edi;
    f->esi = u->esi;
    f->ebp = u->ebp;
    f->ebx = u->ebx;
    f->edx = u->edx;
    f->ecx = u->ecx;
    f->eax = u->eax;
    f->eip = u->eip;
    f->esp = u->esp;
    f->eflags = EFLAGS_RESERVED | EFLAGS_IF | (u->eflags & EFLAGS_USER_MASK);
    return 0;
}
