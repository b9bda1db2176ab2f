/* SPDX-License-Identifier: BSD-2-Clause */
/* The RISC-V 64 thread context, shared by context.c and context.S. */
#ifndef CPU_RISCV_CONTEXT_H
#define CPU_RISCV_CONTEXT_H

#define CTX_RA        0
#define CTX_SP        8
#define CTX_S         16  /* s0-s11, 8 bytes each */
#define CTX_FP        112 /* non-zero: an RTEMS_FLOATING_POINT thread */
#define CTX_FCSR      120
#define CTX_F         128 /* f0-f31, 8 bytes each */
#define CTX_GUARD     384
#define STACK_PATTERN 0x5a7c3e19
/*
 * The room a thread must have left above its guard when it is switched
 * away: an upcall may come at any instruction, and the kernel stores its
 * 272-byte frame below sp, then the handler's frames follow down to the
 * dispatch. A thread with less has, or will have, written below its stack
 * unseen. (The x86 and SPARC contexts check sp against the guard alone,
 * but have a cushion below it: x86's FXSAVE image, SPARC's deeper frames.
 * riscv's FP area lies below its guard too, but is only 264 bytes.)
 */
#define UPCALL_ROOM 512

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <stdnoreturn.h>

/*
 * What the psABI (lp64d) asks a callee to keep: ra, sp and s0-s11, for
 * every thread. gp is the same in every thread (the image's global
 * pointer) and tp is unused (the executive has no thread-local storage).
 * A thread created with RTEMS_FLOATING_POINT (fp non-zero) also keeps all
 * of f0-f31 and fcsr, not only the callee-saved fs0-fs11: a switch may
 * come from an interrupt (an upcall, the native trap), where the thread's
 * temporaries are live too. The FP registers are switched eagerly, at
 * every switch from or to an FP thread (CPU_USE_DEFERRED_FP_SWITCH FALSE,
 * as on x86 and SPARC); other threads share whatever the FP registers
 * hold and must not use them.
 */
struct port_context {
    uint64_t ra;
    uint64_t sp;
    uint64_t s[12];
    uint64_t fp;
    uint64_t fcsr;
    uint64_t f[32];
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
