/* SPDX-License-Identifier: BSD-2-Clause */
/* The RISC-V 64 thread context, shared by context.c and context.S. */
#ifndef CPU_RISCV_CONTEXT_H
#define CPU_RISCV_CONTEXT_H

#define CTX_RA        0
#define CTX_SP        8
#define CTX_S         16 /* s0-s11, 8 bytes each */
#define CTX_GUARD     112
#define STACK_PATTERN 0x5a7c3e19
/*
 * The room a thread must have left above its guard when it is switched
 * away: an upcall may come at any instruction, and the kernel stores its
 * 272-byte frame below sp, then the handler's frames follow down to the
 * dispatch. A thread with less has, or will have, written below its stack
 * unseen. (The x86 and SPARC contexts check sp against the guard alone,
 * but have a cushion below it: x86's FXSAVE image, SPARC's deeper frames.)
 */
#define UPCALL_ROOM 512

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <stdnoreturn.h>

/*
 * What the psABI (lp64) asks a callee to keep: ra, sp and s0-s11. gp is
 * the same in every thread (the image's global pointer) and tp is unused
 * (the executive has no thread-local storage). No FP registers: guests
 * are built for lp64 without F/D (mk/arch-riscv.mk), so there are none to
 * keep, whatever the fp argument of port_context_init says.
 */
struct port_context {
    uint64_t ra;
    uint64_t sp;
    uint64_t s[12];
#ifdef CPU_STACK_GUARD
    /* Just below the usable stack: a thread that ran past the end of its
     * stack overwrote it. port_context_switch checks it (context.S). */
    uint32_t guard[4];
#endif
};

void cpu_context_first(void);
/* The pv port's report of a thread that overran its stack (does not return). */
noreturn void cpu_stack_overflow(struct port_context *from, struct port_context *to);
#endif

#endif
