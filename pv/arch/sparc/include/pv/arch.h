/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * SPARC V8 (LEON3) binding of the hypercall trap.
 *
 * A hypercall is `ta 0x40` from user mode: %g1 holds the number, %o0-%o4
 * the arguments in order; the result comes back in %o0. %o1-%o7, %g1-%g7
 * and the register windows are preserved. This is the only arch-specific
 * part of the guest library (docs/pv-api.md).
 */
#ifndef PV_ARCH_SPARC_H
#define PV_ARCH_SPARC_H

#include <stdint.h>
#include <pv/layout.h>
#include <pv/word.h>

#define PV_ARCH_TRAP_NUMBER 0x40 /* ta 0x40: trap type 0xc0 */

/* Where the control page (struct pv_shared) is mapped in every partition:
 * just below the kernel's mappings at 0xf0000000. */
#define PV_SHARED_VA 0xef000000u

/* Bytes the kernel leaves between the upcall frame and the handler's %sp:
 * a minimal SPARC stack frame, whose 64-byte window save area is where the
 * interrupted window spills while the handler runs. */
#define PV_UPCALL_STACK_FRAME 96u

/*
 * The upcall frame. To deliver virtual interrupts the kernel stores this
 * 8-byte aligned below the interrupted %sp (the interrupted function's own
 * save area at %sp stays intact), sets %sp = frame - PV_UPCALL_STACK_FRAME,
 * %o0 = frame, and continues at the registered entry (pc = entry, npc =
 * entry + 4) in the interrupted register window, with virtual interrupts
 * disabled. PV_HC_UPCALL_RETURN(frame) flushes the caller's register
 * windows to their stacks, reloads the interrupted window's locals and ins
 * from the save area at frame - PV_UPCALL_STACK_FRAME and resumes the rest
 * from the frame (of the PSR only the condition codes).
 */
struct pv_upcall_frame {
    uint32_t lines; /* the lines delivered (bit n = line n), already cleared from pending */
    uint32_t pc, npc;
    uint32_t psr; /* only icc (bits 23:20) */
    uint32_t y;
    uint32_t g[7]; /* %g1-%g7 */
    uint32_t o[8]; /* %o0-%o7; o[6] is the interrupted %sp */
};

PV_ASSERT_SIZE(struct pv_upcall_frame, 80);
PV_ASSERT_OFFSET(struct pv_upcall_frame, lines, 0);
PV_ASSERT_OFFSET(struct pv_upcall_frame, pc, 4);
PV_ASSERT_OFFSET(struct pv_upcall_frame, npc, 8);
PV_ASSERT_OFFSET(struct pv_upcall_frame, psr, 12);
PV_ASSERT_OFFSET(struct pv_upcall_frame, y, 16);
PV_ASSERT_OFFSET(struct pv_upcall_frame, g, 20);
PV_ASSERT_OFFSET(struct pv_upcall_frame, o, 48);

/* The pv clock trap: LEON3 has no counter user mode may read, so the
 * kernel serves `ta 0x43` in its trap table, without a kernel entry: the
 * wall clock in GPTIMER ticks since boot in %o0 (high) and %o1 (low),
 * every other register and the condition codes unchanged. The control page
 * publishes the scale (counter_valid = 1, counter_mult = 25 << 32). */
static inline uint64_t pv_arch_counter(void)
{
    register uint32_t hi __asm__("o0");
    register uint32_t lo __asm__("o1");

    __asm__ volatile("ta 0x43" : "=r"(hi), "=r"(lo));
    return (uint64_t)hi << 32 | lo;
}

/* The trap preserves every register but %o0, so only %o0 is clobbered;
 * "memory" because the kernel reads and writes guest buffers. */
static inline int32_t pv_hcall0(pv_word_t nr)
{
    register pv_word_t g1 __asm__("g1") = nr;
    register int32_t o0 __asm__("o0");
    __asm__ volatile("ta 0x40" : "=r"(o0) : "r"(g1) : "memory");
    return o0;
}

static inline int32_t pv_hcall1(pv_word_t nr, pv_word_t a0)
{
    register pv_word_t g1 __asm__("g1") = nr;
    register pv_word_t o0 __asm__("o0") = a0;
    __asm__ volatile("ta 0x40" : "+r"(o0) : "r"(g1) : "memory");
    return (int32_t)o0;
}

static inline int32_t pv_hcall2(pv_word_t nr, pv_word_t a0, pv_word_t a1)
{
    register pv_word_t g1 __asm__("g1") = nr;
    register pv_word_t o0 __asm__("o0") = a0;
    register pv_word_t o1 __asm__("o1") = a1;
    __asm__ volatile("ta 0x40" : "+r"(o0) : "r"(g1), "r"(o1) : "memory");
    return (int32_t)o0;
}

static inline int32_t pv_hcall3(pv_word_t nr, pv_word_t a0, pv_word_t a1, pv_word_t a2)
{
    register pv_word_t g1 __asm__("g1") = nr;
    register pv_word_t o0 __asm__("o0") = a0;
    register pv_word_t o1 __asm__("o1") = a1;
    register pv_word_t o2 __asm__("o2") = a2;
    __asm__ volatile("ta 0x40" : "+r"(o0) : "r"(g1), "r"(o1), "r"(o2) : "memory");
    return (int32_t)o0;
}

static inline int32_t pv_hcall5(pv_word_t nr, pv_word_t a0, pv_word_t a1, pv_word_t a2,
                                pv_word_t a3, pv_word_t a4)
{
    register pv_word_t g1 __asm__("g1") = nr;
    register pv_word_t o0 __asm__("o0") = a0;
    register pv_word_t o1 __asm__("o1") = a1;
    register pv_word_t o2 __asm__("o2") = a2;
    register pv_word_t o3 __asm__("o3") = a3;
    register pv_word_t o4 __asm__("o4") = a4;
    __asm__ volatile("ta 0x40" : "+r"(o0) : "r"(g1), "r"(o1), "r"(o2), "r"(o3), "r"(o4) : "memory");
    return (int32_t)o0;
}

#endif
