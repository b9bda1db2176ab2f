/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Every trap from a partition (U-mode) arrives at riscv_trap_entry, in
 * S-mode. While a partition runs, sscratch holds its saved-context frame
 * (struct riscv_frame), so the user registers are stored in place; the
 * kernel then runs on its own stack with interrupts off. The kernel itself
 * takes no traps: it runs with sstatus.SIE clear, and its idle loop polls
 * sip.
 */
#include "asm_offsets.h"

#define SAVE(n) sd x##n, (n * 8)(sp)
#define LOAD(n) ld x##n, (n * 8)(t6)

    .text
    .balign 4
    .global riscv_trap_entry
riscv_trap_entry:
    csrrw sp, sscratch, sp /* sp = the frame, sscratch = the user's sp */
    SAVE(1)
    SAVE(3)
    SAVE(4)
    SAVE(5)
    SAVE(6)
    SAVE(7)
    SAVE(8)
    SAVE(9)
    SAVE(10)
    SAVE(11)
    SAVE(12)
    SAVE(13)
    SAVE(14)
    SAVE(15)
    SAVE(16)
    SAVE(17)
    SAVE(18)
    SAVE(19)
    SAVE(20)
    SAVE(21)
    SAVE(22)
    SAVE(23)
    SAVE(24)
    SAVE(25)
    SAVE(26)
    SAVE(27)
    SAVE(28)
    SAVE(29)
    SAVE(30)
    SAVE(31)
    csrr t0, sscratch
    sd t0, 16(sp)
    csrr t0, sepc
    sd t0, FRAME_PC(sp)
    csrr t0, sstatus
    sd t0, FRAME_STATUS(sp)
    csrr t0, scause
    sd t0, FRAME_CAUSE(sp)
    csrr t0, stval
    sd t0, FRAME_TVAL(sp)
    mv a0, sp
    la sp, riscv_kernel_stack_top
    call riscv_trap
    /* riscv_trap never returns: it resumes through riscv_resume. */
1:  j 1b

/* riscv_resume(frame): back to user mode with the context in frame
 * (sstatus.SPP clear). */
    .global riscv_resume
riscv_resume:
    mv t6, a0
    csrw sscratch, t6
    ld t0, FRAME_PC(t6)
    csrw sepc, t0
    ld t0, FRAME_STATUS(t6)
    csrw sstatus, t0
    LOAD(1)
    LOAD(2)
    LOAD(3)
    LOAD(4)
    LOAD(5)
    LOAD(6)
    LOAD(7)
    LOAD(8)
    LOAD(9)
    LOAD(10)
    LOAD(11)
    LOAD(12)
    LOAD(13)
    LOAD(14)
    LOAD(15)
    LOAD(16)
    LOAD(17)
    LOAD(18)
    LOAD(19)
    LOAD(20)
    LOAD(21)
    LOAD(22)
    LOAD(23)
    LOAD(24)
    LOAD(25)
    LOAD(26)
    LOAD(27)
    LOAD(28)
    LOAD(29)
    LOAD(30)
    LOAD(31)
    sret

    .section .note.GNU-stack, "", @progbits
