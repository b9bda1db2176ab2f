/* SPDX-License-Identifier: BSD-2-Clause */
/* Machine-mode start: QEMU virt with -bios none jumps here (0x80000000) on
 * hart 0 with nothing set up. The kernel stays in M-mode (docs/
 * architecture.md, "RISC-V"): clear .bss, take a stack, go to C. */
    .section .text.boot, "ax"
    .global _start
_start:
    csrw mie, zero
    csrw mstatus, zero
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
2:  la sp, riscv_kernel_stack_top
    call riscv_boot
3:  wfi
    j 3b

    .bss
    .balign 16
riscv_kernel_stack:
    .space 16384
    .global riscv_kernel_stack_top
riscv_kernel_stack_top:

    .section .note.GNU-stack, "", @progbits
