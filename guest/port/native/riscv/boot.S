/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The start. QEMU virt with -bios none jumps to the image's first byte
 * (physical 0x80000000, linker.ld) on hart 0 in M-mode. There is no
 * firmware, so this image plays its own (mstart.c): the M-mode part sets
 * up what S-mode cannot and mrets to S-mode, where the port runs from
 * then on, with paging off, as an OS would run under OpenSBI
 * (docs/architecture.md, "The native RISC-V port").
 */
#define MSTATUS_FS_INITIAL (1 << 13)

    .section .text.boot, "ax"
    .globl _start
    .type _start, @function
_start:
    csrw mie, zero
    /* Everything off but the FPU: FS = Initial (mstatus and sstatus share
     * the field), before any C code, which is built with F/D (lp64d,
     * mk/arch-riscv.mk) and may use them. It stays on in S-mode: the
     * executive keeps FP threads' registers (guest/port/cpu/riscv). */
    li t0, MSTATUS_FS_INITIAL
    csrw mstatus, t0
    la t0, native_mtrap
    csrw mtvec, t0
.option push
.option norelax
    la gp, __global_pointer$
.option pop
    /* QEMU loads the ELF's segments but does not clear .bss. */
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
2:  la sp, boot_stack_top
    mv s0, zero
    call native_mstart
    la t0, 3f
    csrw mepc, t0
    mret                        /* mstatus.MPP = S: to 3f in S-mode, SIE clear */
3:  call native_start
4:  wfi
    j 4b
    .size _start, . - _start

    /* Runs exec_boot() and is abandoned when the first thread starts. */
    .section .bss.boot_stack, "aw", @nobits
    .balign 16
    .skip 8192
boot_stack_top:

    .section .note.GNU-stack, "", @progbits
