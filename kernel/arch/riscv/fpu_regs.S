/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The F/D registers and fcsr to and from a struct riscv_fpu_state (fpu.c):
 * f0-f31 at 8 * n, fcsr at 256. The kernel is built without F/D: these
 * instructions are allowed here alone, and run only with sstatus.FS on.
 */
    .option arch, +d
    .text

    .global riscv_fpu_save
riscv_fpu_save:
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fsd f\n, (\n * 8)(a0)
    .endr
    frcsr t0
    sd t0, 256(a0)
    ret

    .global riscv_fpu_load
riscv_fpu_load:
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fld f\n, (\n * 8)(a0)
    .endr
    ld t0, 256(a0)
    fscsr t0
    ret

    .section .note.GNU-stack, "", @progbits
