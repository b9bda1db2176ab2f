/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Thread switch on RISC-V 64, in user mode (nothing here needs privilege).
 * A call to port_context_switch is an ordinary call for its caller, so
 * only the callee-saved registers are kept, in the context itself (a
 * dozen stores), and the switch "returns" into the other thread's call.
 * Interrupted threads are no exception: the pv upcall left their other
 * integer registers in its frame on their own stack (pv/arch/riscv/upcall.S),
 * as the native trap entry does. The FP registers are not in those frames:
 * the interrupt code between the interrupted instruction and this switch
 * is integer code, so an FP thread's f0-f31 and fcsr are still its own
 * here and are all kept, with fcsr, in its context (context.h). frcsr,
 * fscsr, fld and fsd are user-level instructions: the pv port may run
 * them (under the kernel, the first one in a window may trap once for the
 * kernel's lazy FPU load, docs/architecture.md).
 */
#define FP_REGS 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, \
    16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
#include "context.h"

    .text
    .align 2
    .globl port_context_switch
    .type port_context_switch, @function
port_context_switch:               /* a0 = from, a1 = to */
#ifdef CPU_STACK_GUARD
    /* The outgoing thread stayed inside its stack: its stack pointer is
     * at least UPCALL_ROOM above the guard and the guard's first and last
     * words are intact. Otherwise cpu_stack_overflow(from, to), which
     * does not return. */
    addi t0, a0, CTX_GUARD + 16 + UPCALL_ROOM
    bltu sp, t0, 1f
    li t1, STACK_PATTERN
    lw t2, CTX_GUARD(a0)
    bne t2, t1, 1f
    lw t2, CTX_GUARD + 12(a0)
    bne t2, t1, 1f
#endif
    sd ra, CTX_RA(a0)
    sd sp, CTX_SP(a0)
    sd s0, CTX_S + 0(a0)
    sd s1, CTX_S + 8(a0)
    sd s2, CTX_S + 16(a0)
    sd s3, CTX_S + 24(a0)
    sd s4, CTX_S + 32(a0)
    sd s5, CTX_S + 40(a0)
    sd s6, CTX_S + 48(a0)
    sd s7, CTX_S + 56(a0)
    sd s8, CTX_S + 64(a0)
    sd s9, CTX_S + 72(a0)
    sd s10, CTX_S + 80(a0)
    sd s11, CTX_S + 88(a0)
    ld t0, CTX_FP(a0)
    beqz t0, 2f
    frcsr t1
    sd t1, CTX_FCSR(a0)
    .irp n, FP_REGS
    fsd f\n, CTX_F + 8 * \n(a0)
    .endr
2:  mv a0, a1
    j port_context_start
#ifdef CPU_STACK_GUARD
1:  tail cpu_stack_overflow
#endif
    .size port_context_switch, . - port_context_switch

    .globl port_context_start
    .type port_context_start, @function
port_context_start:                /* a0 = to; the current thread is abandoned */
    ld t0, CTX_FP(a0)
    beqz t0, 1f
    ld t1, CTX_FCSR(a0)
    fscsr t1
    .irp n, FP_REGS
    fld f\n, CTX_F + 8 * \n(a0)
    .endr
1:
    ld ra, CTX_RA(a0)
    ld sp, CTX_SP(a0)
    ld s0, CTX_S + 0(a0)
    ld s1, CTX_S + 8(a0)
    ld s2, CTX_S + 16(a0)
    ld s3, CTX_S + 24(a0)
    ld s4, CTX_S + 32(a0)
    ld s5, CTX_S + 40(a0)
    ld s6, CTX_S + 48(a0)
    ld s7, CTX_S + 56(a0)
    ld s8, CTX_S + 64(a0)
    ld s9, CTX_S + 72(a0)
    ld s10, CTX_S + 80(a0)
    ld s11, CTX_S + 88(a0)
    ret
    .size port_context_start, . - port_context_start

    /*
     * First code of every thread: port_context_init left the entry in s1
     * and the stack top in sp; s0 = 0 ends frame-pointer walks here.
     */
    .globl cpu_context_first
    .type cpu_context_first, @function
cpu_context_first:
    jalr s1
    unimp
    .size cpu_context_first, . - cpu_context_first

    .section .note.GNU-stack, "", @progbits
