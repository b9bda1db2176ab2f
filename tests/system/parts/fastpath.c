/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 only: the kernel entry fast paths (docs/performance.md, "Fast
 * paths"), from inside partitions under -icount.
 *
 * F (id 1) checks the null hypercall (PV_HC_IRQ_SYNC returning from the
 * gate when there is nothing to deliver: registers, flags, the entry
 * count, a null %ds, a line that is deliverable, a timer that expires in a
 * loop of them) and the upcall return without a trap (no kernel entry,
 * registers and flags of the interrupted code, a forged frame reached
 * through the restore section), then lets a wall-clock timer fire at each
 * instruction from before an upcall to after its return: every upcall is
 * handled once, the interrupted code goes on with its registers, and an
 * upcall that arrives in the restore section takes the returning frame's
 * place instead of nesting below it.
 * J2 and J3 (ids 2, 3) jump into the restore section with a line pending
 * and %esp in no area (2) or at the kernel's memory (3): the kernel must
 * stop exactly them.
 */
#include "tp.h"

#define US         1000ull
#define LINE_BIT   (1u << PV_IRQ_TIMER)
#define EXEC_BIT   (1u << PV_IRQ_EXEC_TIMER)
#define DF         0x400u
#define SWEEP      2400u /* deadlines SWEEP_FROM.. ns after arming: across the upcall */
#define SWEEP_FROM 400u

static volatile uint32_t exec_hits, wall_hits;
static volatile uint32_t exec_frame, wall_frame, lowest_frame = 0xffffffffu;
static volatile uint64_t handler_end_ns, exec_end_ns, wall_end_ns;

void pv_upcall_handler(struct pv_upcall_frame *f)
{
    uint32_t at = (uint32_t)(uintptr_t)f;

    if (at < lowest_frame) {
        lowest_frame = at;
    }
    if (f->lines & LINE_BIT) {
        wall_hits++;
    }
    if (f->lines & EXEC_BIT) {
        exec_hits++;
        exec_frame = at;
    }
    handler_end_ns = pv_clock_ns();
    if (f->lines & EXEC_BIT) {
        exec_end_ns = handler_end_ns;
    }
    if (f->lines & LINE_BIT) {
        wall_end_ns = handler_end_ns;
        wall_frame = at;
    }
}

static int check(const char *name, int ok)
{
    tp_printf("check %s: %s\n", name, ok ? "ok" : "FAIL");
    return ok;
}

static void check_of(const char *what, const char *name, int ok)
{
    tp_printf("check %s: %s: %s\n", what, name, ok ? "ok" : "FAIL");
}

static uint32_t entries(void)
{
    return pv_shared()->kernel_entries;
}

/* The registers a hypercall must keep, after a trap with them set to
 * known values (ebx-edi as given, ebp 0x66666666, DF set); [0] is %eax. */
static uint32_t regs_after[8];

static void trap_with_patterns(uint32_t nr, uint32_t ebx, uint32_t ecx, uint32_t edx, uint32_t esi,
                               uint32_t edi)
{
    __asm__ volatile("push %%ebp\n\t"
                     "mov $0x66666666, %%ebp\n\t"
                     "std\n\t"
                     "int $0x80\n\t"
                     "pushf\n\t"
                     "cld\n\t"
                     "mov %%eax, %[r0]\n\t"
                     "mov %%ebx, %[r1]\n\t"
                     "mov %%ecx, %[r2]\n\t"
                     "mov %%edx, %[r3]\n\t"
                     "mov %%esi, %[r4]\n\t"
                     "mov %%edi, %[r5]\n\t"
                     "mov %%ebp, %[r6]\n\t"
                     "pop %%eax\n\t"
                     "mov %%eax, %[r7]\n\t"
                     "pop %%ebp"
                     : [r0] "=m"(regs_after[0]), [r1] "=m"(regs_after[1]), [r2] "=m"(regs_after[2]),
                       [r3] "=m"(regs_after[3]), [r4] "=m"(regs_after[4]), [r5] "=m"(regs_after[5]),
                       [r6] "=m"(regs_after[6]), [r7] "=m"(regs_after[7]), "+a"(nr), "+b"(ebx),
                       "+c"(ecx), "+d"(edx), "+S"(esi), "+D"(edi)
                     :
                     : "memory", "cc");
}

static int kept(uint32_t ebx, uint32_t ecx, uint32_t edx, uint32_t esi, uint32_t edi)
{
    return regs_after[0] == 0 && regs_after[1] == ebx && regs_after[2] == ecx &&
           regs_after[3] == edx && regs_after[4] == esi && regs_after[5] == edi &&
           regs_after[6] == 0x66666666u && (regs_after[7] & DF);
}

static void null_hypercall(void)
{
    uint32_t e0, e1, ret;

    pv_irq_disable();
    e0 = entries();
    trap_with_patterns(PV_HC_IRQ_SYNC, 0x11111111, 0x22222222, 0x33333333, 0x44444444, 0x55555555);
    e1 = entries();
    check("null hypercall keeps every register and DF",
          kept(0x11111111, 0x22222222, 0x33333333, 0x44444444, 0x55555555));
    check("null hypercall counts one kernel entry", e1 - e0 == 1);

    /* The partition's %ds and %es null: the gate must not use them. */
    __asm__ volatile("mov %%ds, %%ecx\n\t"
                     "xor %%edx, %%edx\n\t"
                     "mov %%dx, %%ds\n\t"
                     "mov %%dx, %%es\n\t"
                     "mov %%dx, %%fs\n\t"
                     "mov %%dx, %%gs\n\t"
                     "mov $6, %%eax\n\t"
                     "int $0x80\n\t"
                     "mov %%cx, %%ds\n\t"
                     "mov %%cx, %%es"
                     : "=a"(ret)
                     :
                     : "ecx", "edx", "memory");
    check("null hypercall with null data segments -> 0", ret == 0);
}

static void deliverable_line(void)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t h0, e0, ret;

    pv_irq_disable();
    pv_irq_unmask_line(PV_IRQ_EXEC_TIMER);
    h0 = exec_hits;
    pv_timer_set(PV_CLOCK_EXEC, 1, 0);
    check("a line raised with upcalls disabled waits",
          exec_hits == h0 && (s->irq_pending & EXEC_BIT));
    e0 = entries();
    ret = (uint32_t)pv_hcall0(PV_HC_IRQ_SYNC);
    check("irq_sync with upcalls disabled delivers nothing",
          ret == 0 && exec_hits == h0 && entries() - e0 == 1 && (s->irq_pending & EXEC_BIT));
    s->irq_level = 0; /* enabled without pv_irq_restore's own irq_sync */
    ret = (uint32_t)pv_hcall0(PV_HC_IRQ_SYNC);
    check("irq_sync with a deliverable line delivers it before it returns",
          ret == 0 && exec_hits == h0 + 1 && !(s->irq_pending & EXEC_BIT));
    pv_irq_mask_line(PV_IRQ_EXEC_TIMER);
}

static void timer_in_a_loop_of_null_hypercalls(void)
{
    uint64_t deadline, until;
    uint32_t w0 = wall_hits;

    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_irq_enable();
    deadline = pv_clock_ns() + 20 * US;
    pv_timer_set(PV_CLOCK_WALL, deadline, 0);
    until = deadline + 100 * US;
    while (wall_hits == w0 && pv_clock_ns() < until) {
        pv_hcall0(PV_HC_IRQ_SYNC);
    }
    check("a timer expires in a loop of null hypercalls",
          wall_hits == w0 + 1 && handler_end_ns >= deadline && handler_end_ns < deadline + 5 * US);
    pv_irq_mask_line(PV_IRQ_TIMER);
}

static void upcall_return(void)
{
    uint32_t e0, e1, h0 = exec_hits;

    pv_irq_unmask_line(PV_IRQ_EXEC_TIMER);
    pv_irq_enable();
    e0 = entries();
    /* timer_set(EXEC, deadline 1, period 0): expired at once, delivered
     * on the way out, returned from by the trampoline. */
    trap_with_patterns(PV_HC_TIMER_SET, PV_CLOCK_EXEC, 1, 0, 0, 0);
    e1 = entries();
    check("upcall return: the upcall ran", exec_hits == h0 + 1);
    check("upcall return enters the kernel only for the trigger", e1 - e0 == 1);
    check("upcall return restores every register and DF", kept(PV_CLOCK_EXEC, 1, 0, 0, 0));
    check("upcall return enables upcalls", pv_shared()->irq_level == 0);
    pv_irq_mask_line(PV_IRQ_EXEC_TIMER);
}

/* Arithmetic flags and DF set to a pattern, held through a run of nops
 * that timer upcalls interrupt, then read back: the trap-free return
 * (pv/arch/x86/upcall.S, PV_FRAME_EFLAGS_USER) must give each one back.
 * Returns the rounds whose flags came back different. */
/* CF PF AF ZF SF DF OF: what an upcall return keeps (not the header's). */
#define USER_FLAGS 0x0cd5u

static uint32_t flags_rounds(uint32_t rounds, uint32_t pattern)
{
    uint32_t bad = 0;

    __asm__ volatile("1:\n\t"
                     "pushl %[pat]\n\t"
                     "popfl\n\t"
                     ".rept 200\n\t"
                     "nop\n\t"
                     ".endr\n\t"
                     "pushfl\n\t"
                     "cld\n\t"
                     "popl %%eax\n\t"
                     "andl %[mask], %%eax\n\t"
                     "cmpl %[pat], %%eax\n\t"
                     "je 2f\n\t"
                     "incl %[bad]\n"
                     "2:\n\t"
                     "decl %[n]\n\t"
                     "jnz 1b"
                     : [bad] "+m"(bad), [n] "+r"(rounds)
                     : [pat] "r"(pattern), [mask] "i"(USER_FLAGS)
                     : "eax", "memory", "cc");
    return bad;
}

static void flags_kept(void)
{
    uint32_t w0 = wall_hits, bad;

    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_irq_enable();
    pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 2 * US, 3 * US);
    bad = flags_rounds(2000, USER_FLAGS);
    bad += flags_rounds(2000, 0);
    pv_timer_set(PV_CLOCK_WALL, 0, 0);
    pv_irq_mask_line(PV_IRQ_TIMER);
    check("upcalls in the middle of code return every arithmetic flag and DF",
          bad == 0 && wall_hits - w0 >= 100);
}

static uint32_t forged_hits;

__attribute__((used, noinline)) static void forged_resume(void)
{
    check("a forged frame reached through the restore section resumes, upcall delivered",
          exec_hits == forged_hits + 1);
    tp_printf("done\n");
    pv_halt_self();
}

/* A frame of its own, in its own memory, reached through the middle of
 * the restore section with a line pending: the kernel resumes it as
 * upcall_return would (and delivers the line there): the partition's own
 * business. */
static uint32_t forged_stack[4096] __attribute__((aligned(16)));

static void forged_frame(void)
{
    struct pv_upcall_frame *f = (struct pv_upcall_frame *)&forged_stack[2048];
    uint32_t section = (uint32_t)(uintptr_t)pv_upcall_entry + PV_UPCALL_RESTORE_START;

    forged_hits = exec_hits;
    f->eip = (uint32_t)(uintptr_t)forged_resume;
    f->esp = (uint32_t)(uintptr_t)&forged_stack[4000];
    f->eflags = 0;
    pv_irq_disable();
    pv_irq_unmask_line(PV_IRQ_EXEC_TIMER);
    pv_timer_set(PV_CLOCK_EXEC, 1, 0);
    tp_printf("jumping into the restore section with a forged frame\n");
    __asm__ volatile("mov %0, %%esp\n\t"
                     "jmp *%1"
                     :
                     : "r"(f), "r"(section)
                     : "memory");
}

/* A sweep's two timers: `late` fires `delay` ns after arming, across the
 * return of the upcall that `now` (a deadline in the past) triggers at
 * once, with known registers. */
struct sweep_clocks {
    const char *name;
    uint32_t late, now;
    volatile uint32_t *late_hits, *now_hits;
    volatile uint64_t *now_end_ns; /* the triggered upcall's handler end */
    volatile uint32_t *now_frame;
};

static uint64_t clock_of(uint32_t clock)
{
    return clock == PV_CLOCK_WALL ? pv_clock_ns() : pv_exec_clock_ns();
}

/* One round: true when both upcalls were handled once and the registers
 * came back. *deadline is the late timer's deadline in wall time (the
 * execution clock runs with it while the partition runs). */
static int sweep_round(const struct sweep_clocks *c, uint64_t delay, uint64_t *deadline,
                       uint64_t *resumed)
{
    uint32_t late0 = *c->late_hits, now0 = *c->now_hits;
    uint64_t until;

    *deadline = pv_clock_ns() + delay;
    pv_timer_set(c->late, clock_of(c->late) + delay, 0);
    trap_with_patterns(PV_HC_TIMER_SET, c->now, 1, 0, 0, 0);
    *resumed = pv_clock_ns();
    until = *resumed + 20 * US;
    while (*c->late_hits == late0 && pv_clock_ns() < until) {
        ;
    }
    return *c->now_hits == now0 + 1 && *c->late_hits == late0 + 1 && kept(c->now, 1, 0, 0, 0);
}

/* Twice: the wall clock's timer sweeping (its interrupt is served by the
 * timer fast path, entry.S) and the execution clock's (the full entry's
 * finish_guest_return, upcall.c), each across the other's upcall. */
static void sweep(const struct sweep_clocks *c)
{
    uint32_t bad = 0, inside = 0, first_frame;
    uint64_t deadline, resumed;

    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_irq_unmask_line(PV_IRQ_EXEC_TIMER);
    pv_irq_enable();
    pv_idle(); /* a fresh window, long enough for the whole sweep */
    sweep_round(c, 0, &deadline, &resumed);
    first_frame = *c->now_frame;
    lowest_frame = 0xffffffffu;
    for (uint32_t k = 0; k < SWEEP; k++) {
        if (!sweep_round(c, SWEEP_FROM + k, &deadline, &resumed)) {
            bad++;
        }
        /* The late timer expired during the other upcall's return. */
        if (deadline > *c->now_end_ns && deadline < resumed) {
            inside++;
        }
    }
    tp_printf("%s: %u rounds, %u deadlines during an upcall return\n", c->name, SWEEP, inside);
    check_of(c->name, "every upcall handled once, registers kept", bad == 0);
    check_of(c->name, "deadlines in every instruction of the return", inside >= 20);
    check_of(c->name, "no upcall frame nested below the returning one",
             lowest_frame + 16 >= first_frame);
    pv_irq_disable();
}

static void hostile(uint32_t id)
{
    uint32_t section = (uint32_t)(uintptr_t)pv_upcall_entry + PV_UPCALL_RESTORE_START;
    uint32_t esp = id == 2 ? 0x50000000u : 0x00100000u;

    pv_upcall_set(pv_upcall_entry);
    pv_irq_disable();
    pv_irq_unmask_line(PV_IRQ_EXEC_TIMER);
    pv_timer_set(PV_CLOCK_EXEC, 1, 0);
    tp_printf("jumping into the restore section with esp %08lx\n", (unsigned long)esp);
    __asm__ volatile("mov %0, %%esp\n\t"
                     "jmp *%1"
                     :
                     : "r"(esp), "r"(section)
                     : "memory");
}

void pv_main(uint32_t id)
{
    if (id != 1) {
        hostile(id);
        tp_printf("SURVIVED\n");
        return;
    }
    pv_upcall_set(pv_upcall_entry);
    null_hypercall();
    deliverable_line();
    timer_in_a_loop_of_null_hypercalls();
    upcall_return();
    flags_kept();
    {
        static const struct sweep_clocks wall = {"sweep",    PV_CLOCK_WALL, PV_CLOCK_EXEC,
                                                 &wall_hits, &exec_hits,    &exec_end_ns,
                                                 &exec_frame};
        static const struct sweep_clocks exec = {"sweep by the execution clock",
                                                 PV_CLOCK_EXEC,
                                                 PV_CLOCK_WALL,
                                                 &exec_hits,
                                                 &wall_hits,
                                                 &wall_end_ns,
                                                 &wall_frame};

        sweep(&wall);
        sweep(&exec);
    }
    forged_frame();
}
