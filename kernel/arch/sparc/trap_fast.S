/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The partition traps served in the trap window, without a kernel entry,
 * when the partition's stack, frame and state are plainly good (issue 17,
 * docs/architecture.md "SPARC/LEON3"): window overflow and underflow, the
 * window flush (ta 3), the null hypercall and the upcall return (ta 0x40),
 * the pv clock (ta 0x43); the timer interrupt's in timer_entry.S. The trap table (entry.S) jumps here; anything not
 * served goes on to entry.S's trap_common, the full entry.
 */
#include "asm_offsets.h" /* SHARED_*, PART_*, HC_*, UPCALL_*, SPARC_CLOCK_* */
#include "sparc.h"
#include "sparc_probe.inc"

#define HCALL_TT 0xc0 /* ta 0x40 */

    .text
/*
 * A partition's window overflow and underflow, without entering the
 * kernel: the common case of a program calling and returning deeper than
 * the register file. %l0 = PSR, %l1 = PC, %l2 = nPC, icc says whether the
 * trap came from the kernel; traps are off. The trap window's locals are
 * free; the partition's %g1 is kept in %l5 and is the only register used
 * in the window that is spilled or filled.
 *
 * The save area (64 bytes at the window's %sp) is only used if it is
 * 8-byte aligned, lies below the control page (so never in the control
 * page nor in the kernel's mappings), lies in one 4 KiB page, and the
 * SRMMU's probe of that page in the partition's context (the one
 * installed) finds a PTE whose ACC lets user mode store (overflow) or load
 * (underflow) - exactly the pages of the partition's areas with "w" (or
 * any of its areas, all of which are readable), the same memory uaccess
 * would accept in window.c. Supervisor access to such a page cannot fault,
 * so nothing here can trap with traps off. Anything else (including a save
 * area that crosses a page, which uaccess would accept only within one
 * area) puts everything back as the trap found it and goes to
 * trap_common: the full kernel entry and window.c, which decide and report
 * as before. A served trap still counts as a kernel entry: the control
 * page's kernel_entries (at SHARED_VA, mapped in the partition's context)
 * is incremented, as kernel_note_entry() would.
 */
    .global window_overflow
window_overflow:
    bnz kernel_overflow
     rd %wim, %l3
    mov %g1, %l5
    srl %l3, 1, %l4
    sll %l3, 7, %l6
    or %l4, %l6, %l4
    and %l4, 0xff, %l4          /* the new mark: the window to spill */
    wr %g0, %wim
    nop
    nop
    nop
    save                        /* into the oldest window, to spill */
    andcc %sp, 7, %g0
    bnz overflow_slow
     sethi %hi(SHARED_VA), %g1
    cmp %sp, %g1
    bgeu overflow_slow
     and %sp, 0xfff, %g1
    cmp %g1, 0x1000 - 64
    bgu overflow_slow
     andn %sp, 0xfff, %g1
    user_page_probe %g1, PTE_USER_W_MASK, PTE_USER_W_MATCH, overflow_slow
     nop
    std %l0, [%sp + 0]
    std %l2, [%sp + 8]
    std %l4, [%sp + 16]
    std %l6, [%sp + 24]
    std %i0, [%sp + 32]
    std %i2, [%sp + 40]
    std %i4, [%sp + 48]
    std %i6, [%sp + 56]
    restore                     /* the trap window */
    wr %l4, %wim
    b window_done
     mov %l5, %g1
overflow_slow:
    restore
    wr %l3, %wim                /* as it was: trap_common reads it */
    mov %l5, %g1
    b trap_common
     mov TT_WINDOW_OVERFLOW << 4, %l3

    .global window_underflow
window_underflow:
    bnz kernel_underflow
     rd %wim, %l3
    mov %g1, %l5
    sll %l3, 1, %l4
    srl %l3, 7, %l6
    or %l4, %l6, %l4
    and %l4, 0xff, %l4          /* the new mark: beyond the window to fill */
    wr %l4, %wim
    nop
    nop
    nop
    restore                     /* the partition's current window */
    restore                     /* the one its restore wanted, to fill */
    andcc %sp, 7, %g0
    bnz underflow_slow
     sethi %hi(SHARED_VA), %g1
    cmp %sp, %g1
    bgeu underflow_slow
     and %sp, 0xfff, %g1
    cmp %g1, 0x1000 - 64
    bgu underflow_slow
     andn %sp, 0xfff, %g1
    user_page_probe %g1, PTE_USER_R_MASK, PTE_USER_R_MATCH, underflow_slow
     nop
    ldd [%sp + 0], %l0
    ldd [%sp + 8], %l2
    ldd [%sp + 16], %l4
    ldd [%sp + 24], %l6
    ldd [%sp + 32], %i0
    ldd [%sp + 40], %i2
    ldd [%sp + 48], %i4
    ldd [%sp + 56], %i6
    save
    save                        /* the trap window */
    b window_done
     mov %l5, %g1
underflow_slow:
    save
    save
    wr %l3, %wim
    mov %l5, %g1
    b trap_common
     mov TT_WINDOW_UNDERFLOW << 4, %l3

/* Served: count the kernel entry, put the partition's icc back (the checks
 * changed them) and let its save or restore run again. */
window_done:
    sethi %hi(MMIO_VA + 0x204), %l3
    ld [%l3 + %lo(MMIO_VA + 0x204)], %l3
    andcc %l3, 1 << 7, %g0
    bnz window_irq
     nop
    sethi %hi(SHARED_VA + SHARED_KERNEL_ENTRIES), %l3
    ld [%l3 + %lo(SHARED_VA + SHARED_KERNEL_ENTRIES)], %l4
    add %l4, 1, %l4
    st %l4, [%l3 + %lo(SHARED_VA + SHARED_KERNEL_ENTRIES)]
    wr %l0, %psr
    nop
    nop
    nop
    jmp %l1
     rett %l2

/*
 * The walk of flush_fast and upcall_fast, in the trap window T of a trap
 * from user mode: %l0 = PSR, %l3 = WIM. Saves the partition's %g1-%g4 in
 * %l4-%l7 and walks, window traps off, from the partition's current window
 * (T + 1, which stays) through every older valid one up to the invalid
 * mark. The first pass checks each save area as window_overflow does
 * (8-aligned, below the control page, in one page, user-writable by an
 * MMU probe of the partition's context) and goes to \slow, from whatever
 * window, at the first that is not plainly good - nothing stored yet; %g4
 * holds the trap's PSR, whose CWP leads back to T. The second pass stores
 * them, oldest first. So, as window.c's flush, it writes all or nothing.
 * It ends in T with the mark on T + 2 (only the current window valid) and
 * %g1-%g4 clobbered.
 */
    .macro spill_older_windows slow
    mov %g1, %l4
    mov %g2, %l5
    mov %g3, %l6
    mov %g4, %l7
    mov %l0, %g4
    mov %l3, %g2                /* the invalid window ends the walk */
    mov 0, %g3                  /* windows to spill */
    wr %g0, %wim                /* no window traps while we walk */
    nop
    nop
    nop
    restore                     /* the partition's current window: stays */
1:  restore                     /* the next older one */
    rd %psr, %g1
    and %g1, PSR_CWP, %g1
    srl %g2, %g1, %g1
    andcc %g1, 1, %g0
    bnz 2f
     andcc %sp, 7, %g0
    bnz \slow
     sethi %hi(SHARED_VA), %g1
    cmp %sp, %g1
    bgeu \slow
     and %sp, 0xfff, %g1
    cmp %g1, 0x1000 - 64
    bgu \slow
     andn %sp, 0xfff, %g1
    user_page_probe %g1, PTE_USER_W_MASK, PTE_USER_W_MATCH, \slow
     nop
    b 1b
     add %g3, 1, %g3
    /* At the mark, every save area plainly good: spill, oldest first. */
2:  tst %g3
    bz 4f
     nop
3:  save
    std %l0, [%sp + 0]
    std %l2, [%sp + 8]
    std %l4, [%sp + 16]
    std %l6, [%sp + 24]
    std %i0, [%sp + 32]
    std %i2, [%sp + 40]
    std %i4, [%sp + 48]
    std %i6, [%sp + 56]
    subcc %g3, 1, %g3
    bnz 3b
     nop
4:  wr %g4, %psr                /* the trap window */
    nop
    nop
    nop
    and %l0, PSR_CWP, %g1       /* the mark: current window (trap's + 1) + 1 */
    add %g1, 2, %g1
    and %g1, 7, %g1             /* 8 windows, as the 0xff masks above */
    mov 1, %g2
    sll %g2, %g1, %g2
    wr %g2, %wim
    .endm

/*
 * A partition's window flush (`ta 3`: every window older than the current
 * one to its stack, then only the current one valid), without entering
 * the kernel: the thread switch of a SPARC RTOS does one per switch. The
 * walk (spill_older_windows) checks every save area first; any not plainly
 * good puts everything back as the trap found it and goes to trap_common
 * (window.c decides and reports). Served, the entry is counted in
 * kernel_entries as a served window trap is, and the partition continues
 * past the `ta` with its %g1-%g4 and its icc (the checks changed them)
 * from the trap's PSR. %l0 = PSR, %l1 = PC, %l2 = nPC; icc says whether
 * the trap came from the kernel.
 */
    .global flush_fast
flush_fast:
    bnz flush_full
     rd %wim, %l3
    spill_older_windows flush_slow
    mov %l4, %g1
    mov %l5, %g2
    mov %l6, %g3
    mov %l7, %g4
    sethi %hi(MMIO_VA + 0x204), %l3
    ld [%l3 + %lo(MMIO_VA + 0x204)], %l3
    andcc %l3, 1 << 7, %g0
    bnz flush_irq
     nop
    sethi %hi(SHARED_VA + SHARED_KERNEL_ENTRIES), %l3
    ld [%l3 + %lo(SHARED_VA + SHARED_KERNEL_ENTRIES)], %l4
    add %l4, 1, %l4
    st %l4, [%l3 + %lo(SHARED_VA + SHARED_KERNEL_ENTRIES)]
    wr %l0, %psr                /* the partition's icc */
    nop
    nop
    nop
    jmp %l2
     rett %l2 + 4
/* Served, but the schedule interrupt is pending (see hcall_fast): take it
 * as an interrupt right past the `ta`. */
flush_irq:
    mov %l2, %l1
    add %l2, 4, %l2
    b trap_common
     mov 0x17 << 4, %l3
/* Somewhere in the walk, nothing stored: back to the trap window. */
flush_slow:
    wr %g4, %psr
    nop
    nop
    nop
    wr %l3, %wim                /* as it was: trap_common reads it */
    mov %l4, %g1
    mov %l5, %g2
    mov %l6, %g3
    mov %l7, %g4
flush_full:
    b trap_common
     mov TT_FLUSH_WINDOWS << 4, %l3

/*
 * The null hypercall (PV_HC_IRQ_SYNC with nothing to deliver) from a
 * partition when the last full exit allowed it (kernel_fast_exit_partition,
 * kernel.h): count the entry, %o0 = PV_OK, return past the `ta`, in the
 * trap window's locals alone - no window is saved or touched. As the window
 * trap fast path does, a pending schedule interrupt (IRQMP line 7) sends it
 * the full way, which runs the timer before it returns. docs/performance.md
 * ("Fast paths") says why each skip is safe. %l0 = PSR, %l1 = PC, %l2 =
 * nPC; icc says whether it came from supervisor mode.
 */
    .global hcall_fast
hcall_fast:
    bnz hcall_full
     cmp %g1, HC_IRQ_SYNC
    bne upcall_fast
     sethi %hi(kernel_fast_exit_partition), %l4
    ld [%l4 + %lo(kernel_fast_exit_partition)], %l4
    tst %l4
    bz hcall_full
     nop
    /* Output queued (a drain to do) or a port copy under way: full path. */
    ld [%l4 + PART_CONSOLE_LEN], %l5
    ld [%l4 + PART_PORT_CALL], %l6
    orcc %l5, %l6, %g0
    bnz hcall_full
     ld [%l4 + PART_SHARED], %l4
    /* Deliverable: upcalls enabled (irq_level 0) and pending & ~mask. */
    ld [%l4 + SHARED_IRQ_LEVEL], %l5
    tst %l5
    bnz 1f
     nop
    ld [%l4 + SHARED_IRQ_MASK], %l5
    ld [%l4 + SHARED_IRQ_PENDING], %l6
    andncc %l6, %l5, %g0
    bnz hcall_full
     nop
1:  sethi %hi(MMIO_VA + 0x204), %l5
    ld [%l5 + %lo(MMIO_VA + 0x204)], %l5
    andcc %l5, 1 << 7, %g0
    bnz hcall_full
     nop
    ld [%l4 + SHARED_KERNEL_ENTRIES], %l5
    add %l5, 1, %l5
    st %l5, [%l4 + SHARED_KERNEL_ENTRIES]
    mov 0, %i0 /* PV_OK in the caller's %o0 */
    wr %l0, %psr /* the caller's icc */
    nop
    nop
    nop
    jmp %l2
     rett %l2 + 4
hcall_full:
    b trap_common
     rd %tbr, %l3

/*
 * PV_HC_UPCALL_RETURN(frame) from a partition, when the last full exit
 * allowed the null hypercall's fast path (the same conditions: the running
 * partition published, no console output queued, no port copy) and
 * nothing will be deliverable once upcalls are enabled again: what
 * arch_upcall_pop() (upcall.c) does, in the trap window. The frame with
 * the 96 bytes below it must lie in one page the partition may read
 * (8-aligned, below the control page: an MMU probe), else the full path
 * decides; then every window older than the caller's goes to its stack
 * (spill_older_windows, all or nothing, else the full path); then the
 * frame is read - after the flush, which may write into it - and a pc or
 * npc that is not 4-byte aligned goes the full way too (which refuses
 * it, the flush already done either way). The caller's window becomes the
 * interrupted one: its locals and ins from the save area at frame - 96,
 * its outs (the trap window's ins) from the frame, and %g1-%g7, %y, icc,
 * pc and npc; irq_level = 0 and one kernel entry counted in the control
 * page, as the full path would. A schedule interrupt that became pending
 * meanwhile is taken right at the interrupted code (trap_common with the
 * state complete), as window_irq does. docs/performance.md says why the
 * exit path may be skipped.
 */
upcall_fast:
    cmp %g1, HC_UPCALL_RETURN
    bne hcall_full
     nop
    ld [%l4 + %lo(kernel_fast_exit_partition)], %l4
    tst %l4
    bz hcall_full
     nop
    ld [%l4 + PART_CONSOLE_LEN], %l5
    ld [%l4 + PART_PORT_CALL], %l6
    orcc %l5, %l6, %g0
    bnz hcall_full
     ld [%l4 + PART_SHARED], %l4
    /* Upcalls are enabled by the return: a line pending and unmasked
     * would be delivered on the way out. */
    ld [%l4 + SHARED_IRQ_MASK], %l5
    ld [%l4 + SHARED_IRQ_PENDING], %l6
    andncc %l6, %l5, %g0
    bnz hcall_full
     sethi %hi(MMIO_VA + 0x204), %l5
    ld [%l5 + %lo(MMIO_VA + 0x204)], %l5
    andcc %l5, 1 << 7, %g0
    bnz hcall_full
     sub %i0, UPCALL_STACK_FRAME, %l5
    andcc %i0, 7, %g0
    bnz hcall_full
     sethi %hi(SHARED_VA), %l6
    cmp %l5, %l6                /* also frame < 96: wrapped, above */
    bgeu hcall_full
     and %l5, 0xfff, %l6
    cmp %l6, 0x1000 - UPCALL_STACK_FRAME - UPCALL_FRAME_SIZE
    bgu hcall_full
     andn %l5, 0xfff, %l6
    or %l6, MMU_PROBE_ALL, %l6
    lda [%l6] ASI_MMU_FLUSH, %l6
    and %l6, PTE_USER_R_MASK, %l6
    cmp %l6, PTE_USER_R_MATCH
    bne hcall_full
     rd %wim, %l3
    spill_older_windows upcall_slow
    ld [%i0 + UPCALL_PC], %g1
    ld [%i0 + UPCALL_NPC], %g2
    or %g1, %g2, %g3
    andcc %g3, 3, %g0
    bnz upcall_refused
     nop
    mov %g1, %l1
    mov %g2, %l2
    sethi %hi(SHARED_VA), %g2
    st %g0, [%g2 + SHARED_IRQ_LEVEL]
    ld [%g2 + SHARED_KERNEL_ENTRIES], %g3
    add %g3, 1, %g3
    st %g3, [%g2 + SHARED_KERNEL_ENTRIES]
    ld [%i0 + UPCALL_Y], %g2
    wr %g2, %y
    ld [%i0 + UPCALL_PSR], %g2
    sethi %hi(PSR_ICC), %g3
    and %g2, %g3, %g2
    andn %l0, %g3, %l0
    or %l0, %g2, %l0            /* the PSR to return with: the frame's icc */
    mov %i0, %g1
    restore                     /* the caller's window, valid */
    ldd [%g1 - UPCALL_STACK_FRAME + 0], %l0
    ldd [%g1 - UPCALL_STACK_FRAME + 8], %l2
    ldd [%g1 - UPCALL_STACK_FRAME + 16], %l4
    ldd [%g1 - UPCALL_STACK_FRAME + 24], %l6
    ldd [%g1 - UPCALL_STACK_FRAME + 32], %i0
    ldd [%g1 - UPCALL_STACK_FRAME + 40], %i2
    ldd [%g1 - UPCALL_STACK_FRAME + 48], %i4
    ldd [%g1 - UPCALL_STACK_FRAME + 56], %i6
    save                        /* the trap window: its ins are the outs */
    ldd [%g1 + UPCALL_O + 0], %i0
    ldd [%g1 + UPCALL_O + 8], %i2
    ldd [%g1 + UPCALL_O + 16], %i4
    ldd [%g1 + UPCALL_O + 24], %i6
    ldd [%g1 + UPCALL_G + 4], %g2
    ldd [%g1 + UPCALL_G + 12], %g4
    ldd [%g1 + UPCALL_G + 20], %g6
    ld [%g1 + UPCALL_G], %g1
    sethi %hi(MMIO_VA + 0x204), %l3
    ld [%l3 + %lo(MMIO_VA + 0x204)], %l3
    andcc %l3, 1 << 7, %g0
    bnz window_irq
     nop
    wr %l0, %psr
    nop
    nop
    nop
    jmp %l1
     rett %l2
/* Flushed, but the frame's pc or npc is misaligned: the full path
 * refuses it (its flush has nothing left to do). */
upcall_refused:
    mov %l4, %g1
    mov %l5, %g2
    mov %l6, %g3
    mov %l7, %g4
    b trap_common
     mov HCALL_TT << 4, %l3
/* Somewhere in the walk, nothing stored: back to the trap window. */
upcall_slow:
    wr %g4, %psr
    nop
    nop
    nop
    wr %l3, %wim
    mov %l4, %g1
    mov %l5, %g2
    mov %l6, %g3
    mov %l7, %g4
    b trap_common
     mov HCALL_TT << 4, %l3

/*
 * The pv clock, `ta 0x43` (docs/pv-api.md, SPARC binding): the kernel's
 * wall clock in GPTIMER ticks since boot, 64 bits, in the caller's %o0
 * (high) and %o1 (low) - the trap window's %i0 and %i1. LEON3 under QEMU
 * has no counter user mode may read (the GPTIMER shares its page with the
 * UART's receive register), so this is the nearest thing: served here in
 * the trap window's locals, not a kernel entry (kernel_entries is not
 * counted), touching no other register, no PSR bit (so no cc-setting
 * instruction: the carry is worked out by hand) and no kernel state. The
 * 32-bit down-counter is extended as now_ticks() (time.c) does, from the
 * kernel's own last reading, without storing it: the kernel reads the
 * counter at least every 2^31 ticks (arch_timer_arm), so the ticks since
 * then fit in 32 bits. The guest scales by the control page's counter_mult
 * (25 ns per tick). Exactly the clock PV_HC_TIME_GET returns, which is
 * all it tells. %l5 = the counter (read in the trap table).
 */
    .global clock_fast
clock_fast:
    sethi %hi(sparc_clock), %l4
    or %l4, %lo(sparc_clock), %l4
    ld [%l4 + SPARC_CLOCK_LAST_COUNT], %l6
    ldd [%l4 + SPARC_CLOCK_TICKS], %i0  /* %i0 = high, %i1 = low */
    sub %l6, %l5, %l6                   /* ticks since the kernel's reading */
    add %i1, %l6, %l7
    /* carry = ((a & b) | ((a | b) & ~(a + b))) >> 31 */
    and %i1, %l6, %l3
    or %i1, %l6, %l5
    andn %l5, %l7, %l5
    or %l3, %l5, %l3
    srl %l3, 31, %l3
    add %i0, %l3, %i0
    mov %l7, %i1
    jmp %l2
     rett %l2 + 4

    .section .note.GNU-stack, "", @progbits
