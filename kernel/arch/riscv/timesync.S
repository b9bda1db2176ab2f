/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * void riscv_timer_arm_on_grid(uint64_t stimecmp_value)
 *
 * Writes stimecmp a fixed number of instructions after an edge of the time
 * CSR, so that the timer fires the same number of instructions after the
 * deadline's tick whatever the phase of the call. QEMU turns a stimecmp
 * write into a timer at (write instant) + (value - time at the write) *
 * 100 ns: the write's position inside its 100 ns tick is added to every
 * interrupt, and the instant of a plain write depends on the path that led
 * to it (on what the previous partition did). The caller leaves at least
 * RISCV_ON_GRID_MIN_TICKS of margin before the deadline.
 *
 * The edge is found to one instruction (a tick is 100 instructions under
 * -icount shift=0): a two-instruction loop finds an edge to within its
 * length; a pause puts the next edge inside a run of READS back-to-back
 * reads; the number of reads that saw it (counted without branches) sets
 * how many of READS nops run, so that edge to write is always the same.
 * Without -icount the same code runs and only the phase varies.
 */
#define READS 8

    .section .text
    .align 2
    .global riscv_timer_arm_on_grid
riscv_timer_arm_on_grid:
    .option push
    .option norvc /* every instruction 4 bytes: the sled below is indexed */
    csrr t0, time
1:  csrr t1, time
    beq t1, t0, 1b
    /* An edge fell within the last pass (two instructions); the next is
     * 98-100 instructions after this read. 95 instructions to the run. */
    .rept 95
    nop
    .endr
    csrr a1, time
    csrr a2, time
    csrr a3, time
    csrr a4, time
    csrr a5, time
    csrr a6, time
    csrr a7, time
    csrr t2, time
    /* Reads past the edge: the sum less READS times the value before it
     * (t1). Without -icount several edges may fall in the run: clamped. */
    add a1, a1, a2
    add a3, a3, a4
    add a5, a5, a6
    add a7, a7, t2
    add a1, a1, a3
    add a5, a5, a7
    add a1, a1, a5
    slli t1, t1, 3
    sub a1, a1, t1
    li t2, READS
    bleu a1, t2, 2f
    mv a1, t2
2:  /* Skip one nop per read past the edge. */
    slli a1, a1, 2
    la t0, 3f
    add t0, t0, a1
    jr t0
3:  .rept READS
    nop
    .endr
    csrw stimecmp, a0
    ret
    .option pop
