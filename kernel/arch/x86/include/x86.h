/* SPDX-License-Identifier: BSD-2-Clause */
/* Privileged x86 instructions, for kernel/arch/x86 only. */
#ifndef TESSERA_X86_H
#define TESSERA_X86_H

#include <stdbool.h>
#include <stdint.h>

#define KERNEL_CS 0x08
#define KERNEL_DS 0x10
#define USER_CS   0x1b /* GDT entry 3, RPL 3 */
#define USER_DS   0x23 /* GDT entry 4, RPL 3 */
#define TSS_SEL   0x28

#define EFLAGS_IF       0x200u
#define EFLAGS_RESERVED 0x2u
#define EFLAGS_VM       0x20000u

#define CR0_MP           0x2u
#define CR0_EM           0x4u
#define CR0_TS           0x8u
#define CR0_NE           0x20u
#define CR0_WP           0x10000u
#define CR0_PG           0x80000000u
#define CR4_PSE          0x10u
#define CR4_PGE          0x80u
#define CR4_OSFXSR       0x200u
#define CR4_OSXMMEXCPT   0x400u
#define CR4_MCE          0x40u
#define CPUID_1_EDX_MCE  0x80u
#define CPUID_7_ECX_UMIP 0x4u
#define CR4_UMIP         0x800u

static inline void outb(uint16_t port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
    uint8_t v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline void outw(uint16_t port, uint16_t v)
{
    __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

static inline uint32_t read_cr0(void)
{
    uint32_t v;
    __asm__ volatile("mov %%cr0, %0" : "=r"(v));
    return v;
}

static inline void write_cr0(uint32_t v)
{
    __asm__ volatile("mov %0, %%cr0" : : "r"(v) : "memory");
}

static inline uint32_t read_cr2(void)
{
    uint32_t v;
    __asm__ volatile("mov %%cr2, %0" : "=r"(v));
    return v;
}

static inline uint32_t read_cr3(void)
{
    uint32_t v;
    __asm__ volatile("mov %%cr3, %0" : "=r"(v));
    return v;
}

static inline void write_cr3(uint32_t v)
{
    __asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline uint32_t read_cr4(void)
{
    uint32_t v;
    __asm__ volatile("mov %%cr4, %0" : "=r"(v));
    return v;
}

static inline void write_cr4(uint32_t v)
{
    __asm__ volatile("mov %0, %%cr4" : : "r"(v) : "memory");
}

static inline void cpuid(uint32_t leaf, uint32_t *a, uint32_t *b, uint32_t *c, uint32_t *d)
{
    __asm__ volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(0));
}

static inline uint64_t rdmsr(uint32_t msr)
{
    uint32_t lo, hi;
    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
    __asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

static inline void clts(void)
{
    __asm__ volatile("clts");
}

/* Subsystems of kernel/arch/x86. */
struct partition;
void x86_uart_init(void);
/* An application processor: console input is the boot CPU's to poll. */
void x86_uart_init_ap(void);
/* Every kernel entry after boot (trap.c): returns the frame to resume. */
struct x86_frame *x86_trap(struct x86_frame *f);
void x86_desc_init(void);
void x86_set_kernel_stack(uint32_t esp0);
void x86_desc_set_fault_cr3(uint32_t cr3);
struct x86_cpu;
void x86_desc_ap_init(void);
void x86_desc_boot_timer(void (*entry)(void));
void x86_desc_init_ap(struct x86_cpu *c);
void x86_mmu_init_ap(uint32_t cpu);
void x86_mmu_prepare_aps(uint32_t aps);
void x86_fpu_init_ap(void);
void x86_lapic_init_ap(void);
uint32_t x86_lapic_id(void);
void x86_lapic_ipi(uint32_t apic_id, uint32_t command);
uint64_t x86_time_ns_unshared(void);
void x86_smp_start(void);
void x86_smp_go(void);
void x86_smp_report(void);
void x86_interrupted_task(uint32_t *eip, uint32_t *esp);
void x86_mmu_init(uint32_t ram_size);
void x86_mmu_switch_kernel(void);
void x86_mmu_switch(struct partition *p);
void x86_time_init(void);
void x86_timer_eoi(void);
/* How the idle loop waits. IDLE_HALT: hlt until an interrupt. In a guard
 * band (arch_timer_arm_idle) the timer is armed 2 us short of the window
 * start (IDLE_WAKE_EARLY) and from that interrupt on the loop spins
 * (IDLE_SPIN) until the window start's. Under QEMU -icount a halted CPU is
 * woken by a clock warp that QEMU's main thread may compute before the CPU
 * thread has counted its last instructions, so the wake-up comes late by
 * an amount that depends on the host; a spinning CPU takes the timer
 * interrupt at its exact instruction count. */
enum { IDLE_HALT, IDLE_WAKE_EARLY, IDLE_SPIN };
extern volatile uint32_t x86_idle_state;
/* The early wake-up's timer interrupt (x86_idle_state IDLE_WAKE_EARLY, in
 * the idle loop): re-arms the timer for the window start and spins. */
void x86_idle_wake_early(void);

/* For a timer interrupt (from_idle: it interrupted the idle loop): true if
 * it was the early wake-up, now re-armed for the window start; false for
 * any other, which goes to the core. Inline, because every window start after
 * a guard band passes here (issue 14: 29 instructions as a call). */
static inline bool x86_idle_timer(bool from_idle)
{
    uint32_t state = x86_idle_state;

    if (__builtin_expect(state == IDLE_HALT, 1)) {
        return false;
    }
    if (state == IDLE_WAKE_EARLY && from_idle) {
        x86_idle_wake_early();
        return true;
    }
    x86_idle_state = IDLE_HALT;
    return false;
}
/* The timer fast path's units for the arch-neutral record (timer_fast.h),
 * written by arch_fast_timer_prepare() (time.c) whenever the record names
 * a partition, read by entry.S's timer_entry. TSC values: the first whose
 * time (tsc_to_ns) is at or past the deadline; the interrupt is served at
 * or past fire_tsc and before limit_tsc = min(the timer's next deadline,
 * the run's end), and the timer armed for limit_tsc; the local APIC counts
 * TSC ticks (the fast path is off where their rates differ). */
struct x86_fast_timer {
    uint64_t fire_tsc;
    uint64_t limit_tsc;
    uint64_t end_tsc;
    uint32_t period_tsc; /* the period in TSC ticks; 0 = one-shot */
};
extern struct x86_fast_timer x86_fast_timer;

void x86_fpu_init(void);
void x86_fpu_switch_to(const struct partition *p);
int x86_fpu_trap(struct partition *p);
void x86_fpu_release(struct partition *p);
void x86_fpu_save_for_handover(const struct partition *p);

/* Exceptions the kernel handles by vector (the table of all of them, with
 * names and health-monitor classes, is in trap.c). */
#define VECTOR_DE         0  /* divide error */
#define VECTOR_NMI        2  /* task gate (desc.c) */
#define VECTOR_NM         7  /* FPU not available: lazy FPU switch */
#define VECTOR_DF         8  /* double fault: task gate */
#define VECTOR_PF         14 /* page fault: CR2 holds the address */
#define VECTOR_MC         18 /* machine check: task gate */
#define VECTOR_EXCEPTIONS 32

/* The legacy PIC's 16 lines, remapped above the exceptions and masked. */
#define VECTOR_PIC_FIRST 0x20
#define VECTOR_PIC_END   0x30

#define VECTOR_TIMER    0x40
#define VECTOR_SPURIOUS 0xff
#define VECTOR_HCALL    0x80

#endif
