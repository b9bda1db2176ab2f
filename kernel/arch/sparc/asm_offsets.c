/* SPDX-License-Identifier: BSD-2-Clause */
/* The offsets entry.S uses (kernel/core/include/asm_offset.h says how they
 * get there). Compiled to assembly only, never linked. */
#include "arch_types.h"
#include "asm_offset.h"
#include "asm_offsets_fast.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/arch.h"
#include "pv/shared.h"
#include "sparc.h"
#include "timer_fast.h"

/* sparc_resume_user finds window n's save slot with a shift by 6. */
_Static_assert(sizeof(struct sparc_window) == 64, "entry.S: sll 6");
_Static_assert(offsetof(struct sparc_clock, ticks) % 8 == 0, "trap_fast.S: ldd");
/* upcall_fast loads %g2-%g7 and %o0-%o7 with ldd from an 8-aligned frame. */
_Static_assert(offsetof(struct pv_upcall_frame, g) % 8 == 4, "trap_fast.S: ldd of g[1]");
_Static_assert(offsetof(struct pv_upcall_frame, o) % 8 == 0, "trap_fast.S: ldd of o");
/* timer_fast stores %g2-%g7 and %o0-%o7 with std, and ldd/std the record. */
_Static_assert(offsetof(struct sparc_fast_timer, limit_tick) % 8 == 0, "timer_entry.S: ldd");
/* A served periodic tick moves the timer's and the record's deadline on
 * with ldd/std. */
_Static_assert(offsetof(struct partition, timers[PV_CLOCK_WALL].deadline) % 8 == 0,
               "timer_entry.S: ldd deadline");
_Static_assert(offsetof(struct fast_timer_record, deadline_ns) % 8 == 0 &&
                   offsetof(struct fast_timer_record, period_ns) % 8 == 0,
               "timer_entry.S: ldd the record");
_Static_assert(offsetof(struct fast_timer_record, part) == 0, "timer_entry.S: ld fast_timer");
_Static_assert(offsetof(struct sparc_fast_timer, saved_g) % 8 == 0, "timer_entry.S: std %g2");
_Static_assert(sizeof(((struct vtimer *)0)->armed) == 4, "timer_entry.S: st armed");

void asm_offsets(void);

void asm_offsets(void)
{
    /* The partition's trap frame (struct sparc_frame). */
    ASM_OFFSET(FRAME_PSR, offsetof(struct sparc_frame, psr));
    ASM_OFFSET(FRAME_PC, offsetof(struct sparc_frame, pc));
    ASM_OFFSET(FRAME_NPC, offsetof(struct sparc_frame, npc));
    ASM_OFFSET(FRAME_Y, offsetof(struct sparc_frame, y));
    ASM_OFFSET(FRAME_TT, offsetof(struct sparc_frame, tt));
    ASM_OFFSET(FRAME_NWIN, offsetof(struct sparc_frame, nwin));
    ASM_OFFSET(FRAME_G, offsetof(struct sparc_frame, g));
    ASM_OFFSET(FRAME_O, offsetof(struct sparc_frame, o));
    ASM_OFFSET(FRAME_WIN, offsetof(struct sparc_frame, win));
    /* One saved register window of the frame's win[]. */
    ASM_OFFSET(WINDOW_L, offsetof(struct sparc_window, l));
    ASM_OFFSET(WINDOW_I, offsetof(struct sparc_window, i));
    ASM_OFFSET(WINDOW_SIZE, sizeof(struct sparc_window));
    /* The null hypercall fast path's offsets; SHARED_KERNEL_ENTRIES also
     * for the window traps, which count entries (at SHARED_VA). */
    ASM_OFFSETS_NULL_HCALL();
    /* The upcall return fast path: its number, the frame, the save area. */
    ASM_OFFSET(HC_UPCALL_RETURN, PV_HC_UPCALL_RETURN);
    ASM_OFFSET(UPCALL_PC, offsetof(struct pv_upcall_frame, pc));
    ASM_OFFSET(UPCALL_NPC, offsetof(struct pv_upcall_frame, npc));
    ASM_OFFSET(UPCALL_PSR, offsetof(struct pv_upcall_frame, psr));
    ASM_OFFSET(UPCALL_Y, offsetof(struct pv_upcall_frame, y));
    ASM_OFFSET(UPCALL_G, offsetof(struct pv_upcall_frame, g));
    ASM_OFFSET(UPCALL_O, offsetof(struct pv_upcall_frame, o));
    ASM_OFFSET(UPCALL_FRAME_SIZE, sizeof(struct pv_upcall_frame));
    ASM_OFFSET(UPCALL_STACK_FRAME, PV_UPCALL_STACK_FRAME);
    /* The kernel's clock, which the pv clock trap reads (ldd: 8-aligned). */
    ASM_OFFSET(SPARC_CLOCK_LAST_COUNT, offsetof(struct sparc_clock, last_count));
    ASM_OFFSET(SPARC_CLOCK_TICKS, offsetof(struct sparc_clock, ticks));
    /* The timer interrupt fast path: its record, the partition's wall-clock
     * timer and upcall entry, the control page's expiration count. */
    ASM_OFFSET(FAST_TIMER_LAST_COUNT, offsetof(struct sparc_fast_timer, last_count));
    ASM_OFFSET(FAST_TIMER_FIRE, offsetof(struct sparc_fast_timer, fire_ticks));
    ASM_OFFSET(FAST_TIMER_END, offsetof(struct sparc_fast_timer, end_ticks));
    ASM_OFFSET(FAST_TIMER_LIMIT, offsetof(struct sparc_fast_timer, limit_ticks));
    ASM_OFFSET(FAST_TIMER_PERIOD, offsetof(struct sparc_fast_timer, period_ticks));
    ASM_OFFSET(FAST_TIMER_LIMIT_TICK, offsetof(struct sparc_fast_timer, limit_tick));
    ASM_OFFSET(FAST_DEADLINE_NS, offsetof(struct fast_timer_record, deadline_ns));
    ASM_OFFSET(FAST_PERIOD_NS, offsetof(struct fast_timer_record, period_ns));
    ASM_OFFSET(PART_WALL_DEADLINE, offsetof(struct partition, timers[PV_CLOCK_WALL].deadline));
    ASM_OFFSET(FAST_TIMER_SAVED_G, offsetof(struct sparc_fast_timer, saved_g));
    ASM_OFFSET(PART_WALL_ARMED, offsetof(struct partition, timers[PV_CLOCK_WALL].armed));
    ASM_OFFSET(PART_UPCALL_ENTRY, offsetof(struct partition, upcall_entry));
    ASM_OFFSET(SHARED_WALL_EXPIRATIONS,
               offsetof(struct pv_shared, timer_expirations[PV_CLOCK_WALL]));
    ASM_OFFSET(IRQ_TIMER_BIT, 1u << PV_IRQ_TIMER);
    ASM_OFFSET(UPCALL_LINES, offsetof(struct pv_upcall_frame, lines));
}
