/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * FPU (x87, MMX, SSE) switching.
 *
 * CR0.TS alone does not protect a partition's FPU registers on our
 * platform: QEMU executes some MMX/SSE forms (emms, cvtpi2ps, cvtpi2pd,
 * cvt(t)ps2pi, cvt(t)pd2pi, movdq2q, movq2dq) without #NM under CR0.TS. So
 * the registers never hold a partition's state while another partition
 * runs:
 *  - a partition that has the FPU right and has used the FPU gets its state
 *    loaded when it is switched in and runs with CR0.TS clear; its state is
 *    saved when it is switched out;
 *  - every other partition runs with CR0.TS set on registers that hold the
 *    clean initial state (rewritten before it runs if anyone could have
 *    changed them since), so what the leaky forms see or change is nobody's;
 *  - the first FPU instruction of a partition with the right traps (#NM)
 *    and starts it on the initial state; without the right, it is a fault.
 * The cost, per switch into or out of an FPU user: one fxsave and one
 * fxrstor; per switch between partitions that do not use the FPU: one
 * fxrstor of the initial state and two CR0 writes (docs/performance.md).
 * Switching to idle leaves the registers clean and CR0.TS set, so what a
 * window start costs depends on the incoming partition alone.
 */
#include "arch.h"
#include "kprintf.h"
#include "partition.h"
#include "x86.h"

/* What the FPU registers hold: a partition's state (that partition), the
 * initial state (REGS_CLEAN), or possibly anything (REGS_DIRTY: a
 * partition ran on them with CR0.TS set, or a stopped partition's state
 * was left behind). */
#define REGS_CLEAN ((const struct partition *)1)
#define REGS_DIRTY ((const struct partition *)2)
/* Per CPU, as every FPU is. */
static const struct partition *regs_hold ARCH_PER_CPU = REGS_DIRTY;

/* CR0.TS as last written (set at boot): CR0 is rewritten only when the
 * value changes (a serializing instruction on hardware). */
static int ts_clear ARCH_PER_CPU;

static void set_ts(void)
{
    if (ts_clear) {
        write_cr0(read_cr0() | CR0_TS);
        ts_clear = 0;
    }
}

static void clear_ts(void)
{
    if (!ts_clear) {
        clts();
        ts_clear = 1;
    }
}

/* The state every partition starts with: all registers zero, FCW 0x37f,
 * MXCSR 0x1f80, every x87 register empty. */
static struct x86_fpu_state fpu_initial;

void x86_fpu_init(void)
{
    uint32_t a, b, c, d;

    cpuid(1, &a, &b, &c, &d);
    if (!(d & (1u << 0)) || !(d & (1u << 24))) {
        panic("fpu: CPU lacks an FPU or FXSAVE/FXRSTOR");
    }
    fpu_initial.bytes[0] = 0x7f;
    fpu_initial.bytes[1] = 0x03;
    fpu_initial.bytes[24] = 0x80;
    fpu_initial.bytes[25] = 0x1f;
    write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
    write_cr0((read_cr0() & ~CR0_EM) | CR0_MP | CR0_NE | CR0_TS);
}

/* An application processor: its FPU as the boot CPU's (checked there). */
void x86_fpu_init_ap(void)
{
    write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
    write_cr0((read_cr0() & ~CR0_EM) | CR0_MP | CR0_NE | CR0_TS);
}

static bool owns_state(const struct partition *p)
{
    return p && (p->cfg->flags & CFG_PART_FPU) && p->ctx.fpu_used;
}

/* Saves the state of the partition whose state the registers hold. */
static void save_live(void)
{
    if (regs_hold != REGS_CLEAN && regs_hold != REGS_DIRTY) {
        struct partition *o = (struct partition *)(uintptr_t)regs_hold;

        clear_ts();
        __asm__ volatile("fxsave %0" : "=m"(o->ctx.fpu));
        regs_hold = REGS_DIRTY; /* o's values are still in them */
    }
}

/* Called whenever the context to resume changes (p = NULL: idle). */
void x86_fpu_switch_to(const struct partition *p)
{
    /* To idle (the guard band before another partition's window, or idle
     * time): the outgoing partition's state is saved and the registers
     * scrubbed now, in its time, so that the next window's start costs the
     * same whoever ran before (a neighbour's FPU use must not move it). */
    if (!p) {
        if (regs_hold != REGS_CLEAN) {
            save_live();
            clear_ts();
            __asm__ volatile("fxrstor %0" : : "m"(fpu_initial));
            regs_hold = REGS_CLEAN;
        }
        set_ts();
        return;
    }
    if (p == regs_hold) {
        clear_ts();
        return;
    }
    save_live();
    if (owns_state(p)) {
        clear_ts();
        __asm__ volatile("fxrstor %0" : : "m"(p->ctx.fpu));
        regs_hold = p;
        return;
    }
    if (regs_hold != REGS_CLEAN) {
        clear_ts();
        __asm__ volatile("fxrstor %0" : : "m"(fpu_initial));
    }
    set_ts();
    /* p runs with TS set; the forms QEMU lets through may change these. */
    regs_hold = REGS_DIRTY;
}

/* Handles #NM for p. Returns 0 when p may go on, -1 when FPU use is a fault. */
int x86_fpu_trap(struct partition *p)
{
    if (!(p->cfg->flags & CFG_PART_FPU)) {
        return -1;
    }
    save_live(); /* nobody's but p can be live here; kept for safety */
    clear_ts();
    /* First use: the initial state, every register overwritten (p may
     * have changed them through the forms that do not trap). */
    __asm__ volatile("fxrstor %0" : : "m"(fpu_initial));
    p->ctx.fpu_used = 1;
    regs_hold = p;
    return 0;
}

/* p leaves this CPU for another (arch_context_save): its state, if the
 * registers hold it, is saved for the other CPU to load. */
void x86_fpu_save_for_handover(const struct partition *p)
{
    if (regs_hold == p) {
        save_live();
    }
}

/* Forgets p's FPU state (used when p is stopped or restarted). */
void x86_fpu_release(struct partition *p)
{
    p->ctx.fpu_used = 0;
    if (regs_hold == p) {
        /* p's values are still in the registers: scrubbed before anyone
         * runs on them. p may go on running (a restart): its next FPU use
         * must trap again. */
        regs_hold = REGS_DIRTY;
        set_ts();
    }
}
