/* SPDX-License-Identifier: BSD-2-Clause */
/* x86 (32-bit) types that the arch-neutral kernel embeds. */
#ifndef TESSERA_X86_ARCH_TYPES_H
#define TESSERA_X86_ARCH_TYPES_H

#include <stdint.h>
#include "arch_limits.h"
#include "uaccess_area.h"

#define ARCH_ELF_MACHINE 3 /* EM_386 */
#define ARCH_ELF_DATA    1 /* little-endian */

/* A kernel variable each CPU has its own copy of: the section lies at the
 * same address on every CPU, each CPU's page tables mapping it to that
 * CPU's own pages (mmu.c; docs/architecture.md, "Multicore"). The code
 * that uses it is the same plain absolute access on every CPU. */
#define ARCH_PER_CPU __attribute__((section(".percpu")))

/* The timers the timer interrupt fast path serves (kernel/core/include/
 * timer_fast.h): bit 0 one-shot, bit 1 periodic. x86: both (entry.S). */
#define ARCH_FAST_TIMER_KINDS 3u

/* How long before a window start that follows idle time the kernel starts
 * its entry (kernel.c, "prepared window start"; 0: not at all). More than
 * the longest window-start path: a longer one starts the window late. */
#define ARCH_WINDOW_PREPARE_NS 3000u

/*
 * A trap frame, in the order entry.S and the CPU push it (lowest address
 * first). A partition's saved context is exactly such a frame: while the
 * partition runs, the TSS points the ring-0 stack at the end of its frame,
 * so the next trap saves the user state in place without copying.
 */
struct x86_frame {
    uint32_t gs, fs, es, ds;
    uint32_t edi, esi, ebp, esp_unused, ebx, edx, ecx, eax;
    uint32_t vector, error;
    uint32_t eip, cs, eflags;
    uint32_t esp, ss; /* pushed only on a change of privilege level */
};

/* 512-byte FXSAVE area; must be 16-byte aligned. */
struct x86_fpu_state {
    uint8_t bytes[512];
} __attribute__((aligned(16)));

struct arch_context {
    /* A trap from virtual-8086 mode pushes four more words than a ring-3
     * trap, so its frame begins here, 16 bytes below frame; x86_trap()
     * moves it up into frame. Nothing else lives here. */
    uint32_t v86_spill[4];
    struct x86_frame frame;
    uint32_t fpu_used; /* the partition has FPU state worth keeping */
    /* The read-write area that held the last upcall frame (usually the
     * stack), so that the next frame is checked without a search:
     * virtual start, size (0 = none yet) and kernel address. */
    struct uaccess_area frame_area;
    struct x86_fpu_state fpu;
};

struct arch_space {
    uint32_t *page_directory; /* kernel (identity) address of the directory */
};

/* A hypercall's number and arguments in the saved frame (pv/arch/x86:
 * number and result in eax, arguments 0-4 in ebx, ecx, edx, esi, edi; any
 * larger index reads edi, as the last one), read inline by the core's
 * handlers (arch.h, ARCH_HCALL_INLINE): as calls, the two words of a
 * 64-bit argument cost 30 instructions, inline one load each. */
#define ARCH_HCALL_INLINE 1

static inline uint32_t arch_context_hcall_number(const struct arch_context *c)
{
    return c->frame.eax;
}

static inline void arch_context_hcall_return(struct arch_context *c, int32_t value)
{
    c->frame.eax = (uint32_t)value;
}

static inline uint32_t arch_context_hcall_arg(const struct arch_context *c, unsigned index)
{
    switch (index) {
    case 0:
        return c->frame.ebx;
    case 1:
        return c->frame.ecx;
    case 2:
        return c->frame.edx;
    case 3:
        return c->frame.esi;
    default:
        return c->frame.edi;
    }
}

/* Two words, low first (PV_U64_WORDS = 2 on x86). */
static inline uint64_t arch_context_hcall_arg64(const struct arch_context *c, unsigned index)
{
    return arch_context_hcall_arg(c, index) | (uint64_t)arch_context_hcall_arg(c, index + 1) << 32;
}

#endif
