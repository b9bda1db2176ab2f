/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The start. QEMU virt with -bios none jumps to the image's first byte
 * (physical 0x80000000) on hart 0 in M-mode, a1 = the device tree. The
 * kernel is linked in Sv39's upper half (KERNEL_OFFSET, riscv.h) and runs
 * in S-mode (docs/architecture.md, "RISC-V"):
 *  - M-mode, physical: clear .bss, riscv_mstart() (PMP, delegation, the
 *    timer), mret to riscv_sstart in S-mode, still physical;
 *  - S-mode: turn on the boot page table, which maps the kernel both where
 *    it is loaded and where it is linked, jump to the link address, drop the
 *    load-address map (riscv_boot), go on in C.
 * `la` is pc-relative (medany), so before the jump it yields physical
 * addresses and after it virtual ones.
 */
#include "asm_offsets.h"

    .section .text.boot, "ax"
    .global _start
_start:
    csrw mie, zero
    csrw mstatus, zero
    la t0, riscv_mtrap
    csrw mtvec, t0
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
2:  la sp, riscv_kernel_stack_top
    /* S-mode's timer is Sstc's stimecmp: without it, reading it traps. */
    la t0, riscv_no_sstc
    csrw mtvec, t0
    csrr t0, stimecmp
    la t0, riscv_mtrap
    csrw mtvec, t0
    mv a0, a1
    call riscv_mstart /* a0 = the RAM size the device tree gives */
    la t0, riscv_sstart
    csrw mepc, t0
    mret

/* S-mode, physical; a0 = the RAM size, for riscv_boot(). */
riscv_sstart:
    la t0, riscv_boot_root
    srli t0, t0, 12
    li t1, SATP_SV39_MODE
    slli t1, t1, 60
    or t0, t0, t1
    csrw satp, t0
    sfence.vma
    la t0, 3f
    ld t0, 0(t0)
    jr t0
    .balign 8
3:  .dword riscv_shigh
riscv_shigh:
    la sp, riscv_kernel_stack_top
    call riscv_boot
4:  wfi
    j 4b

/* A trap to M-mode is a kernel bug (S-mode takes every trap and interrupt
 * it expects): end QEMU with status 0x4d ('M') through sifive_test. */
    .balign 4
riscv_mtrap:
    li t0, 0x100000 /* SIFIVE_TEST_PA: too large for asm_offsets.c (%c) */
    li t1, 0x4d3333
    sw t1, 0(t0)
5:  j 5b

    .bss
    .balign 16
riscv_kernel_stack:
    .space 16384
    .global riscv_kernel_stack_top
riscv_kernel_stack_top:

    .section .note.GNU-stack, "", @progbits
