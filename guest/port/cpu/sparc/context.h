/* SPDX-License-Identifier: BSD-2-Clause */
/* The SPARC thread context, shared by context.c and context.S. */
#ifndef CPU_SPARC_CONTEXT_H
#define CPU_SPARC_CONTEXT_H

#define CTX_FP  0
#define CTX_RET 4
#define CTX_FPU 8
#define CTX_FSR 12
#define CTX_F   16

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <stdnoreturn.h>

struct port_context {
    uint32_t fp;  /* the switching thread's %sp at its call (its window's save area) */
    uint32_t ret; /* where that call returns to, minus 8 */
    uint32_t fpu; /* the thread uses the FPU: f and fsr are switched */
    uint32_t fsr;
    uint64_t f[16]; /* %f0-%f31 as register pairs */
    /* A new thread's first window (%l0-%l7, %i0-%i7), loaded by the
     * window underflow of the first switch to it. */
    uint32_t first_window[16];
#ifdef CPU_STACK_GUARD
    /* Just below the usable stack: a thread that ran past the end of its
     * stack overwrote it. */
    uint32_t guard[4];
#endif
};

void cpu_context_switch(struct port_context *from, struct port_context *to);
/* The pv port's report of a thread that overran its stack (does not return). */
noreturn void cpu_stack_overflow(struct port_context *from, struct port_context *to);
noreturn void cpu_context_restore(struct port_context *to);
#endif

#endif
