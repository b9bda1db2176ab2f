/* SPDX-License-Identifier: BSD-2-Clause */
/* Virtual interrupt delivery on RISC-V: the upcall frame of pv/arch.h. */
#include "arch.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/arch.h"
#include "uaccess.h"

_Static_assert(sizeof(((struct pv_upcall_frame *)0)->x) ==
                   sizeof(((struct riscv_frame *)0)->x) - sizeof(uint64_t),
               "the upcall frame holds x1-x31");

int arch_upcall_push(struct partition *p, uint32_t lines)
{
    struct riscv_frame *f = &p->ctx.frame;
    uint64_t sp = f->x[2];
    uint64_t va = (sp - sizeof(struct pv_upcall_frame)) & ~15ul;
    struct pv_upcall_frame *u;

    /* A stack pointer near 0 would wrap: no area can hold that frame. */
    if (sp < sizeof(struct pv_upcall_frame) + 16) {
        return -1;
    }
    u = uaccess_ptr(p->cfg, va, sizeof(*u), CFG_AREA_WRITE);
    if (!u) {
        return -1;
    }
    u->lines = lines;
    u->pc = f->pc;
    for (unsigned i = 1; i < 32; i++) {
        u->x[i - 1] = f->x[i];
    }
    f->x[2] = va;
    f->x[10] = va;
    f->pc = p->upcall_entry;
    return 0;
}

int arch_upcall_pop(struct partition *p, arch_addr_t frame_va)
{
    struct riscv_frame *f = &p->ctx.frame;
    const struct pv_upcall_frame *u = uaccess_ptr(p->cfg, frame_va, sizeof(*u), CFG_AREA_READ);

    if (!u) {
        return PV_EFAULT;
    }
    for (unsigned i = 1; i < 32; i++) {
        f->x[i] = u->x[i - 1];
    }
    f->pc = u->pc;
    return 0;
}
