/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Trap table, trap entry and exit.
 *
 * From user mode (PSR.PS = 0) every trap saves the partition's whole user
 * context into sparc_cur_frame (struct sparc_frame, in kernel memory): the
 * trap PC/nPC/PSR, %y, the globals, the outs of the current window and the
 * locals and ins of every valid window (from the current one up to the
 * window-invalid mark). The kernel thus never writes to a partition's stack
 * on entry - a bad user %sp cannot fault the kernel - and then owns the
 * whole register file: it starts C afresh in window KERNEL_CWP on its own
 * stack. A partition's window overflow and underflow are served without
 * a kernel entry when its stack is plainly good (window_overflow below);
 * otherwise they, and its window flushes, are handled in C (window.c) on
 * the saved copy, with checked pointers.
 *
 * From supervisor mode only three things can trap: the kernel's own window
 * overflow and underflow (spilled to and filled from the kernel stack,
 * which is always valid), and an interrupt of the idle loop (which keeps no
 * state: the kernel starts afresh). Anything else is a kernel bug: panic.
 *
 * sparc_resume_user() puts a saved context back into the register file, the
 * current window at CWP 0 and its older windows above it, and returns to it
 * with rett from window 7.
 */
#include "asm_offsets.h" /* FRAME_*, WINDOW_*, SHARED_KERNEL_ENTRIES */
#include "sparc.h"

#define HCALL_TT       0xc0 /* ta 0x40 */
#define BENCH_CLOCK_TT 0xc2 /* ta 0x42 */
#define PV_CLOCK_TT    0xc3 /* ta 0x43 */

/* A trap table entry that goes to trap_common. */
    .macro trap_entry
    rd %psr, %l0
    sethi %hi(trap_common), %l4
    jmp %l4 + %lo(trap_common)
     rd %tbr, %l3
    .endm

    .section .text.traps, "ax"
    .balign 4096
    .global sparc_trap_table
sparc_trap_table:
    .rept TT_WINDOW_OVERFLOW
    trap_entry
    .endr
    /* Window overflow and underflow: served in place when they come from
     * a partition whose stack is plainly good (window_overflow below). The
     * delay slot sets icc for "from the kernel". */
    rd %psr, %l0
    sethi %hi(window_overflow), %l4
    jmp %l4 + %lo(window_overflow)
     andcc %l0, PSR_PS, %g0
    rd %psr, %l0
    sethi %hi(window_underflow), %l4
    jmp %l4 + %lo(window_underflow)
     andcc %l0, PSR_PS, %g0
    .rept TT_INTERRUPT(7) - TT_WINDOW_UNDERFLOW - 1
    trap_entry
    .endr
    /* The schedule timer's interrupt: served in place when it only expires
     * the wall-clock timer of the running partition (timer_fast). */
    rd %psr, %l0
    sethi %hi(timer_fast), %l4
    jmp %l4 + %lo(timer_fast)
     andcc %l0, PSR_PS, %g0
    .rept TT_FLUSH_WINDOWS - TT_INTERRUPT(7) - 1
    trap_entry
    .endr
    /* ta 3, the window flush: served in place too when every window to
     * spill has a plainly good stack (flush_fast below). */
    rd %psr, %l0
    sethi %hi(flush_fast), %l4
    jmp %l4 + %lo(flush_fast)
     andcc %l0, PSR_PS, %g0
    .rept HCALL_TT - TT_FLUSH_WINDOWS - 1
    trap_entry
    .endr
    /* ta 0x40, the hypercall: the null hypercall returns from hcall_fast;
     * the delay slot sets icc for "from the kernel". */
    rd %psr, %l0
    sethi %hi(hcall_fast), %l4
    jmp %l4 + %lo(hcall_fast)
     andcc %l0, PSR_PS, %g0
    .rept BENCH_CLOCK_TT - HCALL_TT - 1
    trap_entry
    .endr
    /* ta 0x42, the benchmarks' clock (bench/lib/tsc.h): LEON3 has no
     * counter readable in user mode, and a clock hypercall costs hundreds
     * of instructions that vary with the caller's valid windows. This
     * returns the free-running GPTIMER counter (timer 1, counting down,
     * 25 ns per tick; time.c) in the caller's %o0 (the trap window's %i0)
     * and nothing else: no other register, no PSR bit, no kernel state
     * changes, and it is not a kernel entry (kernel_entries is not
     * counted). Reading the counter has no side effect and tells nothing
     * that PV_HC_TIME_GET does not. */
    sethi %hi(MMIO_VA + 0x310), %l4
    ld [%l4 + %lo(MMIO_VA + 0x310)], %i0
    jmp %l2
     rett %l2 + 4
    /* ta 0x43, the pv clock (clock_fast below); the delay slot reads the
     * counter. */
    sethi %hi(MMIO_VA + 0x310), %l4
    sethi %hi(clock_fast), %l6
    jmp %l6 + %lo(clock_fast)
     ld [%l4 + %lo(MMIO_VA + 0x310)], %l5
    .rept 255 - PV_CLOCK_TT
    trap_entry
    .endr

    .text
/* %l0 = PSR, %l1 = PC, %l2 = nPC (the CPU's), %l3 = TBR. Traps are off. */
    .global trap_common
trap_common:
    srl %l3, 4, %l3
    and %l3, 0xff, %l3
    andcc %l0, PSR_PS, %g0
    bnz from_kernel
     nop

    /* ---- from user mode (timer_entry.S's timer_fast comes here with %l3
     * the trap type) ---- */
    .global trap_from_user
trap_from_user:
    sethi %hi(sparc_cur_frame), %l4
    ld [%l4 + %lo(sparc_cur_frame)], %l4
    st %l0, [%l4 + FRAME_PSR]
    st %l1, [%l4 + FRAME_PC]
    st %l2, [%l4 + FRAME_NPC]
    st %l3, [%l4 + FRAME_TT]
    rd %y, %l5
    st %l5, [%l4 + FRAME_Y]
    st %g1, [%l4 + FRAME_G + 4]
    std %g2, [%l4 + FRAME_G + 8]
    std %g4, [%l4 + FRAME_G + 16]
    std %g6, [%l4 + FRAME_G + 24]
    /* The trap window's ins are the user's current outs. */
    std %i0, [%l4 + FRAME_O + 0]
    std %i2, [%l4 + FRAME_O + 8]
    std %i4, [%l4 + FRAME_O + 16]
    std %i6, [%l4 + FRAME_O + 24]
    /* The user's globals are saved: walk its windows with them. */
    mov %l4, %g1                /* frame */
    rd %wim, %g2                /* the invalid window ends the walk */
    add %g1, FRAME_WIN, %g3     /* where the next window goes */
    mov 0, %g4                  /* windows saved */
    wr %g0, %wim                /* no window traps while we walk */
    nop
    nop
    nop
    restore                     /* into the user's current window */
1:  std %l0, [%g3 + WINDOW_L + 0]
    std %l2, [%g3 + WINDOW_L + 8]
    std %l4, [%g3 + WINDOW_L + 16]
    std %l6, [%g3 + WINDOW_L + 24]
    std %i0, [%g3 + WINDOW_I + 0]
    std %i2, [%g3 + WINDOW_I + 8]
    std %i4, [%g3 + WINDOW_I + 16]
    std %i6, [%g3 + WINDOW_I + 24]
    add %g3, WINDOW_SIZE, %g3
    add %g4, 1, %g4
    restore                     /* the next older window */
    rd %psr, %g5
    and %g5, PSR_CWP, %g5
    mov 1, %g6
    sll %g6, %g5, %g6
    andcc %g6, %g2, %g0
    bz 1b
     nop
    st %g4, [%g1 + FRAME_NWIN]
    set sparc_trap_user, %g7
    b enter_kernel
     nop

from_kernel:
    cmp %l3, TT_WINDOW_OVERFLOW
    be kernel_overflow
     cmp %l3, TT_WINDOW_UNDERFLOW
    be kernel_underflow
     nop
    /* An interrupt of the idle loop, or a kernel bug: either way the
     * kernel's state is not kept. */
    set sparc_kernel_trap, %g1
    st %l3, [%g1 + 0]
    st %l1, [%g1 + 4]
    st %l2, [%g1 + 8]
    st %l0, [%g1 + 12]
    set sparc_trap_kernel, %g7
    /* fall through */

/* Starts C function %g7 on an empty kernel stack in window KERNEL_CWP,
 * traps on, interrupts masked. It never returns. */
    .global enter_kernel
enter_kernel:
    set PSR_S | PSR_PIL | KERNEL_CWP, %g5
    wr %g5, %psr
    nop
    nop
    nop
    wr %g0, KERNEL_WIM, %wim
    set sparc_kernel_stack_top - 96, %sp
    mov %g0, %fp
    wr %g5, PSR_ET, %psr
    nop
    nop
    nop
    call %g7
     nop
    ta 1 /* not reached */

/* The kernel's own window overflow: the trap window is the invalid one;
 * spill the next one (the oldest) to its stack and move the mark there. */
    .global kernel_overflow
kernel_overflow:
    rd %wim, %l3
    srl %l3, 1, %l4
    sll %l3, 7, %l5
    or %l4, %l5, %l4
    and %l4, 0xff, %l4
    wr %g0, %wim
    nop
    nop
    nop
    save
    std %l0, [%sp + 0]
    std %l2, [%sp + 8]
    std %l4, [%sp + 16]
    std %l6, [%sp + 24]
    std %i0, [%sp + 32]
    std %i2, [%sp + 40]
    std %i4, [%sp + 48]
    std %i6, [%sp + 56]
    restore
    wr %l4, %wim
    nop
    nop
    nop
    jmp %l1
     rett %l2
    .global window_irq
window_irq:
    b trap_common
     mov 0x17 << 4, %l3

/* The kernel's own window underflow: fill the window that restore wanted
 * from its stack and move the mark one further. */
    .global kernel_underflow
kernel_underflow:
    rd %wim, %l3
    sll %l3, 1, %l4
    srl %l3, 7, %l5
    or %l4, %l5, %l4
    and %l4, 0xff, %l4
    wr %l4, %wim
    nop
    nop
    nop
    restore
    restore
    ldd [%sp + 0], %l0
    ldd [%sp + 8], %l2
    ldd [%sp + 16], %l4
    ldd [%sp + 24], %l6
    ldd [%sp + 32], %i0
    ldd [%sp + 40], %i2
    ldd [%sp + 48], %i4
    ldd [%sp + 56], %i6
    save
    save
    jmp %l1
     rett %l2

/* void sparc_resume_user(struct sparc_frame *f): loads f into the register
 * file and returns to user mode. */
    .global sparc_resume_user
sparc_resume_user:
    mov %o0, %g1
    rd %psr, %g2
    andn %g2, PSR_ET, %g2
    /* The three instructions after each wr %psr may run with the old PSR:
     * they touch no windowed register and cannot trap (PIL 15 masks every
     * interrupt but the unused level 15, and they are no window or memory
     * trap), so they do useful work instead of nops. */
    wr %g2, %psr
    wr %g0, %wim
    ld [%g1 + FRAME_NWIN], %g4
    sub %g4, 1, %g5             /* the oldest window goes to CWP nwin - 1 */
    andn %g2, PSR_CWP, %g2
    or %g2, %g5, %g2
    wr %g2, %psr
    sll %g5, 6, %g3
    add %g3, FRAME_WIN, %g3
    add %g1, %g3, %g3
1:  ldd [%g3 + WINDOW_L + 0], %l0
    ldd [%g3 + WINDOW_L + 8], %l2
    ldd [%g3 + WINDOW_L + 16], %l4
    ldd [%g3 + WINDOW_L + 24], %l6
    ldd [%g3 + WINDOW_I + 0], %i0
    ldd [%g3 + WINDOW_I + 8], %i2
    ldd [%g3 + WINDOW_I + 16], %i4
    ldd [%g3 + WINDOW_I + 24], %i6
    subcc %g4, 1, %g4
    sub %g3, WINDOW_SIZE, %g3
    bnz 1b
     save                       /* also after the last: into window 7 */
    /* Window 7, the trap window: its ins are the user's outs. */
    ldd [%g1 + FRAME_O + 0], %i0
    ldd [%g1 + FRAME_O + 8], %i2
    ldd [%g1 + FRAME_O + 16], %i4
    ldd [%g1 + FRAME_O + 24], %i6
    ld [%g1 + FRAME_PC], %l1
    ld [%g1 + FRAME_NPC], %l2
    ld [%g1 + FRAME_Y], %l3
    wr %l3, %y
    ld [%g1 + FRAME_NWIN], %l4
    mov 1, %l5
    sll %l5, %l4, %l5
    wr %l5, %wim                /* the window above the oldest is invalid */
    ld [%g1 + FRAME_PSR], %l0
    set PSR_ICC | PSR_EF, %l3
    and %l0, %l3, %l0
    or %l0, PSR_S | 7, %l0      /* PS = 0: rett goes to user; PIL 0 */
    wr %l0, %psr                /* the same CWP; traps stay off */
    ldd [%g1 + FRAME_G + 8], %g2
    ldd [%g1 + FRAME_G + 16], %g4
    ldd [%g1 + FRAME_G + 24], %g6
    ld [%g1 + FRAME_G + 4], %g1
    jmp %l1
     rett %l2

/* void sparc_resume_idle(void): the idle loop, on an empty kernel stack,
 * with interrupts on; an interrupt enters the kernel afresh. */
    .global sparc_resume_idle
sparc_resume_idle:
    set PSR_S | PSR_PIL | KERNEL_CWP, %g5
    wr %g5, %psr
    nop
    nop
    nop
    wr %g0, KERNEL_WIM, %wim
    set sparc_kernel_stack_top - 96, %sp
    mov %g0, %fp
    set PSR_S | PSR_ET | KERNEL_CWP, %g5
    wr %g5, %psr
    nop
    nop
    nop
1:  wr %g0, %asr19              /* LEON3 power-down until an interrupt */
    b 1b
     nop

    .section .note.GNU-stack, "", @progbits
