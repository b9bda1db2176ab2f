/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Starting the application processors (APs) and keeping their timers on
 * the frame grid (issue 20; docs/architecture.md, "Multicore").
 *
 * The boot CPU starts each AP in turn with INIT and start-up IPIs (the
 * MultiProcessor Specification's sequence) into the trampoline of
 * smp_entry.S. The AP loads its own GDT and TSS, the kernel's page
 * directory and the APs' IDT, sets up its local APIC timer, reports that
 * it is up and waits until the boot CPU has started the schedule (which
 * the boot CPU does after starting every AP, so that their start-up time
 * does not delay the first window). From
 * then on it runs its own window table (kernel_start_cpu()) with the same
 * kernel code as the boot CPU, on its own copy of the per-CPU section
 * (mmu.c), entering partitions and taking their traps through the same
 * IDT entries but for the timer's, which first counts the AP's frame
 * starts and how late each came (x86_smp_report()).
 */
#include "arch.h"
#include "cpu_plans.h"
#include "handover.h"
#include "kernel.h"
#include "kprintf.h"
#include "kstring.h"
#include "partition.h"
#include "schedule.h"
#include "x86.h"
#include "x86_cpu.h"

#define TRAMPOLINE_BASE 0x8000u     /* smp_entry.S; the SIPI vector is its page */
#define ICR_INIT        0x4500u     /* INIT, level assert */
#define ICR_STARTUP     0x4600u     /* start-up; | the vector */
#define INIT_WAIT_NS    10000000u   /* after INIT, before the first start-up IPI */
#define STARTUP_WAIT_NS 200000u     /* after each start-up IPI */
#define UP_WAIT_NS      1000000000u /* a loaded host may start a CPU thread late */

struct trampoline_params {
    uint32_t stack_top;
    uint32_t cpu; /* struct x86_cpu * */
};

extern const char x86_trampoline[];
extern const uint32_t x86_trampoline_size; /* bytes, smp_entry.S */

/* Set once the boot CPU has started the schedule: the APs wait for it with
 * a bounded wait (the rest of the boot CPU's boot). */
static volatile uint32_t smp_go;
static uint64_t smp_epoch; /* the first frame's start, written before smp_go */

struct x86_cpu *x86_this_cpu ARCH_PER_CPU;

struct x86_frame *x86_first_frame(void);

static void wait_ns(uint64_t ns)
{
    uint64_t end = x86_time_ns_unshared() + ns;

    while (x86_time_ns_unshared() < end) {
        __asm__ volatile("pause");
    }
}

static bool wait_up(const struct x86_cpu *c, uint64_t ns)
{
    uint64_t end = x86_time_ns_unshared() + ns;

    while (!c->s.up) {
        if (x86_time_ns_unshared() >= end) {
            return false;
        }
    }
    return true;
}

static void start_ap(struct x86_cpu *c, struct trampoline_params *tp)
{
    tp->stack_top = (uint32_t)(uintptr_t)(c->stack + sizeof(c->stack));
    tp->cpu = (uint32_t)(uintptr_t)c;
    x86_lapic_ipi(c->s.apic_id, ICR_INIT);
    wait_ns(INIT_WAIT_NS);
    x86_lapic_ipi(c->s.apic_id, ICR_STARTUP | (TRAMPOLINE_BASE >> 12));
    if (wait_up(c, STARTUP_WAIT_NS)) {
        return;
    }
    x86_lapic_ipi(c->s.apic_id, ICR_STARTUP | (TRAMPOLINE_BASE >> 12));
    if (!wait_up(c, UP_WAIT_NS)) {
        panic("CPU %u (local APIC id %u) did not start: the machine has fewer CPUs", c->s.index,
              c->s.apic_id);
    }
}

/* Set at boot when a partition's windows are on several CPUs: every CPU's
 * timer entry then hands over the partition whose slot it ends
 * (handover.h). Read-only once the APs run. */
static uint32_t handover_on;

extern char x86_boot_vector_timer[];

/* A timer entry (x86_trap()) and, where partitions move, the handover of
 * the one whose slot it ended: after x86_trap() has resumed another
 * context, so that its FPU state is saved and its directory unloaded. */
static struct x86_frame *timer_entry(struct x86_frame *f)
{
    if (!handover_on) {
        return x86_trap(f);
    }
    handover_timer_begin();
    f = x86_trap(f);
    handover_timer_end();
    return f;
}

/* The boot CPU's timer interrupt when handover_on (entry.S). */
struct x86_frame *x86_boot_timer(struct x86_frame *f);
struct x86_frame *x86_boot_timer(struct x86_frame *f)
{
    return timer_entry(f);
}

static void handover_init(void)
{
    for (uint32_t i = 0; i < num_partitions; i++) {
        if (partition_moves(&partitions[i])) {
            handover_on = 1;
        }
    }
    if (handover_on) {
        x86_desc_boot_timer((void (*)(void))(uintptr_t)x86_boot_vector_timer);
    }
}

/* The boot CPU, after kernel_start(): every AP up, or a panic. The local
 * APIC ids are taken to be 0 (the boot CPU) to cpus - 1, as QEMU numbers
 * them; reading them from the firmware's tables (ACPI MADT) is not done. */
void x86_smp_start(void)
{
    uint32_t cpus = cpu_count();
    size_t size = x86_trampoline_size;
    struct trampoline_params *tp;

    if (cpus == 1) {
        return;
    }
    if (cpus - 1 > x86_num_aps) {
        panic("%u CPUs configured, state sized for %u", cpus, x86_num_aps + 1);
    }
    if (x86_lapic_id() != 0) {
        panic("the boot CPU's local APIC id is %u, not 0", x86_lapic_id());
    }
    x86_desc_ap_init();
    memcpy((void *)(uintptr_t)TRAMPOLINE_BASE, x86_trampoline, size);
    tp = (struct trampoline_params *)(uintptr_t)(TRAMPOLINE_BASE + size - sizeof(*tp));
    for (uint32_t i = 1; i < cpus; i++) {
        struct x86_cpu *c = &x86_aps[i - 1];

        c->s.index = i;
        c->s.apic_id = i;
        start_ap(c, tp);
        kprintf("[tessera] CPU %u up: local APIC id %u, stack %08x\n", i, c->s.apic_id,
                (uint32_t)(uintptr_t)c->stack);
    }
}

/* The boot CPU, right before its first partition: the APs may follow the
 * frame grid from the first frame's start. */
void x86_smp_go(void)
{
    handover_init(); /* the partitions exist now (kernel_start) */
    smp_epoch = schedule.sched.frame_start;
    __atomic_store_n(&smp_go, 1, __ATOMIC_RELEASE);
}

/* The major frame of the plan in force: one aligned 32-bit load of the
 * boot CPU's plan pointer, then the constant table. */
static uint64_t major_frame(void)
{
    const struct cfg_plan *p = __atomic_load_n(&schedule.sched.plan, __ATOMIC_ACQUIRE);

    return p->major_frame_ns;
}

/* Moves the AP's grid point past now, one major frame at a time (more than
 * one only when the AP missed frames). */
static void next_frame(struct x86_cpu *c, uint64_t now)
{
    uint64_t major = major_frame();

    while (c->s.next_frame <= now) {
        c->s.next_frame += major;
    }
}

__attribute__((noreturn)) void x86_ap_main(struct x86_cpu *c);
void x86_ap_main(struct x86_cpu *c)
{
    struct x86_frame *first;

    /* Paging on with its own per-CPU section: from here on every per-CPU
     * variable is this CPU's copy, as the image had it. */
    x86_mmu_init_ap(c->s.index);
    x86_this_cpu = c;
    x86_desc_init_ap(c);
    x86_fpu_init_ap();
    x86_uart_init_ap();
    x86_lapic_init_ap();
    __atomic_store_n(&c->s.up, 1, __ATOMIC_RELEASE);
    while (!__atomic_load_n(&smp_go, __ATOMIC_ACQUIRE)) {
        __asm__ volatile("pause");
    }
    kernel_start_cpu(c->s.index, smp_epoch);
    c->s.next_frame = smp_epoch;
    next_frame(c, x86_time_ns_unshared());
    /* Into the first partition or the idle loop, leaving the start-up
     * stack for good: from now on kernel entries use the per-CPU stacks. */
    first = x86_first_frame();
    __asm__ volatile("mov %0, %%eax\n\tjmp x86_resume" : : "r"(first) : "eax");
    __builtin_unreachable();
}

/* The AP's timer interrupt (its IDT's timer entry, smp_entry.S): counts a
 * frame start and how late the interrupt came after it, then the kernel's
 * timer entry as on the boot CPU. */
struct x86_frame *x86_ap_timer(struct x86_frame *f);
struct x86_frame *x86_ap_timer(struct x86_frame *f)
{
    struct x86_cpu *c = x86_this_cpu;
    uint64_t now = x86_time_ns_unshared();

    if (now >= c->s.next_frame) {
        uint64_t late = now - c->s.next_frame;

        if (late > c->s.max_late_ns) {
            c->s.max_late_ns = late;
        }
        if (late < c->s.min_late_ns || !c->s.frames) {
            c->s.min_late_ns = late;
        }
        c->s.frames++;
        next_frame(c, now);
    }
    /* A CPU with no window in the one plan has nothing for the kernel to
     * do: it only keeps its timer on the frame grid, as before it ran
     * windows. Under QEMU -icount the CPUs take turns on one clock, and a
     * kernel entry on each idle AP at every frame start would delay the
     * boot CPU's window start by as much (1.5 us with three APs). With
     * several plans, or a module reset possible, it crosses every frame
     * end in the kernel, which is where a plan switch or a reset is taken
     * (sched_cpus.c). */
    if (!schedule.sched.plan->num_windows && !cpu_plans_frames_in_kernel()) {
        x86_timer_eoi();
        arch_timer_arm(c->s.next_frame);
        return f;
    }
    f = timer_entry(f);
    /* The next frame start as the schedule has it: a switch may have
     * changed the major frame. */
    c->s.next_frame = schedule.sched.frame_start + schedule.sched.plan->major_frame_ns;
    return f;
}

void arch_cpu_relax(void)
{
    __asm__ volatile("pause" ::: "memory");
}

/* The kernel's locks (arch.h): xchg with memory is locked on x86 (the
 * lock prefix is implied), and a full barrier. */
bool arch_lock_try(volatile uint32_t *lock)
{
    uint32_t was = 1;

    __asm__ volatile("xchg %0, %1" : "+r"(was), "+m"(*lock) : : "memory");
    return was == 0;
}

/* x86 keeps stores in order: a compiler barrier and a plain store. */
void arch_lock_release(volatile uint32_t *lock)
{
    __asm__ volatile("" : : : "memory");
    *lock = 0;
}

/* Locked read-modify-writes: indivisible across CPUs, and full barriers. */
void arch_atomic_or(volatile uint32_t *word, uint32_t bits)
{
    __asm__ volatile("lock orl %1, %0" : "+m"(*word) : "r"(bits) : "memory");
}

bool arch_atomic_test_clear(volatile uint32_t *word, uint32_t bit)
{
    uint8_t was;

    __asm__ volatile("lock btrl %2, %0; setc %1" : "+m"(*word), "=q"(was) : "r"(bit) : "memory");
    return was != 0;
}

/* A 64-bit field an AP may be updating (two 32-bit loads here, so a read
 * can be torn): an AP writes each at most once per frame start, so when
 * two reads differ the write fell between them and a third read is whole. */
static uint64_t read_stable(const volatile uint64_t *v)
{
    uint64_t a = *v, b = *v;

    /* cppcheck-suppress [knownConditionTrueFalse, duplicateExpressionTernary] ; *v is volatile */
    return a == b ? a : *v;
}

/* At shutdown, on the boot CPU: what the timer of each AP that came up
 * did. */
void x86_smp_report(void)
{
    for (uint32_t i = 1; i < cpu_count() && i <= x86_num_aps; i++) {
        struct x86_cpu *c = &x86_aps[i - 1];

        if (!c->s.up) {
            continue;
        }
        kprintf("[tessera] CPU %u: %llu frame starts, the timer %llu..%llu ns after one\n", i,
                (unsigned long long)read_stable(&c->s.frames),
                (unsigned long long)read_stable(&c->s.min_late_ns),
                (unsigned long long)read_stable(&c->s.max_late_ns));
    }
}
