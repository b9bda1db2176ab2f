/* SPDX-License-Identifier: BSD-2-Clause */
/* RISC-V 64 types that the arch-neutral kernel embeds. */
#ifndef TESSERA_RISCV_ARCH_TYPES_H
#define TESSERA_RISCV_ARCH_TYPES_H

#include <stdint.h>
#include "arch_limits.h"
#include "uaccess_area.h"

#define ARCH_ELF_MACHINE 243 /* EM_RISCV */
#define ARCH_ELF_DATA    1   /* little-endian */

/* A kernel variable each CPU has its own copy of: one CPU here, so an
 * ordinary variable (docs/architecture.md, "Multicore"). */
#define ARCH_PER_CPU

/* The timers the timer interrupt fast path serves (kernel/core/include/
 * timer_fast.h): bit 0 one-shot, bit 1 periodic. RISC-V: both
 * (timer_fast.c). */
#define ARCH_FAST_TIMER_KINDS 3u

/* How long before a window start that follows idle time the kernel starts
 * its entry (kernel.c, "prepared window start"; 0: not at all). More than
 * the longest window-start path: a longer one starts the window late. */
#define ARCH_WINDOW_PREPARE_NS 3000u

/*
 * A partition's saved user context, as entry.S stores it: x[0] is unused
 * (x0 is zero), x[n] is register xn; then the trap CSRs. sscratch points
 * at the running partition's frame, so a trap saves it in place.
 */
struct riscv_frame {
    uint64_t x[32];
    uint64_t pc;     /* sepc */
    uint64_t status; /* sstatus at the trap */
    uint64_t cause;  /* scause */
    uint64_t tval;   /* stval */
};

/* The F/D registers and fcsr as fpu.c saves them. */
struct riscv_fpu_state {
    uint64_t f[32];
    uint64_t fcsr;
};

struct arch_context {
    struct riscv_frame frame;
    uint32_t fpu_used; /* the partition has FPU state worth keeping */
    /* The read-write area that held the last upcall frame (usually the
     * stack), so that the next frame is checked without a search:
     * virtual start, size (0 = none yet) and kernel address. */
    struct uaccess_area frame_area;
    struct riscv_fpu_state fpu;
};

struct arch_space {
    uint64_t *root; /* the partition's Sv39 root table (kernel = physical address) */
    uint64_t satp;
};

#endif
