/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The null hypercall (PV_HC_IRQ_SYNC with nothing to deliver), which both
 * arches return from their trap entry when they can (docs/performance.md,
 * "Fast paths"): it still counts one kernel entry, returns PV_OK, keeps
 * what the binding preserves (on SPARC %o1-%o5, %g1-%g7 and the condition
 * codes; x86 has its own, fuller check in fastpath.c), and never swallows
 * a deliverable line or a timer. Under -icount, in one long window.
 */
#include "tp.h"

#define US       1000ull
#define CALLS    1000u
#define EXEC_BIT (1u << PV_IRQ_EXEC_TIMER)

static volatile uint32_t exec_hits, wall_hits;
static volatile uint64_t wall_at;

void pv_upcall_handler(struct pv_upcall_frame *f)
{
    if (f->lines & (1u << PV_IRQ_TIMER)) {
        wall_hits++;
        wall_at = pv_clock_ns();
    }
    if (f->lines & EXEC_BIT) {
        exec_hits++;
    }
}

static void check(const char *name, int ok)
{
    tp_printf("check %s: %s\n", name, ok ? "ok" : "FAIL");
}

static uint32_t entries(void)
{
    return pv_shared()->kernel_entries;
}

static void counted(void)
{
    uint32_t e0 = entries(), bad = 0;

    for (uint32_t i = 0; i < CALLS; i++) {
        bad |= (uint32_t)pv_hcall0(PV_HC_IRQ_SYNC);
    }
    check("a null hypercall returns 0 and counts one kernel entry",
          bad == 0 && entries() - e0 == CALLS);
}

#if defined(__riscv)
/* The fast path works in the frame the kernel keeps (sscratch), never on
 * the partition's sp or gp: a null hypercall with both wild (0, and a
 * kernel address) still returns PV_OK with both as they were. Upcalls are
 * off meanwhile: an upcall on such a stack would stop the partition. */
static void wild_stack(void)
{
    static const uint64_t wild[] = {0, 0xffffffc000000000ull};
    uint32_t bad = 0, level = pv_irq_disable();

    for (uint32_t i = 0; i < sizeof(wild) / sizeof(wild[0]); i++) {
        register uint64_t a7 __asm__("a7") = PV_HC_IRQ_SYNC;
        register uint64_t a0 __asm__("a0") = 1;
        uint64_t sp_after, gp_after;

        __asm__ volatile("mv s2, sp\n\tmv s3, gp\n\tmv sp, %4\n\tmv gp, %4\n\tecall\n\t"
                         "mv %2, sp\n\tmv %3, gp\n\tmv sp, s2\n\tmv gp, s3"
                         : "+r"(a0), "+r"(a7), "=&r"(sp_after), "=&r"(gp_after)
                         : "r"(wild[i])
                         : "s2", "s3", "memory");
        bad |= a0 != 0 || sp_after != wild[i] || gp_after != wild[i];
    }
    pv_irq_restore(level);
    check("a null hypercall with sp and gp 0 or in the kernel returns 0, both kept", !bad);
}
#endif

#if defined(__riscv)
/* An upcall in the middle of code that holds a pattern in every general
 * register but sp, gp, tp and t0 (the loop's counter): the kernel saves
 * x1-x31 into the upcall frame and the return restores them, so after a
 * periodic timer's upcalls have interrupted the loop many times each
 * register still holds its pattern. */
#define UPCALL_REGS                                                                                \
    "1, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, "                  \
    "25, 26, 27, 28, 29, 30, 31"
#define UPCALL_PATTERN 0x5a5a000000000000ull
uint64_t upcall_regs_seen[32];
void upcall_regs_spin(uint64_t loops);
__asm__(".text\n\t.globl upcall_regs_spin\n\t.type upcall_regs_spin, @function\n"
        "upcall_regs_spin:\n\t"
        "addi sp, sp, -112\n\tsd ra, 96(sp)\n\t"
        ".irp k, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11\n\tsd s\\k, 8 * \\k(sp)\n\t.endr\n\t"
        "mv t0, a0\n\t"
        ".irp reg, " UPCALL_REGS "\n\tli x\\reg, 0x5a5a000000000000 + (\\reg << 32) + \\reg\n\t"
        ".endr\n"
        "1:\n\taddi t0, t0, -1\n\tbnez t0, 1b\n\t"
        "la t0, upcall_regs_seen\n\t"
        ".irp reg, " UPCALL_REGS "\n\tsd x\\reg, 8 * \\reg(t0)\n\t.endr\n\t"
        ".irp k, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11\n\tld s\\k, 8 * \\k(sp)\n\t.endr\n\t"
        "ld ra, 96(sp)\n\taddi sp, sp, 112\n\tret\n\t"
        ".size upcall_regs_spin, . - upcall_regs_spin");

static void upcall_keeps_registers(void)
{
    static const uint8_t regs[] = {1,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18,
                                   19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31};
    uint32_t h0 = wall_hits, wrong = 0;

    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_irq_enable();
    pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 10 * US, 7 * US);
    upcall_regs_spin(100000); /* 200 us: about 27 upcalls */
    pv_timer_set(PV_CLOCK_WALL, 0, 0);
    pv_irq_mask_line(PV_IRQ_TIMER);
    for (uint32_t i = 0; i < sizeof(regs); i++) {
        uint64_t want = UPCALL_PATTERN | (uint64_t)regs[i] << 32 | regs[i];

        if (upcall_regs_seen[regs[i]] != want) {
            tp_printf("x%u = %llx, want %llx\n", regs[i],
                      (unsigned long long)upcall_regs_seen[regs[i]], (unsigned long long)want);
            wrong++;
        }
    }
    check("upcalls in the middle of code keep x1 and x6-x31", wall_hits - h0 >= 20 && !wrong);
    wall_hits = h0;
}
#endif

static void preserved(void)
{
#if defined(__sparc__)
    register uint32_t g1 __asm__("g1") = PV_HC_IRQ_SYNC;
    register uint32_t o0 __asm__("o0") = 0x12345678;
    uint32_t same;

    __asm__ volatile("set 0x11110001, %%o1\n\tset 0x22220002, %%o5\n\t"
                     "set 0x33330003, %%g2\n\tset 0x44440004, %%g7\n\t"
                     "subcc %%g0, 1, %%g0\n\t" /* N set, Z clear */
                     "ta 0x40\n\t"
                     "set 0x11110001, %1\n\txor %%o1, %1, %%o1\n\t"
                     "set 0x22220002, %1\n\txor %%o5, %1, %%o5\n\t"
                     "or %%o1, %%o5, %1\n\t"
                     "set 0x33330003, %%o1\n\txor %%g2, %%o1, %%o1\n\tor %1, %%o1, %1\n\t"
                     "set 0x44440004, %%o1\n\txor %%g7, %%o1, %%o1\n\tor %1, %%o1, %1\n\t"
                     "xor %%g1, %3, %%o1\n\tor %1, %%o1, %1\n\t"
                     "bneg 1f\n\tnop\n\tor %1, 1, %1\n"
                     "1:"
                     : "+r"(o0), "=&r"(same), "+r"(g1)
                     : "i"(PV_HC_IRQ_SYNC)
                     : "o1", "o5", "g2", "g7", "cc", "memory");
    check("a null hypercall keeps %o1-%o5, %g1-%g7 and icc", o0 == 0 && same == 0);
#elif defined(__riscv)
    register uint64_t a7 __asm__("a7") = PV_HC_IRQ_SYNC;
    register uint64_t a0 __asm__("a0") = 0x12345678;
    uint64_t differ;

#define NULLHC_SET(r, v)   "li " #r ", " #v "\n\t"
#define NULLHC_CHECK(r, v) "addi " #r ", " #r ", -" #v "\n\tor %1, %1, " #r "\n\t"
#define NULLHC_REGS(op)                                                                            \
    op(a1, 101) op(a2, 102) op(a3, 103) op(a4, 104) op(a5, 105) op(a6, 106) op(t0, 107)            \
        op(t1, 108) op(t2, 109) op(t3, 110) op(t4, 111) op(t5, 112) op(t6, 113)
    __asm__ volatile(NULLHC_REGS(NULLHC_SET) "ecall\n\tli %1, 0\n\t" NULLHC_REGS(
                         NULLHC_CHECK) "addi a7, a7, -%3\n\tor %1, %1, a7"
                     : "+r"(a0), "=&r"(differ), "+r"(a7)
                     : "i"(PV_HC_IRQ_SYNC)
                     : "a1", "a2", "a3", "a4", "a5", "a6", "t0", "t1", "t2", "t3", "t4", "t5", "t6",
                       "memory");
#undef NULLHC_REGS
#undef NULLHC_CHECK
#undef NULLHC_SET
    check("a null hypercall keeps a1-a7 and t0-t6", a0 == 0 && differ == 0);
    wild_stack();
    upcall_keeps_registers();
#else
    int32_t r;
    uint32_t same_flags;

    __asm__ volatile("std\n\tint $0x80\n\tpushf\n\tcld\n\tpop %%ecx"
                     : "=a"(r), "=c"(same_flags)
                     : "a"(PV_HC_IRQ_SYNC)
                     : "memory");
    check("a null hypercall keeps DF", r == 0 && (same_flags & 0x400));
#endif
}

static void deliverable(void)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t h0;

    pv_irq_disable();
    pv_irq_unmask_line(PV_IRQ_EXEC_TIMER);
    h0 = exec_hits;
    pv_timer_set(PV_CLOCK_EXEC, 1, 0);
    pv_hcall0(PV_HC_IRQ_SYNC);
    check("with upcalls disabled the line waits", exec_hits == h0 && (s->irq_pending & EXEC_BIT));
    s->irq_level = 0; /* enabled without pv_irq_restore's own irq_sync */
    pv_hcall0(PV_HC_IRQ_SYNC);
    check("a deliverable line is delivered before irq_sync returns", exec_hits == h0 + 1);
    pv_irq_mask_line(PV_IRQ_EXEC_TIMER);
}

/* Masking costs no kernel entry: pv_irq_restore() enters only to enable
 * with an unmasked line pending (docs/pv-api.md). The delivery's own
 * entries differ by arch (SPARC and RISC-V return from an upcall by a short
 * trap), so that case asks only for an entry and one delivery. */
static void masking(void)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t e0 = entries(), h0 = exec_hits;

    for (uint32_t i = 0; i < CALLS; i++) {
        uint32_t level = pv_irq_disable();

        pv_irq_restore(level);
        pv_irq_disable();
        pv_irq_enable();
    }
    check("masking and enabling with nothing pending enter no kernel", entries() == e0);
    pv_irq_disable();
    pv_timer_set(PV_CLOCK_EXEC, 1, 0); /* its line stays masked (deliverable()) */
    pv_hcall0(PV_HC_IRQ_SYNC);
    e0 = entries();
    pv_irq_enable();
    check("enabling with only a masked line pending enters no kernel",
          entries() == e0 && exec_hits == h0 && (s->irq_pending & EXEC_BIT));
    pv_irq_disable();
    pv_irq_unmask_line(PV_IRQ_EXEC_TIMER);
    e0 = entries();
    pv_irq_restore(1);
    check("restoring a disabled level with a line deliverable enters no kernel",
          entries() == e0 && exec_hits == h0);
    pv_irq_restore(0);
    check("enabling with an unmasked line pending enters the kernel and delivers it once",
          entries() != e0 && exec_hits == h0 + 1 && !(s->irq_pending & EXEC_BIT));
    pv_irq_mask_line(PV_IRQ_EXEC_TIMER);
}

static void timer(void)
{
    uint64_t deadline, until;

    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_irq_enable();
    deadline = pv_clock_ns() + 50 * US;
    pv_timer_set(PV_CLOCK_WALL, deadline, 0);
    until = deadline + 200 * US;
    while (!wall_hits && pv_clock_ns() < until) {
        for (uint32_t i = 0; i < 16; i++) {
            pv_hcall0(PV_HC_IRQ_SYNC);
        }
    }
    check("a timer expires in a loop of null hypercalls",
          wall_hits == 1 && wall_at >= deadline && wall_at < deadline + 20 * US);
    pv_irq_mask_line(PV_IRQ_TIMER);
}

void pv_main(uint32_t id)
{
    (void)id;
    pv_upcall_set(pv_upcall_entry);
    pv_idle(); /* a fresh window */
    counted();
    preserved();
    deliverable();
    masking();
    timer();
    tp_printf("done\n");
}
