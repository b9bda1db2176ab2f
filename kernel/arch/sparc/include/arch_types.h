/* SPDX-License-Identifier: BSD-2-Clause */
/* SPARC V8 (LEON3) types that the arch-neutral kernel embeds. */
#ifndef TESSERA_SPARC_ARCH_TYPES_H
#define TESSERA_SPARC_ARCH_TYPES_H

#include <stdint.h>
#include "arch_limits.h"
#include "uaccess_area.h"

#define ARCH_ELF_MACHINE 2 /* EM_SPARC */
#define ARCH_ELF_DATA    2 /* big-endian */

/* A kernel variable each CPU has its own copy of: one CPU here, so an
 * ordinary variable (docs/architecture.md, "Multicore"). */
#define ARCH_PER_CPU

/* The timers the timer interrupt fast path serves (kernel/core/include/
 * timer_fast.h): bit 0 one-shot, bit 1 periodic. SPARC: both (timer_entry.S;
 * a period of whole 25 ns ticks under 4.3 s: timer_fast.c). */
#define ARCH_FAST_TIMER_KINDS 3u

/* How long before a window start that follows idle time the kernel starts
 * its entry (kernel.c, "prepared window start"; 0: not at all). More than
 * the longest window-start path: a longer one starts the window late. */
#define ARCH_WINDOW_PREPARE_NS 3000u

/* The register windows a partition can have in the register file: all but
 * the one the window-invalid mask keeps free. */
#define SPARC_NWINDOWS  8
#define SPARC_USER_WINS (SPARC_NWINDOWS - 1)

/* One register window's own registers, in the order of the 64-byte save
 * area of the SPARC ABI: %l0-%l7, %i0-%i7. */
struct sparc_window {
    uint32_t l[8];
    uint32_t i[8];
};

/*
 * A partition's user context while it is not running - all of it, in kernel
 * memory: every trap from user mode saves the partition's valid register
 * windows here (entry.S), so the kernel never touches a partition's stack on
 * entry, and the C code can spill or fill windows with checked pointers.
 * win[0] is the current window, win[j] the j-th older one; nwin of them are
 * valid (1..7). Offsets are used by entry.S: keep them in step (FRAME_* in
 * sparc.h, checked at compile time in trap.c).
 */
struct sparc_frame {
    uint32_t psr; /* at the trap: only icc and EF matter on return */
    uint32_t pc, npc;
    uint32_t y;
    uint32_t tt;   /* trap type of the last entry */
    uint32_t nwin; /* valid windows in win[] */
    uint32_t g[8]; /* g[0] unused (%g0) */
    uint32_t o[8]; /* the current window's outs */
    struct sparc_window win[SPARC_USER_WINS];
};

/* FPU registers and FSR: saved only for partitions with the FPU right. */
struct sparc_fpu_state {
    uint32_t f[32];
    uint32_t fsr;
    uint32_t pad;
} __attribute__((aligned(8)));

struct arch_context {
    struct sparc_frame frame;
    uint32_t fpu_used; /* the partition has FPU state worth keeping */
    /* The readable and writable area that held the last upcall frame
     * (upcall.c, frame_ptr); size 0 until one did. */
    struct uaccess_area frame_area;
    struct sparc_fpu_state fpu;
};

struct arch_space {
    uint32_t *l1;     /* kernel address of the level-1 table; NULL until built */
    uint32_t context; /* SRMMU context number */
};

#endif
