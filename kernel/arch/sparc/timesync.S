/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * uint32_t sparc_timer_arm_on_grid(uint32_t count_at_deadline, volatile uint32_t *counter0)
 *
 * Loads the schedule timer at a fixed number of instructions after an edge
 * of the free-running clock timer, so that it fires the same number of
 * instructions after the deadline's tick whatever the phase of the call.
 * Under QEMU each GPTIMER counts from its own load, not on the shared
 * prescaler's ticks, so a plain load at an arbitrary instant puts the
 * interrupt anywhere within a 25 ns tick: whoever last armed the timer
 * (another partition) would decide where in that tick the next window
 * starts. Called with traps masked (PIL 15); returns how many loads of the
 * run below saw the edge (1..18 when it fell inside the run, as it must).
 * count_at_deadline is the clock counter's value at the deadline's tick;
 * the caller leaves a few ticks of margin.
 *
 * The edge is found to one instruction: a loop finds an edge to within its
 * length, a pause puts the next edge inside a run of N back-to-back loads,
 * the number of loads after the edge (counted without branches) sets how
 * many of N nops run, so edge-to-store is always the same.
 */
/* From timer 0's counter (mapped by the kernel, passed in): */
#define GPT_LOAD1 0x14
#define GPT_CTRL1 0x18
#define GPT_ARM   0x0d /* enable | load | interrupt enable */

    .section .text
    .align 4
    .global sparc_timer_arm_on_grid
sparc_timer_arm_on_grid:
    save %sp, -96, %sp
    mov %i1, %i5
    ld [%i5], %l0
1:  ld [%i5], %l1
    cmp %l1, %l0
    be 1b
     nop
    /* An edge fell within the last loop pass; the next comes 25
     * instructions after it, inside the run below. */
    .rept 6
    nop
    .endr
    ld [%i5], %l0
    ld [%i5], %l1
    ld [%i5], %l2
    ld [%i5], %l3
    ld [%i5], %l4
    ld [%i5], %l5
    ld [%i5], %l6
    ld [%i5], %l7
    ld [%i5], %o0
    ld [%i5], %o1
    ld [%i5], %o2
    ld [%i5], %o3
    ld [%i5], %o4
    ld [%i5], %o5
    ld [%i5], %o7
    ld [%i5], %i1
    ld [%i5], %i2
    ld [%i5], %i3
    ld [%i5], %i4
    /* %g1 = loads that saw the new value (xor != 0 sets carry). */
    mov 0, %g1
#define AFTER(r) xor r, %l0, r; subcc %g0, r, %g0; addx %g1, 0, %g1
    AFTER(%l1); AFTER(%l2); AFTER(%l3); AFTER(%l4); AFTER(%l5); AFTER(%l6)
    AFTER(%l7); AFTER(%o0); AFTER(%o1); AFTER(%o2); AFTER(%o3); AFTER(%o4)
    AFTER(%o5); AFTER(%o7); AFTER(%i1); AFTER(%i2); AFTER(%i3); AFTER(%i4)
    sub %l0, 1, %l5             /* the counter after the edge (it counts down) */
    /* Run 19 - %g1 nops: instructions from the edge to here plus those
     * are then the same for every edge position. */
    sll %g1, 2, %g1
    set 2f, %l1
    add %l1, %g1, %l1
    jmp %l1
     nop
2:  .rept 19
    nop
    .endr
    /* Ticks from now to the deadline; the timer fires after reload + 1. */
    sub %l5, %i0, %l2
    sub %l2, 1, %l2
    st %g0, [%i5 + GPT_CTRL1]
    st %l2, [%i5 + GPT_LOAD1]
    mov GPT_ARM, %l4
    st %l4, [%i5 + GPT_CTRL1]
    srl %g1, 2, %i0
    ret
     restore

    .section .note.GNU-stack, "", @progbits
