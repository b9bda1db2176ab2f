/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The multicore rule of a schedule: a partition runs on one CPU at a time.
 * Its windows on different CPUs never overlap, and between the end of one
 * and the start of one on another CPU lies at least the guard time G: the
 * last kernel path the partition starts on the first CPU may run G past
 * its window's end (docs/architecture.md, "Multicore"), and only then is
 * its context free to be loaded on the other. The same holds across a
 * frame boundary, into the same plan's next frame or any plan that a
 * switch can bring.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "tcfg.h"
#include "units.h"
#include "util.h"

static bool usable(const struct tcfg_plan *p, const struct tcfg_window *w, uint32_t cpus)
{
    return !p->bad && p->major_frame != 0 && !w->bad && w->duration != 0 &&
           w->partition != TCFG_NONE && w->cpu < cpus && w->offset < p->major_frame &&
           w->duration <= p->major_frame - w->offset;
}

/* v starts gap after w ends (w on another CPU, earlier): an error at v
 * when gap < G. before says whether w is in the frame before. */
static bool report(struct tcfg_diag *d, const struct tcfg_window *v, const struct tcfg_window *w,
                   const struct tcfg_plan *wp, bool before, uint64_t gap, bool overlap,
                   uint64_t guard)
{
    char t1[TCFG_TIME_BUF], t2[TCFG_TIME_BUF], t3[TCFG_TIME_BUF], t4[TCFG_TIME_BUF];
    char t5[TCFG_TIME_BUF], t6[TCFG_TIME_BUF];
    if (overlap) {
        tcfg_error(d, &v->at,
                   "window [%s, %s) on CPU %" PRIu32
                   " overlaps the window of \"%s\" on CPU %" PRIu32
                   " at [%s, %s) (line %lu): a partition runs on one CPU at a time",
                   tcfg_format_time(v->offset, t1), tcfg_format_time(v->offset + v->duration, t2),
                   v->cpu, w->partition_name, w->cpu, tcfg_format_time(w->offset, t3),
                   tcfg_format_time(w->offset + w->duration, t4), w->at.line);
        return true;
    }
    if (gap >= guard)
        return false;
    tcfg_error(d, &v->at,
               "window [%s, %s) on CPU %" PRIu32 " starts %s after the window of \"%s\" on CPU "
               "%" PRIu32 " at [%s, %s) (line %lu)%s%s%s ends, less than the guard time %s "
               "that it needs to leave that CPU",
               tcfg_format_time(v->offset, t1), tcfg_format_time(v->offset + v->duration, t2),
               v->cpu, tcfg_format_time(gap, t3), w->partition_name, w->cpu,
               tcfg_format_time(w->offset, t4), tcfg_format_time(w->offset + w->duration, t5),
               w->at.line, before ? " in the frame before (plan \"" : "", before ? wp->name : "",
               before ? "\")" : "", tcfg_format_time(guard, t6));
    return true;
}

/* Within one frame: each window against the earlier ones of its partition
 * on other CPUs; one error per window. */
static void check_frame(struct tcfg_diag *d, const struct tcfg_plan *p, uint32_t cpus,
                        uint64_t guard)
{
    for (size_t i = 0; i < p->num_windows; i++) {
        const struct tcfg_window *v = &p->windows[i];
        if (!usable(p, v, cpus))
            continue;
        for (size_t k = 0; k < p->num_windows; k++) {
            const struct tcfg_window *w = &p->windows[k];
            if (k == i || !usable(p, w, cpus) || w->partition != v->partition || w->cpu == v->cpu ||
                w->offset > v->offset || (w->offset == v->offset && w->at.line > v->at.line))
                continue;
            uint64_t end = w->offset + w->duration;
            if (report(d, v, w, p, false, v->offset >= end ? v->offset - end : 0, v->offset < end,
                       guard))
                break;
        }
    }
}

/* The window of partition k on cpu c of plan p that starts first (first)
 * or ends last (!first), or NULL. */
static const struct tcfg_window *edge(const struct tcfg_plan *p, size_t k, uint32_t c,
                                      uint32_t cpus, bool first)
{
    const struct tcfg_window *found = NULL;
    for (size_t i = 0; i < p->num_windows; i++) {
        const struct tcfg_window *w = &p->windows[i];
        if (!usable(p, w, cpus) || w->partition != k || w->cpu != c)
            continue;
        if (!found || (first ? w->offset < found->offset
                             : w->offset + w->duration > found->offset + found->duration))
            found = w;
    }
    return found;
}

/* Across a frame boundary: the last window of each partition on each CPU
 * in plan a against its first on every other CPU in plan b. */
static void check_boundary(struct tcfg_diag *d, const struct tcfg_system *sys,
                           const struct tcfg_plan *a, const struct tcfg_plan *b, uint32_t cpus)
{
    for (size_t k = 0; k < sys->num_partitions; k++)
        for (uint32_t ca = 0; ca < cpus; ca++) {
            const struct tcfg_window *w = edge(a, k, ca, cpus, false);
            if (!w)
                continue;
            for (uint32_t cb = 0; cb < cpus; cb++) {
                const struct tcfg_window *v = cb == ca ? NULL : edge(b, k, cb, cpus, true);
                if (v)
                    report(d, v, w, a, true, a->major_frame - (w->offset + w->duration) + v->offset,
                           false, sys->guard);
            }
        }
}

void tcfg_check_cpus(struct tcfg_diag *diag, const struct tcfg_system *sys)
{
    uint32_t cpus = sys->cpus;
    for (size_t i = 0; i < sys->num_plans; i++)
        check_frame(diag, &sys->plans[i], cpus, sys->guard);
    for (size_t i = 0; i < sys->num_plans; i++)
        for (size_t j = 0; j < sys->num_plans; j++)
            check_boundary(diag, sys, &sys->plans[i], &sys->plans[j], cpus);
}
