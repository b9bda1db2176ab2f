/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 only: the timer interrupt fast path (kernel/arch/x86/entry.S,
 * timer_entry; docs/performance.md, "Timer fast paths") with the partition
 * in a hostile state when its wall-clock timer fires, under -icount.
 *
 * F (id 1): every general register a pattern, DF set, %ds and %es null,
 * %fs and %gs the null selector with RPL 3, %esp such that the upcall frame
 * lies at the first or the last bytes of area B (A below it and C above it
 * are readable and writable too, so a frame one byte across an edge lies
 * in two areas): the upcall must come, be fast once B is the remembered
 * area, carry the interrupted registers and flags, and the interrupted code
 * must go on with every register, flag and segment as it was. A periodic
 * timer served by the fast path keeps the kernel's bookkeeping: one
 * expiration counted per upcall, deadlines on the period's grid.
 * J4 (id 4): %esp in the control page when the timer fires; J5 (id 5): the
 * frame one word across the end of B into C, after a frame in B made B the
 * remembered area. The full path stops each of them, so the fast path must
 * refuse them.
 */
#include "tp.h"

#define US         1000ull
#define LINE_BIT   (1u << PV_IRQ_TIMER)
#define DF         0x400u
#define AREA_B     0x40201000u /* the system's area B, 4 KiB, between A and C */
#define AREA_B_END (AREA_B + 0x1000u)
#define FAST_NS    400u /* deadline -> C handler: the fast path ~150, the full entry ~650 */

void ft_entry(void);
volatile uint32_t ft_fired, ft_hits, ft_frame, ft_esp, ft_flags, ft_seg[4];
volatile uint32_t saved_esp, after[8], after_seg[4];
static volatile uint64_t handler_ns;
static volatile uint32_t frame_regs_ok, frame_df;

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

void pv_upcall_handler(struct pv_upcall_frame *f)
{
    handler_ns = pv_clock_ns();
    if (f->lines & LINE_BIT) {
        ft_hits++;
    }
    frame_regs_ok = f->ebx == 0x11111111u && f->ecx == 0x22222222u && f->edx == 0x33333333u &&
                    f->esi == 0x44444444u && f->edi == 0x55555555u && f->ebp == 0x66666666u &&
                    f->eax == 0x77777777u;
    frame_df = f->eflags & DF;
    ft_fired = 1;
}

static int check(const char *name, int ok)
{
    tp_printf("check %s: %s\n", name, ok ? "ok" : "FAIL");
    return ok;
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

/* rounds one-shot upcalls with the frame for esp; how many came late
 * (the full entry) and how many had anything wrong. */
static void edge_rounds(uint32_t esp, uint32_t rounds, uint32_t *slow, uint32_t *bad)
{
    *slow = *bad = 0;
    for (uint32_t i = 0; i < rounds; i++) {
        uint32_t h0 = ft_hits;
        uint64_t deadline = pv_clock_ns() + 3 * US;

        pv_timer_set(PV_CLOCK_WALL, deadline, 0);
        hostile_spin(esp);
        if (ft_hits != h0 + 1 || !state_kept() || !entry_state(esp)) {
            (*bad)++;
            tp_printf("bad: hits %u kept %d entry %d seg %x %x %x %x flags %x frame %x esp %x "
                      "regs %d df %x after %x %x %x %x %x %x %x %x seg %x %x %x %x\n",
                      ft_hits - h0, state_kept(), entry_state(esp), ft_seg[0], ft_seg[1], ft_seg[2],
                      ft_seg[3], ft_flags, ft_frame, ft_esp, frame_regs_ok, frame_df, after[0],
                      after[1], after[2], after[3], after[4], after[5], after[6], after[7],
                      after_seg[0], after_seg[1], after_seg[2], after_seg[3]);
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
    edge_rounds(AREA_B + sizeof(struct pv_upcall_frame) + 4, 4, &slow, &bad);
    tp_printf("first bytes of B: %u slow, %u bad\n", slow, bad);
    check("frame at the first bytes of B, hostile state: every register, flag and segment kept",
          bad == 0);
    check("frame at the first bytes of B: the fast path from the second upcall on", slow == 1);
    /* %esp 3 past the end of B: the frame's last word is B's last. */
    edge_rounds(AREA_B_END + 3, 4, &slow, &bad);
    tp_printf("last bytes of B: %u slow, %u bad\n", slow, bad);
    check("frame at the last bytes of B, hostile state: every register, flag and segment kept",
          bad == 0);
    check("frame at the last bytes of B: the fast path", slow == 0);
}

/* A periodic timer served by the fast path: one expiration counted per
 * upcall, each upcall on the period's grid (no drift, no lost tick). The
 * first may come late (the lines printed before are drained in this
 * partition's time, and its frame is in another area than the last one). */
static void periodic(void)
{
    volatile struct pv_shared *s = pv_shared();
    const uint64_t period = 5 * US;
    uint64_t first = pv_clock_ns() + 10 * US, last = 0, k1 = 0;
    uint32_t h0 = ft_hits, e0 = s->timer_expirations[PV_CLOCK_WALL];
    uint32_t off_grid = 0, n = 0;

    pv_timer_set(PV_CLOCK_WALL, first, period);
    while (n < 200) {
        uint32_t h = ft_hits;

        while (ft_hits == h) {
            ;
        }
        n++;
        last = handler_ns;
        if (n == 1) {
            k1 = (last - first) / period;
        } else if ((last - first) % period >= FAST_NS) {
            off_grid++;
            tp_printf("off the grid: upcall %u at %u ns past a deadline\n", n,
                      (uint32_t)((last - first) % period));
        }
    }
    pv_timer_set(PV_CLOCK_WALL, 0, 0);
    tp_printf("periodic: %u upcalls, %u off the grid (the fast path's)\n", n, off_grid);
    check("periodic: one expiration counted per upcall",
          s->timer_expirations[PV_CLOCK_WALL] - e0 == ft_hits - h0 && ft_hits - h0 >= n);
    check("periodic: every upcall after the first at its deadline, by the fast path",
          off_grid == 0);
    check("periodic: no tick lost or added", (last - first) / period == k1 + n - 1);
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
        tp_printf("esp in the control page\n");
        pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 3 * US, 0);
        hostile_spin(PV_SHARED_VA + 0x800);
    }
}

void pv_main(uint32_t id)
{
    pv_upcall_set(ft_entry);
    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_irq_enable();
    if (id != 1) {
        stopped_case(id);
        tp_printf("SURVIVED\n");
        return;
    }
    edges();
    periodic();
    tp_printf("done\n");
}
