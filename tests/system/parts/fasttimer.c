/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 and RISC-V: the timer interrupt fast path (x86: kernel/arch/x86/
 * entry.S, timer_entry; RISC-V: kernel/arch/riscv/timer_fast.c;
 * docs/performance.md, "Timer fast paths") with the partition in a hostile
 * state when its wall-clock timer fires, under -icount.
 *
 * F (id 1): every general register a pattern (x86: also DF set, %ds and
 * %es null, %fs and %gs the null selector with RPL 3; RISC-V: all but gp,
 * which the upcall's C handler needs), the stack pointer such that the
 * upcall frame lies at the first or the last bytes of area B (A below it
 * and C above it are readable and writable too, so a frame one byte across
 * an edge lies in two areas): the upcall must come, be fast once B is the
 * remembered area, carry the interrupted registers, and the interrupted
 * code must go on with every register (and flag and segment) as it was. A
 * periodic timer served by the fast path keeps the kernel's bookkeeping:
 * one expiration counted per upcall, deadlines on the period's grid; one
 * whose period is not a whole number of the clock's counts (RISC-V: 100 ns)
 * never has an upcall before its deadline.
 * J4 (id 4): the stack pointer in the control page when the timer fires;
 * J5 (id 5): the frame one word across the end of B into C, after a frame
 * in B made B the remembered area. The full path stops each of them, so
 * the fast path must refuse them.
 */
#include "tp.h"

#define US         1000ull
#define LINE_BIT   (1u << PV_IRQ_TIMER)
#define AREA_B     0x40201000u /* the system's area B, 4 KiB, between A and C */
#define AREA_B_END (AREA_B + 0x1000u)

static volatile uint64_t handler_ns;
volatile uint32_t ft_hits;
static volatile uint32_t frame_regs_ok, frame_df;

static int check(const char *name, int ok)
{
    tp_printf("check %s: %s\n", name, ok ? "ok" : "FAIL");
    return ok;
}

#if defined(__i386__)
/* deadline -> C handler: the fast path ~150, the full entry ~650 */
#define FAST_NS 400u
#define DF      0x400u

void ft_entry(void);
volatile uint32_t ft_fired, ft_frame, ft_esp, ft_flags, ft_seg[4];
volatile uint32_t saved_esp, after[8], after_seg[4];

/* The upcall entry: the segment registers and flags as the kernel left
 * them, then the data segments made usable again for the C handler (the
 * frame keeps every general register). */
__asm__(".text\n"
        ".global ft_entry\n"
        "ft_entry:\n\t"
        "mov %eax, %ss:ft_frame\n\t"
        "mov %esp, %ss:ft_esp\n\t"
        "movl $0, %ss:ft_seg\n\t"
        "movl $0, %ss:ft_seg+4\n\t"
        "movl $0, %ss:ft_seg+8\n\t"
        "movl $0, %ss:ft_seg+12\n\t"
        "mov %ds, %ss:ft_seg\n\t"
        "mov %es, %ss:ft_seg+4\n\t"
        "mov %fs, %ss:ft_seg+8\n\t"
        "mov %gs, %ss:ft_seg+12\n\t"
        "pushf\n\t"
        "popl %ss:ft_flags\n\t"
        "mov %ss, %cx\n\t"
        "mov %cx, %ds\n\t"
        "mov %cx, %es\n\t"
        "jmp pv_upcall_entry\n");

/* The interrupted state in the frame: the patterns hostile_spin() set. */
static void frame_check(const struct pv_upcall_frame *f)
{
    frame_regs_ok = f->ebx == 0x11111111u && f->ecx == 0x22222222u && f->edx == 0x33333333u &&
                    f->esi == 0x44444444u && f->edi == 0x55555555u && f->ebp == 0x66666666u &&
                    f->eax == 0x77777777u;
    frame_df = f->eflags & DF;
    ft_fired = 1;
}

/* Spins with %esp = esp and the hostile state until the upcall has run,
 * then reads back every register, flag and segment (%ds and %es are
 * ft_entry's then: it reloads them; ft_seg has what the kernel left). */
static void hostile_spin(uint32_t esp)
{
    ft_fired = 0;
    __asm__ volatile("push %%ebp\n\t"
                     "mov %%esp, %%ss:saved_esp\n\t"
                     "mov %[esp], %%esp\n\t"
                     "mov $0x11111111, %%ebx\n\t"
                     "mov $0x22222222, %%ecx\n\t"
                     "mov $0x33333333, %%edx\n\t"
                     "mov $0x44444444, %%esi\n\t"
                     "mov $0x55555555, %%edi\n\t"
                     "mov $0x66666666, %%ebp\n\t"
                     "xor %%eax, %%eax\n\t"
                     "mov %%ax, %%ds\n\t"
                     "mov %%ax, %%es\n\t"
                     "mov $3, %%eax\n\t"
                     "mov %%ax, %%fs\n\t"
                     "mov %%ax, %%gs\n\t"
                     "mov $0x77777777, %%eax\n\t"
                     "std\n"
                     "1:\n\t"
                     "cmpl $0, %%ss:ft_fired\n\t"
                     "je 1b\n\t"
                     "mov %%eax, %%ss:after\n\t"
                     "mov %%ebx, %%ss:after+4\n\t"
                     "mov %%ecx, %%ss:after+8\n\t"
                     "mov %%edx, %%ss:after+12\n\t"
                     "mov %%esi, %%ss:after+16\n\t"
                     "mov %%edi, %%ss:after+20\n\t"
                     "mov %%ebp, %%ss:after+24\n\t"
                     "mov %%ss:saved_esp, %%esp\n\t"
                     "pushf\n\t"
                     "popl %%ss:after+28\n\t"
                     "movl $0, %%ss:after_seg\n\t"
                     "movl $0, %%ss:after_seg+4\n\t"
                     "movl $0, %%ss:after_seg+8\n\t"
                     "movl $0, %%ss:after_seg+12\n\t"
                     "mov %%ds, %%ss:after_seg\n\t"
                     "mov %%es, %%ss:after_seg+4\n\t"
                     "mov %%fs, %%ss:after_seg+8\n\t"
                     "mov %%gs, %%ss:after_seg+12\n\t"
                     "mov %%ss, %%ax\n\t"
                     "mov %%ax, %%ds\n\t"
                     "mov %%ax, %%es\n\t"
                     "cld\n\t"
                     "pop %%ebp"
                     :
                     : [esp] "r"(esp)
                     : "eax", "ebx", "ecx", "edx", "esi", "edi", "memory", "cc");
}

static int state_kept(void)
{
    return after[0] == 0x77777777u && after[1] == 0x11111111u && after[2] == 0x22222222u &&
           after[3] == 0x33333333u && after[4] == 0x44444444u && after[5] == 0x55555555u &&
           after[6] == 0x66666666u && (after[7] & DF) && after_seg[2] == 3 && after_seg[3] == 3;
}

/* The upcall at the kernel's entry: DF clear, the segments the interrupted
 * code had, %esp = %eax = the frame where arch_upcall_push() puts it. */
static int entry_state(uint32_t esp)
{
    uint32_t va = (esp - sizeof(struct pv_upcall_frame) - 4) & ~0xfu;

    return !(ft_flags & DF) && (ft_seg[0] & 0xfffc) == 0 && (ft_seg[1] & 0xfffc) == 0 &&
           ft_seg[2] == 3 && ft_seg[3] == 3 && ft_frame == va && ft_esp == va && frame_regs_ok &&
           frame_df;
}

#define ENTRY_STATE_DUMP                                                                           \
    tp_printf(                                                                                     \
        "seg %x %x %x %x flags %x frame %x esp %x regs %d df %x after %x %x %x %x %x %x %x %x "    \
        "seg %x %x %x %x\n",                                                                       \
        ft_seg[0], ft_seg[1], ft_seg[2], ft_seg[3], ft_flags, ft_frame, ft_esp, frame_regs_ok,     \
        frame_df, after[0], after[1], after[2], after[3], after[4], after[5], after[6], after[7],  \
        after_seg[0], after_seg[1], after_seg[2], after_seg[3])
#define FT_ENTRY ft_entry
#elif defined(__riscv)
/* deadline -> C handler: the fast path ~350 with the deadline's rounding
 * up to a 100 ns count, the full entry 500 or more */
#define FAST_NS 450u

/* Every register but sp and gp holds a pattern while the timer fires; x30
 * is the spin's load (0 until the upcall has run), x31 the address of
 * ft_rv throughout. */
#define FT_REGS                                                                                    \
    "1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, "    \
    "27, "                                                                                         \
    "28, 29"
#define FT_PATTERN(r) (0x5a5a000000000000ull | (uint64_t)(r) << 32 | (r))
static const uint8_t ft_regs[] = {1,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16,
                                  17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29};
struct ft_spin {
    uint64_t fired;     /* the handler's: 1 once it ran */
    uint64_t after[32]; /* x0-x31 when the spin saw it */
    uint64_t saved[16]; /* ra, sp, tp, s0-s11 of the caller */
};
volatile struct ft_spin ft_rv;
static volatile uint64_t ft_frame, ft_gp;
void ft_spin(uint64_t sp);
__asm__(".text\n\t.globl ft_spin\n\t.type ft_spin, @function\n"
        "ft_spin:\n\t"
        "la t0, ft_rv\n\t"
        "sd ra, 264(t0)\n\tsd sp, 272(t0)\n\tsd tp, 280(t0)\n\t"
        ".irp k, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11\n\tsd s\\k, 288 + 8 * \\k(t0)\n\t.endr\n\t"
        "mv x31, t0\n\t"
        "mv sp, a0\n\t"
        ".irp reg, " FT_REGS "\n\tli x\\reg, 0x5a5a000000000000 + (\\reg << 32) + \\reg\n\t"
        ".endr\n\t"
        "li x30, 0\n"
        "1:\n\tld x30, 0(x31)\n\tbeqz x30, 1b\n\t"
        ".irp reg, 1, 2, 3, " FT_REGS ", 30, 31\n\tsd x\\reg, 8 + 8 * \\reg(x31)\n\t.endr\n\t"
        "ld ra, 264(x31)\n\tld sp, 272(x31)\n\tld tp, 280(x31)\n\t"
        ".irp k, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11\n\tld s\\k, 288 + 8 * \\k(x31)\n\t.endr\n\t"
        "ret\n\t"
        ".size ft_spin, . - ft_spin");

/* The interrupted state in the frame (x[n - 1] is xn): the patterns, the
 * spin's x30 still 0 and x31, sp where it was set. */
static void frame_check(const struct pv_upcall_frame *f)
{
    uint32_t ok = f->x[29] == 0 && f->x[30] == (uintptr_t)&ft_rv;

    for (uint32_t i = 0; i < sizeof(ft_regs); i++) {
        ok &= f->x[ft_regs[i] - 1] == FT_PATTERN(ft_regs[i]);
    }
    frame_regs_ok = ok;
    frame_df = 1; /* no flags on RISC-V */
    ft_frame = (uintptr_t)f;
    ft_rv.fired = 1;
}

static void hostile_spin(uint32_t sp)
{
    ft_rv.fired = 0;
    __asm__ volatile("mv %0, gp" : "=r"(ft_gp));
    ft_spin(sp);
}

/* Every register as it was when the upcall came. */
static int state_kept(void)
{
    int ok =
        ft_rv.after[30] == 1 && ft_rv.after[31] == (uintptr_t)&ft_rv && ft_rv.after[3] == ft_gp;

    for (uint32_t i = 0; i < sizeof(ft_regs); i++) {
        ok &= ft_rv.after[ft_regs[i]] == FT_PATTERN(ft_regs[i]);
    }
    return ok;
}

/* The upcall's frame where arch_upcall_push() puts it, below sp. */
static int entry_state(uint32_t sp)
{
    uint64_t va = (sp - sizeof(struct pv_upcall_frame)) & ~0xfull;

    return ft_frame == va && frame_regs_ok && ft_rv.after[2] == sp;
}

#define FT_ENTRY pv_upcall_entry /* the interrupted state needs no setting up */
#define ENTRY_STATE_DUMP                                                                           \
    tp_printf("frame %llx regs %d x30 %llx x31 %llx sp %llx\n", (unsigned long long)ft_frame,      \
              frame_regs_ok, (unsigned long long)ft_rv.after[30],                                  \
              (unsigned long long)ft_rv.after[31], (unsigned long long)ft_rv.after[2])
#else
#error "fasttimer.c: x86 and RISC-V only"
#endif

/* Frames: the first bytes of B below sp and the last. */
#if defined(__i386__)
#define SP_FIRST_OF_B (AREA_B + sizeof(struct pv_upcall_frame) + 4)
#define SP_LAST_OF_B  (AREA_B_END + 3) /* the frame's last word is B's last */
#else
#define SP_FIRST_OF_B (AREA_B + sizeof(struct pv_upcall_frame))
#define SP_LAST_OF_B  AREA_B_END
#endif

/* Upcalls that found irq_level other than 1 in the control page: delivery
 * sets it to 1 (docs/pv-api.md), so that no other upcall nests inside. */
static volatile uint32_t level_wrong;

void pv_upcall_handler(struct pv_upcall_frame *f)
{
    handler_ns = pv_clock_ns();
    if (pv_shared()->irq_level != 1) {
        level_wrong++;
    }
    if (f->lines & LINE_BIT) {
        ft_hits++;
    }
    frame_check(f);
}

/* rounds one-shot upcalls with the frame for sp; how many came late
 * (the full entry) and how many had anything wrong. */
static void edge_rounds(uint32_t sp, uint32_t rounds, uint32_t *slow, uint32_t *bad)
{
    *slow = *bad = 0;
    for (uint32_t i = 0; i < rounds; i++) {
        uint32_t h0 = ft_hits;
        uint64_t deadline = pv_clock_ns() + 3 * US;

        pv_timer_set(PV_CLOCK_WALL, deadline, 0);
        hostile_spin(sp);
        if (ft_hits != h0 + 1 || !state_kept() || !entry_state(sp)) {
            (*bad)++;
            tp_printf("bad: hits %u kept %d entry %d\n", ft_hits - h0, state_kept(),
                      entry_state(sp));
            ENTRY_STATE_DUMP;
        }
        if (handler_ns - deadline >= FAST_NS) {
            (*slow)++;
        }
    }
}

static void edges(void)
{
    uint32_t slow, bad;

    /* The first frame in B goes the full way (B becomes the remembered
     * area), every later one the fast way. */
    edge_rounds(SP_FIRST_OF_B, 4, &slow, &bad);
    tp_printf("first bytes of B: %u slow, %u bad\n", slow, bad);
    check("frame at the first bytes of B, hostile state: every register kept", bad == 0);
    check("frame at the first bytes of B: the fast path from the second upcall on", slow == 1);
    edge_rounds(SP_LAST_OF_B, 4, &slow, &bad);
    tp_printf("last bytes of B: %u slow, %u bad\n", slow, bad);
    check("frame at the last bytes of B, hostile state: every register kept", bad == 0);
    check("frame at the last bytes of B: the fast path", slow == 0);
    /* A stack pointer that no ABI allows, odd: the frame still 16-byte
     * aligned below it, the stack pointer given back as it was. */
    edge_rounds(SP_FIRST_OF_B + 0x101, 2, &slow, &bad);
    tp_printf("odd stack pointer: %u slow, %u bad\n", slow, bad);
    check("an odd stack pointer: the frame aligned below it, every register kept", bad == 0);
    /* B is the remembered area now: a return of a frame one word across
     * either of its ends (into C or A) is refused as the full path refuses
     * it (RISC-V's upcall return is served in entry.S for a frame inside
     * that area). */
    check("upcall_return of a frame one word across the end of B -> PV_EFAULT",
          pv_upcall_return(
              (struct pv_upcall_frame *)(AREA_B_END + 8 - sizeof(struct pv_upcall_frame))) ==
              PV_EFAULT);
    check("upcall_return of a frame one word below the start of B -> PV_EFAULT",
          pv_upcall_return((struct pv_upcall_frame *)(AREA_B - 8)) == PV_EFAULT);
}

struct periodic_run {
    uint32_t upcalls, off_grid, early;
    uint32_t expirations; /* counted by the kernel meanwhile */
    uint32_t hits;        /* upcalls that carried the line */
    uint64_t k1, k_last;  /* the deadlines (periods from the first) of the first and last */
    uint32_t worst_late;  /* the latest upcall after the first, ns past its deadline */
    uint32_t worst_early; /* the earliest, ns before its deadline */
};

/* 200 upcalls of a periodic timer: where each came against the deadline
 * it is for (printed after the run: a line printed in it takes longer
 * than a period). The first may come late (the lines printed before are
 * drained in this partition's time, and its frame is in another area than
 * the last one). */
static void periodic_run(uint64_t period, struct periodic_run *r)
{
    volatile struct pv_shared *s = pv_shared();
    uint64_t first = pv_clock_ns() + 10 * US;
    uint32_t h0 = ft_hits, e0 = s->timer_expirations[PV_CLOCK_WALL];

    r->upcalls = r->off_grid = r->early = r->worst_late = r->worst_early = 0;
    pv_timer_set(PV_CLOCK_WALL, first, period);
    while (r->upcalls < 200) {
        uint32_t h = ft_hits;
        uint64_t at, due;

        /* cppcheck-suppress knownConditionTrueFalse ; volatile: the upcall moves it */
        while (ft_hits == h) {
            ;
        }
        r->upcalls++;
        at = handler_ns;
        if (r->upcalls == 1) {
            r->k1 = (at - first) / period;
        }
        due = first + (r->k1 + r->upcalls - 1) * period;
        if (at < due) {
            r->early++;
            r->worst_early = due - at > r->worst_early ? (uint32_t)(due - at) : r->worst_early;
        } else if (r->upcalls > 1) {
            r->off_grid += at - due >= FAST_NS;
            r->worst_late = at - due > r->worst_late ? (uint32_t)(at - due) : r->worst_late;
        }
        r->k_last = (at - first) / period;
    }
    pv_timer_set(PV_CLOCK_WALL, 0, 0);
    r->expirations = s->timer_expirations[PV_CLOCK_WALL] - e0;
    r->hits = ft_hits - h0;
    tp_printf("period %u ns: %u upcalls, %u at least %u ns late (latest %u), %u early "
              "(earliest %u ns)\n",
              (uint32_t)period, r->upcalls, r->off_grid, FAST_NS, r->worst_late, r->early,
              r->worst_early);
}

/* A periodic timer served by the fast path: one expiration counted per
 * upcall, each upcall on the period's grid (no drift, no lost tick). A
 * period of no whole number of 100 ns counts (the RISC-V clock's; x86
 * serves it fast too): never an upcall before its deadline, none lost. */
static void periodic(void)
{
    struct periodic_run r;

    periodic_run(5 * US, &r);
    check("periodic: one expiration counted per upcall",
          r.expirations == r.hits && r.hits >= r.upcalls);
    check("periodic: every upcall after the first at its deadline, by the fast path",
          r.off_grid == 0 && r.early == 0);
    check("periodic: no tick lost or added", r.k_last == r.k1 + r.upcalls - 1);
    periodic_run(5 * US + 50, &r);
    check("periodic, 5,050 ns: one expiration counted per upcall",
          r.expirations == r.hits && r.hits >= r.upcalls);
    check("periodic, 5,050 ns: no upcall before its deadline", r.early == 0);
    check("periodic, 5,050 ns: no tick lost or added", r.k_last == r.k1 + r.upcalls - 1);
}

static void stopped_case(uint32_t id)
{
    uint32_t slow, bad;

    if (id == 5) {
        edge_rounds(AREA_B + 0x800, 2, &slow, &bad); /* B remembered */
        tp_printf("frame across the end of B into C\n");
        pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 3 * US, 0);
        hostile_spin(AREA_B_END + 16);
    } else {
        tp_printf("stack pointer in the control page\n");
        pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 3 * US, 0);
        hostile_spin(PV_SHARED_VA + 0x800);
    }
}

void pv_main(uint32_t id)
{
    pv_upcall_set(FT_ENTRY);
    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_irq_enable();
    if (id != 1) {
        stopped_case(id);
        tp_printf("SURVIVED\n");
        return;
    }
    edges();
    periodic();
    check("every upcall ran with irq_level 1, as delivery sets it", level_wrong == 0);
    tp_printf("done\n");
}
