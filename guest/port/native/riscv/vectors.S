/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Interrupt and exception entry (stvec, direct mode). The hart clears
 * sstatus.SIE on entry, so interrupts never nest. The frame goes on the
 * interrupted thread's stack (the psABI keeps sp 16-byte aligned at every
 * instruction, and there is no red zone below it) and holds only what the
 * C calling convention lets native_trap() clobber, plus sepc and sstatus:
 * a thread switch inside it (exec_isr_dispatch) saves the callee-saved
 * registers in the thread context, and other threads run, trap and sret
 * in between, so the two CSRs are written back from the frame just before
 * this thread's sret. Layout: struct native_trap_frame (native.h).
 */
#define FRAME_SIZE    160
#define FRAME_SEPC    128
#define FRAME_SSTATUS 136
#define FRAME_SCAUSE  144
#define FRAME_STVAL   152

    .text
    .balign 4
    .globl native_trap_entry
    .type native_trap_entry, @function
native_trap_entry:
    addi sp, sp, -FRAME_SIZE
    sd ra, 0(sp)
    sd t0, 8(sp)
    sd t1, 16(sp)
    sd t2, 24(sp)
    sd t3, 32(sp)
    sd t4, 40(sp)
    sd t5, 48(sp)
    sd t6, 56(sp)
    sd a0, 64(sp)
    sd a1, 72(sp)
    sd a2, 80(sp)
    sd a3, 88(sp)
    sd a4, 96(sp)
    sd a5, 104(sp)
    sd a6, 112(sp)
    sd a7, 120(sp)
    csrr t0, sepc
    sd t0, FRAME_SEPC(sp)
    csrr t0, sstatus
    sd t0, FRAME_SSTATUS(sp)
    csrr t0, scause
    sd t0, FRAME_SCAUSE(sp)
    csrr t0, stval
    sd t0, FRAME_STVAL(sp)
    mv a0, sp
    call native_trap
    ld t0, FRAME_SEPC(sp)
    csrw sepc, t0
    ld t0, FRAME_SSTATUS(sp)
    csrw sstatus, t0
    ld ra, 0(sp)
    ld t0, 8(sp)
    ld t1, 16(sp)
    ld t2, 24(sp)
    ld t3, 32(sp)
    ld t4, 40(sp)
    ld t5, 48(sp)
    ld t6, 56(sp)
    ld a0, 64(sp)
    ld a1, 72(sp)
    ld a2, 80(sp)
    ld a3, 88(sp)
    ld a4, 96(sp)
    ld a5, 104(sp)
    ld a6, 112(sp)
    ld a7, 120(sp)
    addi sp, sp, FRAME_SIZE
    sret
    .size native_trap_entry, . - native_trap_entry

    .section .note.GNU-stack, "", @progbits
