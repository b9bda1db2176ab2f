/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The state of each processor the x86 kernel starts besides the boot CPU
 * (an application processor, AP): one block per AP, sized by the
 * configuration (arch_state.h, ARCH_CPU_STATE_DEFINE). A block is its
 * CPU's start-up stack with the CPU's own GDT and timer state above it,
 * aligned to its size. Besides it each AP has its pages (x86_cpu_pages):
 * its copy of the kernel's per-CPU section (ARCH_PER_CPU: its schedule,
 * kernel stack, idle stack, TSS...), which its own page tables map at the
 * section's address, so that the kernel's code reaches the CPU's own
 * variables with the same absolute accesses on every CPU: no segment
 * register to load and no local APIC read on any entry path, and nothing
 * added to the boot CPU's (docs/architecture.md, "Multicore").
 */
#ifndef TESSERA_X86_CPU_H
#define TESSERA_X86_CPU_H

#include <stdint.h>

#define X86_CPU_BLOCK   16384u /* bytes, a power of two */
#define X86_GDT_ENTRIES 9u     /* null, 4 flat segments, TSS, 3 fault-task TSSs (desc.c) */
#define X86_TSS_BYTES   104u   /* a 32-bit TSS without I/O bitmap */
/* The per-CPU section's largest size (linker.ld's .percpu; checked at
 * boot, smp.c): the kernel stack (16 KiB), the idle stack (4 KiB) and the
 * per-CPU variables. */
#define X86_PERCPU_MAX 32768u

struct x86_cpu_state {
    uint64_t gdt[X86_GDT_ENTRIES];
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

/* An AP's pages: its kernel page directory (the boot CPU's but for the
 * 4 MiB that holds the per-CPU section), the page table of those 4 MiB
 * (4 KiB pages, the identity but for the section: its copy), and the copy
 * itself. A partition whose windows are on this CPU gets the same table in
 * its page directory (mmu.c). */
struct x86_cpu_pages {
    uint32_t directory[1024];
    uint32_t table[1024];
    uint8_t percpu[X86_PERCPU_MAX];
} __attribute__((aligned(4096)));

/* The APs' blocks and pages: x86_aps[i - 1] and x86_ap_pages[i - 1] are CPU i's. */
extern struct x86_cpu x86_aps[];
extern struct x86_cpu_pages x86_ap_pages[];
extern const uint32_t x86_num_aps;

/* The block of the CPU this runs on; NULL on the boot CPU (per CPU, smp.c). */
extern struct x86_cpu *x86_this_cpu;

#endif
