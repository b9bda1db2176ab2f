/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Lazy FPU switching. The FPU (x87 and SSE state) belongs to at most one
 * partition at a time; on every switch CR0.TS is set unless the incoming
 * partition is that owner, so the first FPU instruction of another partition
 * traps (#NM) and only then is the state exchanged. A partition configured
 * without the FPU right never becomes the owner: its FPU use is a fault.
 */
#include "arch.h"
#include "kprintf.h"
#include "partition.h"
#include "x86.h"

static struct partition *fpu_owner;
/* CR0.TS as last written (set at boot): a switch between two partitions
 * that both lack the FPU leaves CR0 alone instead of rewriting the same
 * value (a serializing instruction on hardware). */
static int ts_clear;

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
    if (!(d & (1u << 0)) || !(d & (1u << 24)))
        panic("fpu: CPU lacks an FPU or FXSAVE/FXRSTOR");
    fpu_initial.bytes[0] = 0x7f;
    fpu_initial.bytes[1] = 0x03;
    fpu_initial.bytes[24] = 0x80;
    fpu_initial.bytes[25] = 0x1f;
    write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
    write_cr0((read_cr0() & ~CR0_EM) | CR0_MP | CR0_NE | CR0_TS);
}

void x86_fpu_switch_to(const struct partition *p)
{
    if (p && p == fpu_owner)
        clear_ts();
    else
        set_ts();
}

/* Handles #NM for p. Returns 0 when p may go on, -1 when FPU use is a fault. */
int x86_fpu_trap(struct partition *p)
{
    if (!(p->cfg->flags & CFG_PART_FPU))
        return -1;
    clear_ts();
    if (fpu_owner && fpu_owner->ctx.fpu_used)
        __asm__ volatile("fxsave %0" : "=m"(fpu_owner->ctx.fpu));
    if (p->ctx.fpu_used) {
        __asm__ volatile("fxrstor %0" : : "m"(p->ctx.fpu));
    } else {
        /* First use: the default FPU state, every register overwritten. */
        __asm__ volatile("fxrstor %0" : : "m"(fpu_initial));
        p->ctx.fpu_used = 1;
    }
    fpu_owner = p;
    return 0;
}

/* Forgets p's FPU state (used when p is stopped or restarted). */
void x86_fpu_release(struct partition *p)
{
    p->ctx.fpu_used = 0;
    if (fpu_owner == p) {
        fpu_owner = 0;
        /* p may go on running (a restart): its next FPU use must trap
         * again, as nobody owns the FPU now. */
        set_ts();
    }
}
