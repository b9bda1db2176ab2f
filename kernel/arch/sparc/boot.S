/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * LEON3 entry. QEMU's PROM stub (or a boot loader) jumps here at the
 * physical address, MMU off. The kernel is linked at KERNEL_VA, so until the
 * MMU is on every address is computed as a physical one (symbol -
 * KERNEL_OFFSET). We clear .bss, map RAM at KERNEL_VA (and the first 16 MiB
 * once more at its physical address, for the instructions that switch the
 * MMU on), the APB peripherals at MMIO_VA, and jump to the virtual address.
 */
#include "sparc.h"

#define PHYS(sym) ((sym) - KERNEL_OFFSET)
#define SECTION   0x01000000 /* a level-1 page: 16 MiB */
#define PTE_16M(pa, acc, c) (((pa) >> 4) | (c) | PTE_ACC(acc) | PTE_ET_PTE)

    .section .text.boot, "ax"
    .global _start
_start:
    /* Supervisor, traps off, every interrupt masked, window 0. */
    set PSR_S | PSR_PIL | KERNEL_CWP, %g1
    wr %g1, %psr
    wr %g0, %wim
    nop
    nop

    /* Clear .bss (the page tables and the stack live there). */
    set PHYS(__bss_start), %g1
    set PHYS(__bss_end), %g2
1:  cmp %g1, %g2
    bgeu 2f
     nop
    st %g0, [%g1]
    b 1b
     add %g1, 4, %g1
2:
    /* Level-1 table of context 0: RAM at KERNEL_VA, up to RAM_MAX. */
    set PHYS(sparc_kernel_l1), %g1
    set PTE_16M(RAM_PA, ACC_N_RWX, PTE_C), %g2
    set SECTION >> 4, %g3
    add %g1, (KERNEL_VA >> 24) * 4, %g4
    set (KERNEL_VA + RAM_MAX) >> 24, %g5
    sll %g5, 2, %g5
    add %g1, %g5, %g5
3:  st %g2, [%g4]
    add %g4, 4, %g4
    cmp %g4, %g5
    blu 3b
     add %g2, %g3, %g2
    /* The first 16 MiB again at its physical address, for the switch. */
    set PTE_16M(RAM_PA, ACC_N_RWX, PTE_C), %g2
    st %g2, [%g1 + (RAM_PA >> 24) * 4]
    /* The APB bus (UART, IRQMP, GPTIMER), uncached. */
    set PTE_16M(MMIO_PA, ACC_N_RWX, 0), %g2
    st %g2, [%g1 + (MMIO_VA >> 24) * 4]

    /* Context table entry 0 points at that table. */
    set PHYS(sparc_ctx_table), %g3
    srl %g1, 4, %g2
    or %g2, PTE_ET_PTD, %g2
    st %g2, [%g3]

    /* Context table pointer, context 0, TLB flushed, MMU on. */
    srl %g3, 4, %g2
    set MMU_CTP, %g4
    sta %g2, [%g4] ASI_MMU_REGS
    set MMU_CTX, %g4
    sta %g0, [%g4] ASI_MMU_REGS
    set MMU_FLUSH_ALL, %g4
    sta %g0, [%g4] ASI_MMU_FLUSH
    lda [%g0] ASI_MMU_REGS, %g2
    or %g2, MMU_CTRL_E, %g2
    sta %g2, [%g0] ASI_MMU_REGS
    nop
    nop
    nop

    set virtual_start, %g1
    jmp %g1
     nop

    .text
virtual_start:
    set sparc_trap_table, %g1
    wr %g1, %tbr
    wr %g0, KERNEL_WIM, %wim
    nop
    nop
    nop
    set sparc_kernel_stack_top - 96, %sp
    mov %g0, %fp
    set PSR_S | PSR_PIL | PSR_ET | KERNEL_CWP, %g1
    wr %g1, %psr
    nop
    nop
    nop
    call sparc_boot
     nop
    /* sparc_boot does not return; if it did, stop the machine (ta 0
     * with traps off ends QEMU). */
    ta 1

    .section .bss
    .balign 8
    .global sparc_kernel_stack_top
sparc_kernel_stack:
    .skip 16384
sparc_kernel_stack_top:

    .section .note.GNU-stack, "", @progbits
