/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A partition's register windows, handled on its behalf. entry.S has saved
 * every valid window into the frame (win[0] current, win[j] older), so a
 * window overflow, underflow or flush (`ta 3`) is plain memory copying
 * between the frame and the partition's stack - through uaccess, so that a
 * bad stack pointer is the partition's fault and never the kernel's.
 * trap_fast.S serves most overflows and underflows itself (window_overflow:
 * an aligned save area in one page the partition may write / read, found
 * by an MMU probe); whatever it does not serve comes here, which decides.
 */
#include <stddef.h>
#include "arch.h"
#include "kstring.h"
#include "partition.h"
#include "sparc.h"
#include "uaccess.h"

/* The stack pointer of window j, where its 64-byte save area is: its own
 * %o6, which is the next younger window's %i6 (or, for the current window,
 * its outs). */
static uint32_t window_sp(const struct sparc_frame *f, uint32_t j)
{
    return j == 0 ? f->o[6] : f->win[j - 1].i[6];
}

static struct sparc_window *save_area(struct partition *p, uint32_t sp, uint32_t rights)
{
    if (sp & 7) {
        return NULL;
    }
    return uaccess_ptr(p->cfg, sp, sizeof(struct sparc_window), rights);
}

/* Spills windows nwin-1 .. keep to the stack; all or none. On failure
 * *bad_sp is the stack pointer that could not be used. */
static int spill_down_to(struct partition *p, uint32_t keep, uint32_t *bad_sp)
{
    struct sparc_frame *f = &p->ctx.frame;

    for (uint32_t j = keep; j < f->nwin; j++) {
        if (!save_area(p, window_sp(f, j), CFG_AREA_WRITE)) {
            *bad_sp = window_sp(f, j);
            return -1;
        }
    }
    for (uint32_t j = keep; j < f->nwin; j++) {
        memcpy(save_area(p, window_sp(f, j), CFG_AREA_WRITE), &f->win[j], sizeof(f->win[j]));
    }
    if (keep < f->nwin) {
        f->nwin = keep;
    }
    return 0;
}

int sparc_windows_flush(struct partition *p, uint32_t *bad_sp)
{
    return spill_down_to(p, 1, bad_sp);
}

/* Loads the window older than the oldest valid one from its stack. */
int sparc_window_fill(struct partition *p)
{
    struct sparc_frame *f = &p->ctx.frame;
    const struct sparc_window *src;

    if (f->nwin >= SPARC_USER_WINS) {
        return -1;
    }
    src = save_area(p, window_sp(f, f->nwin), CFG_AREA_READ);
    if (!src) {
        return -1;
    }
    memcpy(&f->win[f->nwin], src, sizeof(*src));
    f->nwin++;
    return 0;
}

/* Window overflow (the partition's `save` found no free window) and
 * underflow (its `restore` found none valid): make room or fill, and let the
 * instruction run again. Returns 0, or -1 with *bad_sp set to the stack
 * pointer that could not be used: a fault. */
int sparc_window_trap(struct partition *p, uint32_t tt, uint32_t *bad_sp)
{
    struct sparc_frame *f = &p->ctx.frame;

    if (tt == TT_WINDOW_OVERFLOW) {
        /* Spill the oldest window (overflow means all seven are valid). */
        *bad_sp = 0;
        return f->nwin < 2 || spill_down_to(p, f->nwin - 1, bad_sp) ? -1 : 0;
    }
    *bad_sp = f->nwin < SPARC_USER_WINS ? window_sp(f, f->nwin) : 0;
    return sparc_window_fill(p);
}
