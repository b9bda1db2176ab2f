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
    SAVE(5)
    SAVE(6)
    SAVE(7)
    /*
     * The null hypercall (PV_HC_IRQ_SYNC with nothing to deliver) from the
     * partition the last full exit published (kernel_fast_exit_partition,
     * kernel.h): count the entry, a0 = PV_OK, return past the `ecall` - in
     * t0-t2 alone, saved in the frame and put back. scause 8 is an `ecall`
     * from U-mode only. docs/performance.md ("Fast paths", RISC-V) says
     * why each skip is safe.
     */
    csrr t0, scause
    li t1, EXC_ECALL_U
    bne t0, t1, full_entry
    li t1, HC_IRQ_SYNC
    beq a7, t1, 1f
    li t1, HC_UPCALL_RETURN
    bne a7, t1, full_entry
1:  la t0, kernel_fast_exit_partition
    ld t0, 0(t0)
    beqz t0, full_entry
    /* Output queued (a drain to do) or a port copy under way: full path. */
    lw t1, PART_CONSOLE_LEN(t0)
    ld t2, PART_PORT_CALL(t0) /* an arch_word_t */
    or t1, t1, t2
    bnez t1, full_entry
    li t1, HC_IRQ_SYNC
    bne a7, t1, upcall_return
    ld t0, PART_SHARED(t0)
    /* Deliverable: upcalls enabled (irq_level 0) and pending & ~mask. */
    lw t1, SHARED_IRQ_LEVEL(t0)
    bnez t1, 1f
    lw t1, SHARED_IRQ_MASK(t0)
    lw t2, SHARED_IRQ_PENDING(t0)
    not t1, t1
    and t1, t1, t2
    bnez t1, full_entry
1:  lw t1, SHARED_KERNEL_ENTRIES(t0)
    addi t1, t1, 1
    sw t1, SHARED_KERNEL_ENTRIES(t0)
    csrr t0, sepc
    addi t0, t0, 4
    csrw sepc, t0
    li a0, 0 /* PV_OK */
    ld t0, (5 * 8)(sp)
    ld t1, (6 * 8)(sp)
    ld t2, (7 * 8)(sp)
    csrrw sp, sscratch, sp
    sret

    /*
     * PV_HC_UPCALL_RETURN (a0 = the frame) on the null hypercall's
     * conditions above, when nothing is deliverable once upcalls are
     * enabled again (no unmasked line pending) and the frame lies in the
     * area the last upcall frame was found in (ctx.frame_area, read-write:
     * uaccess_ptr_cached()'s first test): every register and the pc come
     * from the frame, irq_level = 0, the entry is counted - what
     * partition_hc_upcall_return() does, and the exit path would do
     * nothing more. Anything else takes the full path, with t0-t2 saved.
     * docs/performance.md ("Fast paths", RISC-V) says why this is safe.
     */
upcall_return:
    ld t2, PART_SHARED(t0)
    lw t1, SHARED_IRQ_MASK(t2)
    lw t2, SHARED_IRQ_PENDING(t2)
    not t1, t1
    and t1, t1, t2
    bnez t1, full_entry
    /* off = a0 - virt < size, and size - off >= the frame's size */
    ld t1, PART_AREA_VIRT(t0)
    sub t1, a0, t1
    ld t2, PART_AREA_SIZE(t0)
    bgeu t1, t2, full_entry
    sub t2, t2, t1
    addi t2, t2, -UPCALL_FRAME_SIZE
    bltz t2, full_entry
    ld t2, PART_AREA_KERNEL(t0)
    add t1, t1, t2 /* the frame's kernel address */
    ld t0, PART_SHARED(t0)
    sw zero, SHARED_IRQ_LEVEL(t0)
    lw t2, SHARED_KERNEL_ENTRIES(t0)
    addi t2, t2, 1
    sw t2, SHARED_KERNEL_ENTRIES(t0)
    ld t2, UPCALL_PC(t1)
    csrw sepc, t2
    csrw sscratch, sp /* the partition's saved-context frame, as at entry */
    /* x6 (t1), the frame's address, last */
    .irp n, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    ld x\n, (UPCALL_X + 8 * (\n - 1))(t1)
    .endr
    ld t1, (UPCALL_X + 8 * 5)(t1)
    sret
full_entry:
    SAVE(1)
    SAVE(3)
    SAVE(4)
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
