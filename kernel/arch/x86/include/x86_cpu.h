/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The state of each processor the x86 kernel starts besides the boot CPU
 * (an application processor, AP): one block per AP, sized by the
 * configuration (arch_state.h, ARCH_CPU_STATE_DEFINE). A block is its
 * CPU's kernel stack with the CPU's own descriptors and timer state above
 * it, aligned to its size: code running on an AP finds its block from the
 * stack pointer (x86_this_ap), with no segment register to load and no
 * local APIC read on any entry path (docs/architecture.md, "Multicore").
 */
#ifndef TESSERA_X86_CPU_H
#define TESSERA_X86_CPU_H

#include <stdint.h>

#define X86_CPU_BLOCK   16384u /* bytes, a power of two */
#define X86_GDT_ENTRIES 9u     /* null, 4 flat segments, TSS, 3 fault-task TSSs (desc.c) */
#define X86_TSS_BYTES   104u   /* a 32-bit TSS without I/O bitmap */

struct x86_cpu_state {
    uint64_t gdt[X86_GDT_ENTRIES];
    uint32_t tss[X86_TSS_BYTES / 4];
    uint32_t index;       /* 1 .. cfg_system.num_cpus - 1 */
    uint32_t apic_id;     /* its local APIC id */
    volatile uint32_t up; /* set by the AP once it runs on its own descriptors and timer */
    uint32_t reserved;
    /* The frame grid the AP's timer follows (smp.c). */
    uint64_t next_frame;  /* the frame start the timer is armed for, ns */
    uint64_t frames;      /* frame starts taken */
    uint64_t min_late_ns; /* the earliest and latest the timer interrupt came */
    uint64_t max_late_ns; /* after a frame start */
};

struct x86_cpu {
    uint8_t stack[X86_CPU_BLOCK - sizeof(struct x86_cpu_state)];
    struct x86_cpu_state s;
} __attribute__((aligned(X86_CPU_BLOCK)));

_Static_assert(sizeof(struct x86_cpu) == X86_CPU_BLOCK, "an AP's block is one aligned block");

/* The APs' blocks: x86_aps[i - 1] is CPU i's. */
extern struct x86_cpu x86_aps[];
extern const uint32_t x86_num_aps;

/* The block of the AP this runs on (only on an AP: the boot CPU's stacks
 * are not in a block). */
static inline struct x86_cpu *x86_this_ap(void)
{
    uint32_t sp;

    __asm__("mov %%esp, %0" : "=r"(sp));
    return (struct x86_cpu *)(uintptr_t)(sp & ~(X86_CPU_BLOCK - 1));
}

#endif
