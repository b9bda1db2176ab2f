/* SPDX-License-Identifier: BSD-2-Clause */
/* Where an upcall frame goes and what it holds (pv/arch.h), for the full
 * delivery (upcall.c) and the timer fast path (timer_fast.c): one source. */
#ifndef TESSERA_RISCV_UPCALL_H
#define TESSERA_RISCV_UPCALL_H

#include <stdbool.h>
#include <stdint.h>
#include "arch_types.h"
#include "pv/arch.h"

/* The frame below sp, 16-byte aligned, in *va; false when sp is so near 0
 * that the frame would wrap (no area can hold it then). */
static inline bool riscv_upcall_frame_va(uint64_t sp, uint64_t *va)
{
    *va = (sp - sizeof(struct pv_upcall_frame)) & ~15ul;
    return sp >= sizeof(struct pv_upcall_frame) + 16;
}

/* Saves the interrupted context f in u (at va in the partition) with the
 * lines delivered, and makes f resume in the upcall entry with sp and a0 =
 * the frame. */
static inline void riscv_upcall_write(struct riscv_frame *f, struct pv_upcall_frame *u, uint64_t va,
                                      uint32_t lines, uint64_t entry)
{
    u->lines = lines;
    u->pc = f->pc;
    /* Unrolled: a load and a store a register, no loop counter. */
#pragma GCC unroll 31
    for (unsigned i = 1; i < 32; i++) {
        u->x[i - 1] = f->x[i];
    }
    f->x[2] = va;
    f->x[10] = va;
    f->pc = entry;
}

#endif
