/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sparc_traps.c's forbidden things, one per partition id from 201 up
 * (sparc_traps.h): bad stacks for the kernel to spill to or fill from,
 * stores into other memory through the kernel's mappings, a trap number
 * nobody serves, FPU state and the upcall entry's checks.
 */
#include <stddef.h>
#include "sparc_traps.h"
#include "tp.h"

/* The current window's %sp aimed at unmapped memory, then calls deeper:
 * the window overflow must spill this window there. */
static void overflow_bad_sp(void)
{
    __asm__ volatile("set 0x50000000, %%sp\n"
                     "1: save %%sp, -96, %%sp\n\t"
                     "b 1b\n\t"
                     " nop" ::
                         : "memory");
}

/* All windows flushed, then %fp aimed at unmapped memory: the restore must
 * fill the caller's window from there. */
static void underflow_bad_fp(void)
{
    __asm__ volatile("ta 3\n\t"
                     "set 0x50000000, %%fp\n\t"
                     "restore\n\t"
                     "nop" ::
                         : "memory");
}

/* A window whose %sp is unmapped, flushed with ta 3. */
static void flush_bad_sp(void)
{
    __asm__ volatile("set 0x50000000, %%sp\n\t"
                     "save %%sp, -96, %%sp\n\t"
                     "ta 3\n\t"
                     "restore" ::
                         : "memory");
}

/* A stack pointer that is not 8-byte aligned (the spill uses std). */
static void misaligned_sp(void)
{
    __asm__ volatile("add %%sp, 4, %%sp\n"
                     "1: save %%sp, -96, %%sp\n\t"
                     "b 1b\n\t"
                     " nop" ::
                         : "memory");
}

/* Bad save areas the window trap fast path (trap_fast.S) must refuse, leaving
 * them to window.c, which stops the partition. Each spills (or fills) the
 * window whose %sp (or the caller's whose %fp) is the address. */
#define OVERFLOW_AT(addr)                                                                          \
    __asm__ volatile("set " #addr ", %%sp\n"                                                       \
                     "1: save %%sp, -96, %%sp\n\t"                                                 \
                     "b 1b\n\t"                                                                    \
                     " nop" ::                                                                     \
                         : "memory")
#define UNDERFLOW_AT(addr)                                                                         \
    __asm__ volatile("ta 3\n\t"                                                                    \
                     "set " #addr ", %%fp\n\t"                                                     \
                     "restore\n\t"                                                                 \
                     "nop" ::                                                                      \
                         : "memory")

/* The kernel's map of RAM (partition F's memory, as below). */
static void overflow_kernel_map(void)
{
    OVERFLOW_AT(0xf1100000);
}

static void underflow_kernel_map(void)
{
    UNDERFLOW_AT(0xf1100000);
}

/* The control page: user read-write, but no area of the partition. */
static void overflow_control_page(void)
{
    OVERFLOW_AT(0xef000800);
}

static void underflow_control_page(void)
{
    UNDERFLOW_AT(0xef000800);
}

/* The partition's own code: readable, not writable. */
static void overflow_read_only(void)
{
    OVERFLOW_AT(0x40008000);
}

/* The last 32 bytes of the data area: the save area crosses into the
 * unmapped page after it. */
static void overflow_crossing(void)
{
    OVERFLOW_AT(0x4010ffe0);
}

/* 4-byte aligned, not 8. */
static void underflow_misaligned(void)
{
    UNDERFLOW_AT(0x40100004);
}

/* A flush that must write nothing (issue 17): the windows the flush would
 * spill first have good save areas in a page shared with an observer (T21),
 * an older one's is unmapped. The trap table's walk checks every save area
 * before it stores one, window.c's flush too: the good areas must keep the
 * pattern written into them. */
#define SHARE_VA     0x40200000u
#define SHARE_READY  0                         /* word: set just before the flush */
#define SAVE_AREA(k) (SHARE_VA + 0x100u * (k)) /* k = 1, 2, 3 */
#define SAVE_WORDS   16u                       /* a 64-byte save area */
#define SAVE_PATTERN 0x5a5a5a5au

static void flush_partly_bad(void)
{
    volatile uint32_t *share = (volatile uint32_t *)SHARE_VA;

    for (uint32_t k = 1; k <= 3; k++) {
        for (uint32_t w = 0; w < SAVE_WORDS; w++) {
            share[(SAVE_AREA(k) - SHARE_VA) / 4 + w] = SAVE_PATTERN;
        }
    }
    share[SHARE_READY] = 1;
    /* Only the current window valid; it gets the bad %sp and becomes the
     * oldest of four: save areas bad, area 1, area 2, then the current
     * window's (area 3: it stays in the registers). Locals and ins differ
     * from the pattern (%i6 is the older window's %sp). */
    __asm__ volatile("ta 3\n\t"
                     "mov %0, %%g2\n\t"
                     "mov %1, %%g3\n\t"
                     "mov %2, %%g4\n\t"
                     "set 0x50000000, %%sp\n\t"
                     "save %%g2, 0, %%sp\n\t"
                     "save %%g3, 0, %%sp\n\t"
                     "save %%g4, 0, %%sp\n\t"
                     "ta 3\n\t"
                     "nop"
                     :
                     : "r"(SAVE_AREA(1)), "r"(SAVE_AREA(2)), "r"(SAVE_AREA(3))
                     : "g2", "g3", "g4", "memory");
}

/* T21 (the share read-only): once T20 has tried its flush, the bytes of
 * the two good save areas that no longer hold the pattern (0 = nothing
 * written). */
static int32_t flush_partly_bad_observed(void)
{
    const volatile uint32_t *share = (const volatile uint32_t *)SHARE_VA;
    int32_t changed = 0;

    for (uint32_t tries = 0; !share[SHARE_READY]; tries++) {
        if (tries == 1000) {
            return -1;
        } else {
            pv_idle();
        }
    }
    pv_idle(); /* T20's window, where it flushed, has ended */
    for (uint32_t k = 1; k <= 2; k++) {
        for (uint32_t w = 0; w < SAVE_WORDS; w++) {
            changed += 4 * (share[(SAVE_AREA(k) - SHARE_VA) / 4 + w] != SAVE_PATTERN);
        }
    }
    return changed;
}

/* Partition F's first area through the kernel's map of RAM (0xf0000000 +
 * its offset in RAM): supervisor-only pages. */
static void store_other_kernel_map(void)
{
    *(volatile uint32_t *)0xf1100000 = 0xdeadbeef;
}

/* The same memory by its physical address: not mapped for a partition. */
static void store_other_physical(void)
{
    *(volatile uint32_t *)0x41100000 = 0xdeadbeef;
}

/* The UART through the kernel's MMIO window. */
static void store_kernel_mmio(void)
{
    *(volatile uint32_t *)0xff000100 = 'X';
}

static void do_ta_7f(void)
{
    __asm__ volatile("ta 0x7f");
}

static void store_control_page_of_kernel(void)
{
    /* The page after the control page belongs to the kernel's map. */
    *(volatile uint32_t *)(PV_SHARED_VA + 0x1000) = 1;
}

/* An upcall entry that is not 4-byte aligned: the kernel must refuse it,
 * since the upcall would resume the partition with `jmp; rett` to it, and
 * a misaligned jmp with traps off stops the CPU. If it is accepted, an
 * upcall is made to come. */
static int32_t upcall_entry_misaligned(void)
{
    int32_t r = pv_upcall_set((void (*)(void))((uintptr_t)pv_upcall_entry + 2));
    uint64_t until;

    if (r) {
        return r;
    }
    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 5 * US, 0);
    pv_irq_enable();
    until = pv_clock_ns() + 50 * US;
    while (pv_clock_ns() < until) {
        ;
    }
    return 0;
}

/* An upcall frame whose pc and npc are aligned when upcall_return checks
 * them, but which the flush that upcall_return does first overwrites: the
 * caller's older window is made to spill onto the frame (its save area is
 * the current window's %fp), with %l1/%l2 - pc/npc there - misaligned. The
 * kernel must take pc/npc from the frame as it is after the flush. */
static uint64_t fake_stack[32] __attribute__((aligned(8)));

static int32_t upcall_return_flush_overwrites(void)
{
    /* The frame 96 bytes up: the interrupted window's save area below it. */
    struct pv_upcall_frame *frame = (struct pv_upcall_frame *)&fake_stack[12];
    uint32_t bad = 0x40000002;
    int32_t r;

    frame->pc = (uint32_t)(uintptr_t)pv_upcall_entry;
    frame->npc = frame->pc + 4;
    frame->o[6] = (uint32_t)(uintptr_t)&fake_stack[0];
    __asm__ volatile("mov %1, %%l1\n\t"
                     "mov %1, %%l2\n\t"
                     "mov %2, %%g2\n\t"
                     "save %%sp, -96, %%sp\n\t"
                     "mov %%g2, %%fp\n\t" /* the older window spills onto the frame */
                     "mov %%g2, %%o0\n\t"
                     "mov 5, %%g1\n\t" /* PV_HC_UPCALL_RETURN */
                     "ta 0x40\n\t"
                     "restore %%o0, %%g0, %%g3\n\t" /* refilled from the frame */
                     "mov %%g3, %0"
                     : "=r"(r)
                     : "r"(bad), "r"(frame)
                     : "g1", "g2", "g3", "l1", "l2", "memory");
    return r;
}

/* With the division-by-zero trap enabled in %fsr, divide by zero: the FPU
 * raises an IEEE exception (%fsr.ftt = 1) and the partition is stopped. */
static void fp_exception(void)
{
    static const uint32_t fsr_dzm = 1u << 24, one = 0x3f800000u, zero = 0;

    __asm__ volatile("ld [%0], %%fsr\n\t"
                     "ld [%1], %%f0\n\t"
                     "ld [%2], %%f1\n\t"
                     "fdivs %%f0, %%f1, %%f2\n\t"
                     "fmovs %%f2, %%f2" ::"r"(&fsr_dzm),
                     "r"(&one), "r"(&zero)
                     : "memory");
}

/* The first FPU instruction of a partition reads %fsr: all of it must be
 * its own (zero), nothing left by the previous owner - such as the trap
 * type of its last exception. The version field (19:17) is the FPU's. */
static int32_t fsr_first_use(void)
{
    static uint32_t fsr;

    __asm__ volatile("st %%fsr, [%0]" ::"r"(&fsr) : "memory");
    return (int32_t)(fsr & ~0x000e0000u);
}

const struct sparc_traps_action sparc_traps_actions[] = {
    {"overflow with a bad stack pointer", overflow_bad_sp, NULL},
    {"underflow with a bad frame pointer", underflow_bad_fp, NULL},
    {"flush with a bad stack pointer", flush_bad_sp, NULL},
    {"misaligned stack pointer", misaligned_sp, NULL},
    {"store through the kernel's map of RAM", store_other_kernel_map, NULL},
    {"store to another partition's physical address", store_other_physical, NULL},
    {"store to the kernel's UART mapping", store_kernel_mmio, NULL},
    {"ta 0x7f", do_ta_7f, NULL},
    {"store next to the control page", store_control_page_of_kernel, NULL},
    {"misaligned upcall entry", NULL, upcall_entry_misaligned},
    {"upcall frame overwritten by the return's own flush", NULL, upcall_return_flush_overwrites},
    {"fp exception", fp_exception, NULL},
    {"fsr at first FPU use", NULL, fsr_first_use},
    {"overflow into the kernel's map", overflow_kernel_map, NULL},
    {"underflow from the kernel's map", underflow_kernel_map, NULL},
    {"overflow into the control page", overflow_control_page, NULL},
    {"underflow from the control page", underflow_control_page, NULL},
    {"overflow into read-only code", overflow_read_only, NULL},
    {"overflow crossing into an unmapped page", overflow_crossing, NULL},
    {"underflow from a misaligned frame pointer", underflow_misaligned, NULL},
    {"flush: younger save areas good, the oldest bad", flush_partly_bad, NULL},
    {"save areas of that flush's good windows, bytes written", NULL, flush_partly_bad_observed},
};
const uint32_t sparc_traps_num_actions =
    sizeof(sparc_traps_actions) / sizeof(sparc_traps_actions[0]);
