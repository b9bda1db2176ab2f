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

int arch_upcall_push(struct partition *p, uint32_t lines)
{
    struct x86_frame *f = &p->ctx.frame;
    uint32_t va = (f->esp - sizeof(struct pv_upcall_frame)) & ~0xfu;
    struct pv_upcall_frame *u;

    /* A stack pointer near 0 would wrap: no area can hold that frame. */
    if (f->esp < sizeof(struct pv_upcall_frame) + 16)
        return -1;
    u = uaccess_ptr(p->cfg, va, sizeof(*u), CFG_AREA_WRITE);
    if (!u)
        return -1;
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

int arch_upcall_pop(struct partition *p, uint32_t frame_va)
{
    struct x86_frame *f = &p->ctx.frame;
    const struct pv_upcall_frame *u = uaccess_ptr(p->cfg, frame_va, sizeof(*u), CFG_AREA_READ);

    if (!u)
        return PV_EFAULT;
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
