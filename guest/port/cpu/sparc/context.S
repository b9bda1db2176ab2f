/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Thread switch on SPARC V8 in user mode. The switch runs in a window of
 * its own, so what identifies the thread is this window's %i6 (the
 * caller's %sp) and %i7 (the return address). Before they are replaced by
 * the next thread's, `ta 3` (the kernel's window flush) writes every older
 * window - the caller's included - to its stack. Then `ret; restore` finds
 * no valid window and the kernel's underflow handling reloads the next
 * thread's caller window from that thread's stack. One trap per switch,
 * plus the underflow.
 */
#include "context.h"

    .text
    .align 4
    .global cpu_context_switch
    .type cpu_context_switch, #function
cpu_context_switch:                /* %o0 = from, %o1 = to */
    save %sp, -96, %sp
    st %fp, [%i0 + CTX_FP]
    st %i7, [%i0 + CTX_RET]
    ld [%i0 + CTX_FPU], %l0
    tst %l0
    be 1f
     nop
    st %fsr, [%i0 + CTX_FSR]
    std %f0, [%i0 + CTX_F + 0]
    std %f2, [%i0 + CTX_F + 8]
    std %f4, [%i0 + CTX_F + 16]
    std %f6, [%i0 + CTX_F + 24]
    std %f8, [%i0 + CTX_F + 32]
    std %f10, [%i0 + CTX_F + 40]
    std %f12, [%i0 + CTX_F + 48]
    std %f14, [%i0 + CTX_F + 56]
    std %f16, [%i0 + CTX_F + 64]
    std %f18, [%i0 + CTX_F + 72]
    std %f20, [%i0 + CTX_F + 80]
    std %f22, [%i0 + CTX_F + 88]
    std %f24, [%i0 + CTX_F + 96]
    std %f26, [%i0 + CTX_F + 104]
    std %f28, [%i0 + CTX_F + 112]
    std %f30, [%i0 + CTX_F + 120]
1:  mov %i1, %o0
    /* fall through into the restore with %o0 = to */
    .size cpu_context_switch, . - cpu_context_switch

    .global cpu_context_restore
    .type cpu_context_restore, #function
cpu_context_restore:               /* %o0 = to; the current window is abandoned */
    ld [%o0 + CTX_FPU], %o1
    tst %o1
    be 2f
     nop
    ld [%o0 + CTX_FSR], %fsr
    ldd [%o0 + CTX_F + 0], %f0
    ldd [%o0 + CTX_F + 8], %f2
    ldd [%o0 + CTX_F + 16], %f4
    ldd [%o0 + CTX_F + 24], %f6
    ldd [%o0 + CTX_F + 32], %f8
    ldd [%o0 + CTX_F + 40], %f10
    ldd [%o0 + CTX_F + 48], %f12
    ldd [%o0 + CTX_F + 56], %f14
    ldd [%o0 + CTX_F + 64], %f16
    ldd [%o0 + CTX_F + 72], %f18
    ldd [%o0 + CTX_F + 80], %f20
    ldd [%o0 + CTX_F + 88], %f22
    ldd [%o0 + CTX_F + 96], %f24
    ldd [%o0 + CTX_F + 104], %f26
    ldd [%o0 + CTX_F + 112], %f28
    ldd [%o0 + CTX_F + 120], %f30
    /* Every window of the thread being left goes to its stack: the saved
     * %i6/%i7 find them there, and the restore below must underflow. */
2:  ta 3
    ld [%o0 + CTX_FP], %fp
    ld [%o0 + CTX_RET], %i7
    ret
     restore
    .size cpu_context_restore, . - cpu_context_restore

    /*
     * First code of every thread: the first window (port_context_init) has
     * the entry in %l0 and the stack pointer to run it on in %l1.
     */
    .global cpu_context_first
    .type cpu_context_first, #function
cpu_context_first:
    mov %l1, %sp
    mov %g0, %fp
    call %l0
     nop
    unimp 0
    .size cpu_context_first, . - cpu_context_first

    .section .note.GNU-stack, "", @progbits
