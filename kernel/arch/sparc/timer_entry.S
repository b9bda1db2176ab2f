/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The schedule timer's interrupt served in the trap window, without a
 * kernel entry (issue 17), when all it would do is expire the running
 * partition's wall-clock timer once; apart from trap_fast.S's other trap
 * window paths for the file's size. The trap table (entry.S) jumps here;
 * anything not served goes on to entry.S's trap_from_user, the full entry.
 */
#include "asm_offsets.h" /* SHARED_*, PART_*, FAST_*, UPCALL_* */
#include "sparc.h"
#include "sparc_probe.inc"

    .text
/*
 * The schedule timer's interrupt (IRQMP line 7) from a partition, when all
 * it would do is expire that partition's wall-clock timer once, deliver
 * the line and arm the timer for the limit - the timer's next period or
 * the end of the partition's run, whichever is first:
 * the record (timer_fast.h: when it names the partition; its ticks in
 * sparc_fast_timer, timer_fast.c)
 * says so up to what the partition or the time may have changed since,
 * which is checked here - output queued, console input waiting on the
 * UART, the time before the timer's deadline tick (an early interrupt) or
 * at the limit (a second expiration, or the run's end), upcalls disabled or the timer's line masked, no room
 * for the upcall frame (span [frame - 96, frame + 80) in one page below
 * the control page that the MMU says the partition may write: a subset of
 * what arch_upcall_push() accepts, which wants one area; a span across two
 * pages may cross two areas): any of them goes the full way, with nothing
 * changed. Served, it does what kernel_on_timer() does then: acks the
 * interrupt and arms the timer for the limit (sparc_timer_armed_tick
 * follows; kernel.c's armed deadline is left at the one that fired, which
 * its next full entry re-arms past: kernel.c), disarms a one-shot timer
 * or moves a periodic one a period on (the record with it while the next
 * period is before the run's end), counts its expiration and the kernel
 * entry, raises and delivers every unmasked pending line in one upcall
 * frame pushed as arch_upcall_push() does (irq_level = 1), and returns to
 * the upcall entry with %o0 = the frame and %sp below it. Register
 * windows are not touched: only the trap window's locals, its ins (the
 * partition's outs) and %g1-%g3, kept in the record while used. A schedule
 * interrupt pending by then is taken at once, the partition's state
 * complete (window_irq). %l0 = PSR, %l1 = PC, %l2 = nPC; icc says whether
 * it came from supervisor mode (the idle loop: timer_idle).
 */
    .global timer_fast
timer_fast:
    bnz timer_idle
     sethi %hi(sparc_fast_timer), %l4
    or %l4, %lo(sparc_fast_timer), %l4
    sethi %hi(fast_timer), %l5  /* the record's part (timer_fast.h) */
    ld [%l5 + %lo(fast_timer)], %l5
    tst %l5
    bz timer_full
     mov TT_INTERRUPT(7), %l3
    ld [%l5 + PART_CONSOLE_LEN], %l6
    tst %l6
    bnz timer_full
     sethi %hi(MMIO_VA), %l7
    ld [%l7 + 0x104], %l6       /* APBUART status: data ready, bit 0 */
    andcc %l6, 1, %g0
    bnz timer_full
     nop
    /* The ticks since the record's clock reading: at or past the
     * deadline's tick, before the run's end's. */
    ld [%l7 + 0x310], %l6       /* GPTIMER timer 1: the clock, counting down */
    ld [%l4 + FAST_TIMER_LAST_COUNT], %l3
    sub %l3, %l6, %l6
    ld [%l4 + FAST_TIMER_FIRE], %l3
    cmp %l6, %l3
    blu timer_full
     ld [%l4 + FAST_TIMER_LIMIT], %l3
    subcc %l3, %l6, %l6         /* the count to arm: ticks to the limit */
    bleu timer_full
     sethi %hi(SHARED_VA), %l7
    ld [%l7 + SHARED_IRQ_LEVEL], %l3
    tst %l3
    bnz timer_full
     ld [%l7 + SHARED_IRQ_MASK], %l3
    andcc %l3, IRQ_TIMER_BIT, %g0
    bnz timer_full
     cmp %i6, UPCALL_FRAME_SIZE + UPCALL_STACK_FRAME + 8
    blu timer_full
    /* The frame: %g1 = (%sp - 80) & ~7, as arch_upcall_push() places it. */
     st %g1, [%l4 + FAST_TIMER_SAVED_G]
    std %g2, [%l4 + FAST_TIMER_SAVED_G + 8]
    sub %i6, UPCALL_FRAME_SIZE, %g1
    andn %g1, 7, %g1
    sub %g1, UPCALL_STACK_FRAME, %g2    /* where the span starts */
    sethi %hi(SHARED_VA), %g3
    cmp %g2, %g3
    bgeu timer_slow
     and %g2, 0xfff, %g3
    cmp %g3, 0x1000 - UPCALL_STACK_FRAME - UPCALL_FRAME_SIZE
    bgu timer_slow              /* across a page: maybe two areas */
     andn %g2, 0xfff, %g2
    user_page_probe %g2, PTE_USER_W_MASK, PTE_USER_W_MATCH, timer_slow
    /* Served from here on. The interrupt acked (GPTIMER timer 2's IP,
     * IRQMP line 7), the timer armed for the run's end: it underflows
     * after reload + 1 ticks. */
     sethi %hi(MMIO_VA), %g2
    mov 0x10, %g3
    st %g3, [%g2 + 0x328]
    mov 1 << 7, %g3
    st %g3, [%g2 + 0x20c]
    st %g0, [%g2 + 0x328]
    sub %l6, 1, %g3
    st %g3, [%g2 + 0x324]
    mov 0x0d, %g3               /* enable, load, interrupt enable */
    st %g3, [%g2 + 0x328]
    ldd [%l4 + FAST_TIMER_LIMIT_TICK], %g2
    sethi %hi(sparc_timer_armed_tick), %l6
    std %g2, [%l6 + %lo(sparc_timer_armed_tick)]
    /* The timer expired once; its line raised and, with every other
     * unmasked pending one, delivered. */
    ld [%l7 + SHARED_WALL_EXPIRATIONS], %g2
    add %g2, 1, %g2
    st %g2, [%l7 + SHARED_WALL_EXPIRATIONS]
    ld [%l7 + SHARED_KERNEL_ENTRIES], %g2
    add %g2, 1, %g2
    st %g2, [%l7 + SHARED_KERNEL_ENTRIES]
    ld [%l7 + SHARED_IRQ_PENDING], %g2
    or %g2, IRQ_TIMER_BIT, %g2
    andn %g2, %l3, %g3          /* the lines delivered */
    and %g2, %l3, %g2           /* what stays pending: the masked ones */
    st %g2, [%l7 + SHARED_IRQ_PENDING]
    mov 1, %g2
    st %g2, [%l7 + SHARED_IRQ_LEVEL]
    /* The upcall frame (pv/arch.h). */
    st %g3, [%g1 + UPCALL_LINES]
    st %l1, [%g1 + UPCALL_PC]
    st %l2, [%g1 + UPCALL_NPC]
    sethi %hi(PSR_ICC), %g2
    and %l0, %g2, %g2
    st %g2, [%g1 + UPCALL_PSR]
    rd %y, %g2
    st %g2, [%g1 + UPCALL_Y]
    ld [%l4 + FAST_TIMER_SAVED_G], %g2
    st %g2, [%g1 + UPCALL_G]
    ldd [%l4 + FAST_TIMER_SAVED_G + 8], %g2
    std %g2, [%g1 + UPCALL_G + 4]
    std %g4, [%g1 + UPCALL_G + 12]
    std %g6, [%g1 + UPCALL_G + 20]
    std %i0, [%g1 + UPCALL_O + 0]
    std %i2, [%g1 + UPCALL_O + 8]
    std %i4, [%g1 + UPCALL_O + 16]
    std %i6, [%g1 + UPCALL_O + 24]
    /* The handler: %o0 = the frame, %sp below its save area. */
    mov %g1, %i0
    sub %g1, UPCALL_STACK_FRAME, %i6
    /* vtimer_expire()'s usual case (%g1-%g3, %l1-%l3, %l6 and %l7 free
     * from here): a one-shot timer disarmed and the record used up; a
     * periodic one a period on, and the record's deadline with it, and
     * while the next period's deadline is before the run's end the record
     * stays: fire = limit, limit = min(limit + period, end), in ticks from
     * the same clock reading (all under 2^31: prepare's bound on the end). */
    ld [%l4 + FAST_TIMER_PERIOD], %l6
    sethi %hi(fast_timer), %l7
    tst %l6
    bz,a 3f
     st %g0, [%l7 + %lo(fast_timer)] /* (one-shot only) fast_timer.part: used up */
    or %l7, %lo(fast_timer), %l7
    ldd [%l7 + FAST_PERIOD_NS], %g2
    ldd [%l5 + PART_WALL_DEADLINE], %l2
    addcc %l3, %g3, %l3
    addx %l2, %g2, %l2
    std %l2, [%l5 + PART_WALL_DEADLINE]
    ldd [%l7 + FAST_DEADLINE_NS], %l2
    addcc %l3, %g3, %l3
    addx %l2, %g2, %l2
    std %l2, [%l7 + FAST_DEADLINE_NS]
    ld [%l4 + FAST_TIMER_LIMIT], %l2
    ld [%l4 + FAST_TIMER_END], %l3
    cmp %l2, %l3
    bgeu,a 4f                   /* the run's end next: used up */
     st %g0, [%l7]
    st %l2, [%l4 + FAST_TIMER_FIRE]
    add %l2, %l6, %g2
    cmp %g2, %l3
    bgu,a 2f
     mov %l3, %g2                /* (only if taken) the end first */
2:  st %g2, [%l4 + FAST_TIMER_LIMIT]
    sub %g2, %l2, %g3           /* how far the limit moved */
    ldd [%l4 + FAST_TIMER_LIMIT_TICK], %l2
    addcc %l3, %g3, %l3
    addx %l2, %g0, %l2
    b 4f
     std %l2, [%l4 + FAST_TIMER_LIMIT_TICK]
3:  st %g0, [%l5 + PART_WALL_ARMED]
4:  ld [%l5 + PART_UPCALL_ENTRY], %l1
    add %l1, 4, %l2
    ld [%l4 + FAST_TIMER_SAVED_G], %g1
    ldd [%l4 + FAST_TIMER_SAVED_G + 8], %g2
    sethi %hi(MMIO_VA + 0x204), %l3
    ld [%l3 + %lo(MMIO_VA + 0x204)], %l3
    andcc %l3, 1 << 7, %g0
    bnz window_irq
     nop
    wr %l0, %psr                /* the partition's icc */
    nop
    nop
    nop
    jmp %l1
     rett %l2
/* A frame check failed: the partition's globals back, the full way. */
timer_slow:
    ld [%l4 + FAST_TIMER_SAVED_G], %g1
    ldd [%l4 + FAST_TIMER_SAVED_G + 8], %g2
/* From user mode, as trap_common would find: straight past its tests. */
timer_full:
    b trap_from_user
     mov TT_INTERRUPT(7), %l3
/* From the idle loop, which keeps no state: straight to C (trap.c), past
 * trap_common's tests of where the trap came from and the record of a
 * kernel trap that only a panic would print. */
timer_idle:
    set sparc_timer_idle, %g7
    b enter_kernel
     nop

    .section .note.GNU-stack, "", @progbits
