/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Segment descriptors (flat), the TSS and the interrupt descriptor table.
 *
 * NMI (2), #DF (8) and #MC (18) go through task gates, each to a TSS of its
 * own with a stack of its own: the CPU then switches stacks (and address
 * space) whatever state the kernel stack is in, so a kernel stack fault
 * that escalates to a double fault is reported instead of ending in a
 * triple fault, a silent reset. None of the three can be resumed by a
 * partitioning kernel that cannot tell what was hit: each one panics
 * (trap.c, x86_fault_task).
 */
#include <stdint.h>
#include "arch_types.h"
#include "kstring.h"
#include "x86.h"
#include "x86_cpu.h"

struct tss {
    uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
    uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
    uint32_t es, cs, ss, ds, fs, gs, ldt;
    uint16_t trap, iomap_base;
} __attribute__((packed));

struct gate {
    uint16_t offset_lo, selector;
    uint8_t zero, type_attr;
    uint16_t offset_hi;
} __attribute__((packed));

struct table_ptr {
    uint16_t limit;
    uint32_t base;
} __attribute__((packed));

/* The vectors served by a task, and their TSS selectors (GDT 6, 7, 8). */
static const uint8_t task_vectors[] = {VECTOR_NMI, VECTOR_DF, VECTOR_MC};
#define FAULT_TASKS      (sizeof(task_vectors))
#define FAULT_TSS_SEL(i) (TSS_SEL + 8 * (1 + (i)))
#define FAULT_STACK      4096

static uint64_t gdt[6 + FAULT_TASKS];
/* Each CPU's own (ARCH_PER_CPU): every GDT's TSS descriptor names this
 * address, which each CPU's page tables map to its copy, so that
 * x86_set_kernel_stack() is the same store on every CPU. */
static struct tss tss ARCH_PER_CPU;
static struct tss fault_tss[FAULT_TASKS];
static uint8_t fault_stacks[FAULT_TASKS][FAULT_STACK] __attribute__((aligned(16)));
static struct gate idt[256];
/* The application processors' IDT: the boot CPU's, but for the timer,
 * whose interrupt on an AP follows that AP's frame grid (smp.c). */
static struct gate ap_idt[256];

_Static_assert(sizeof(gdt) == sizeof(((struct x86_cpu_state *)0)->gdt), "x86_cpu.h's GDT size");

extern char x86_vectors[];
extern char x86_fault_task_entry[];

/* A flat 4 GiB segment: base 0, limit 0xfffff pages. */
static uint64_t flat_segment(uint8_t access)
{
    return 0x0000ffffull | ((uint64_t)access << 40) | (0xcfull << 48);
}

static uint64_t tss_segment(uint32_t base, uint32_t limit)
{
    return (limit & 0xffffu) | ((uint64_t)(base & 0xffffffu) << 16) | (0x89ull << 40) |
           ((uint64_t)((limit >> 16) & 0xf) << 48) | ((uint64_t)(base >> 24) << 56);
}

/* Points gate g at entry: both halves of the offset in one place, so that
 * a gate never holds half of one entry's address and half of another's. */
static void gate_point(struct gate *g, const void *entry)
{
    uint32_t handler = (uint32_t)(uintptr_t)entry;

    g->offset_lo = handler & 0xffff;
    g->offset_hi = handler >> 16;
}

static void set_gate(unsigned vector, unsigned dpl)
{
    gate_point(&idt[vector], x86_vectors + 16 * vector);
    idt[vector].selector = KERNEL_CS;
    idt[vector].zero = 0;
    /* Present, interrupt gate (IF cleared on entry: the kernel is not
     * preemptible). */
    idt[vector].type_attr = (uint8_t)(0x8e | (dpl << 5));
}

void x86_set_kernel_stack(uint32_t esp0)
{
    tss.esp0 = esp0;
}

/* A task that starts at x86_fault_task_entry (entry.S) in ring 0 with
 * interrupts off, the vector in %eax, on its own empty stack. */
static void fault_task_init(unsigned i)
{
    struct tss *t = &fault_tss[i];

    t->eip = (uint32_t)(uintptr_t)x86_fault_task_entry;
    t->eflags = EFLAGS_RESERVED;
    t->eax = task_vectors[i];
    t->esp = (uint32_t)(uintptr_t)(fault_stacks[i] + FAULT_STACK);
    t->cs = KERNEL_CS;
    t->ss = t->ds = t->es = t->fs = t->gs = t->ss0 = KERNEL_DS;
    t->iomap_base = sizeof(*t);
    gdt[6 + i] = tss_segment((uint32_t)(uintptr_t)t, sizeof(*t) - 1);
}

void x86_desc_set_fault_cr3(uint32_t cr3)
{
    for (unsigned i = 0; i < FAULT_TASKS; i++) {
        fault_tss[i].cr3 = cr3;
    }
}

void x86_interrupted_task(uint32_t *eip, uint32_t *esp)
{
    /* The task switch saved the interrupted state in the main TSS. */
    *eip = tss.eip;
    *esp = tss.esp;
}

/* Without CR4.MCE a machine check shuts the CPU down (a silent reset);
 * with it, #MC reaches its task and is reported. */
static void machine_check_init(void)
{
    uint32_t a, b, c, d;

    cpuid(1, &a, &b, &c, &d);
    if (d & CPUID_1_EDX_MCE) {
        write_cr4(read_cr4() | CR4_MCE);
    }
}

/* UMIP: sgdt, sidt, sldt, smsw and str fault (#GP) outside ring 0, where
 * they would show a partition the kernel's GDT and IDT addresses. Only a
 * CPU that has it (CPUID.(7,0):ECX bit 2) can turn it on. */
static void umip_init(void)
{
    uint32_t max, b, c, d;

    cpuid(0, &max, &b, &c, &d);
    if (max < 7) {
        return;
    }
    cpuid(7, &max, &b, &c, &d);
    if (c & CPUID_7_ECX_UMIP) {
        write_cr4(read_cr4() | CR4_UMIP);
    }
}

void x86_desc_init(void)
{
    struct table_ptr gp, ip;

    gdt[0] = 0;
    gdt[1] = flat_segment(0x9a); /* kernel code */
    gdt[2] = flat_segment(0x92); /* kernel data */
    gdt[3] = flat_segment(0xfa); /* user code, DPL 3 */
    gdt[4] = flat_segment(0xf2); /* user data, DPL 3 */
    tss.ss0 = KERNEL_DS;
    /* An I/O bitmap offset past the limit: every port access from ring 3
     * (IOPL 0) faults. */
    tss.iomap_base = sizeof(tss);
    gdt[5] = tss_segment((uint32_t)(uintptr_t)&tss, sizeof(tss) - 1);
    for (unsigned i = 0; i < FAULT_TASKS; i++) {
        fault_task_init(i);
    }

    gp.limit = sizeof(gdt) - 1;
    gp.base = (uint32_t)(uintptr_t)gdt;
    __asm__ volatile("lgdt %0\n\t"
                     "ljmp %1, $1f\n"
                     "1:\n\t"
                     "mov %2, %%ax\n\t"
                     "mov %%ax, %%ds\n\t"
                     "mov %%ax, %%es\n\t"
                     "mov %%ax, %%fs\n\t"
                     "mov %%ax, %%gs\n\t"
                     "mov %%ax, %%ss\n\t"
                     "ltr %w3"
                     :
                     : "m"(gp), "i"(KERNEL_CS), "i"(KERNEL_DS), "r"(TSS_SEL)
                     : "eax", "memory");

    /* Only the hypercall gate may be used by `int n` from ring 3; every
     * other vector is reachable from user mode only as an exception. */
    for (unsigned v = 0; v < 256; v++) {
        set_gate(v, v == VECTOR_HCALL ? 3 : 0);
    }
    /* Present task gates, DPL 0 (`int 2/8/18` from ring 3 is a #GP). */
    for (unsigned i = 0; i < FAULT_TASKS; i++) {
        idt[task_vectors[i]] = (struct gate){0, FAULT_TSS_SEL(i), 0, 0x85, 0};
    }
    ip.limit = sizeof(idt) - 1;
    ip.base = (uint32_t)(uintptr_t)idt;
    __asm__ volatile("lidt %0" : : "m"(ip));
    machine_check_init();
    umip_init();
}

extern char x86_ap_vector_timer[];

/* Built once by the boot CPU, after x86_desc_init(). */
void x86_desc_ap_init(void)
{
    memcpy(ap_idt, idt, sizeof(idt));
    gate_point(&ap_idt[VECTOR_TIMER], x86_ap_vector_timer);
}

/* The boot CPU's timer entry becomes entry (after x86_desc_ap_init(), which
 * copied the table: the APs keep theirs). The IDT is read from memory at
 * each interrupt; interrupts are off at boot. */
void x86_desc_boot_timer(void (*entry)(void))
{
    gate_point(&idt[VECTOR_TIMER], (const void *)(uintptr_t)entry);
}

/* On the AP itself, its per-CPU section mapped: its own GDT (the boot
 * CPU's segments and fault tasks; the TSS descriptor names the per-CPU
 * TSS, its own), loaded with its segments, task register and IDT. The
 * fault tasks are shared: a second CPU's NMI, #DF or #MC while the first
 * one's task runs finds it busy, a #GP, then a triple fault; either way
 * the kernel has already stopped. */
void x86_desc_init_ap(struct x86_cpu *c)
{
    struct table_ptr gp, ip;

    memcpy(c->s.gdt, gdt, sizeof(gdt));
    memset(&tss, 0, sizeof(tss));
    tss.ss0 = KERNEL_DS;
    tss.esp0 = (uint32_t)(uintptr_t)c->stack + sizeof(c->stack);
    tss.iomap_base = sizeof(tss);
    /* Not busy: the boot CPU's descriptor is marked busy by its ltr. */
    c->s.gdt[5] = tss_segment((uint32_t)(uintptr_t)&tss, sizeof(tss) - 1);
    gp.limit = sizeof(gdt) - 1;
    gp.base = (uint32_t)(uintptr_t)c->s.gdt;
    ip.limit = sizeof(ap_idt) - 1;
    ip.base = (uint32_t)(uintptr_t)ap_idt;
    __asm__ volatile("lgdt %0\n\t"
                     "ljmp %2, $1f\n"
                     "1:\n\t"
                     "mov %3, %%ax\n\t"
                     "mov %%ax, %%ds\n\t"
                     "mov %%ax, %%es\n\t"
                     "mov %%ax, %%fs\n\t"
                     "mov %%ax, %%gs\n\t"
                     "mov %%ax, %%ss\n\t"
                     "ltr %w4\n\t"
                     "lidt %1"
                     :
                     : "m"(gp), "m"(ip), "i"(KERNEL_CS), "i"(KERNEL_DS), "r"(TSS_SEL)
                     : "eax", "memory");
    machine_check_init();
    umip_init();
}
