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
    if (gap >= guard) {
        return false;
    }
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

/* Window order within a plan for check_frame: by partition, then offset,
 * then document order. */
static const struct tcfg_plan *sort_plan;
static int by_partition(const void *x, const void *y)
{
    const struct tcfg_window *a = &sort_plan->windows[*(const size_t *)x];
    const struct tcfg_window *b = &sort_plan->windows[*(const size_t *)y];
    if (a->partition != b->partition) {
        return a->partition < b->partition ? -1 : 1;
    }
    if (a->offset != b->offset) {
        return a->offset < b->offset ? -1 : 1;
    }
    return a->at.line < b->at.line ? -1 : a->at.line > b->at.line;
}

/* Within one frame: each window against the earlier windows of its
 * partition on other CPUs, of which the one that ends last on each CPU is
 * the only one that can be too close; one error per window. Windows of one
 * partition on one CPU never overlap (check_plan), so a sweep in offset
 * order that keeps, per CPU, the window that ends last sees every case:
 * O(windows x CPUs) after the sort. */
static void check_frame(struct tcfg_diag *d, const struct tcfg_plan *p, uint32_t cpus,
                        uint64_t guard)
{
    size_t *order = xcalloc(p->num_windows ? p->num_windows : 1, sizeof *order);
    const struct tcfg_window **last = xcalloc(cpus, sizeof *last);
    size_t n = 0;
    for (size_t i = 0; i < p->num_windows; i++) {
        if (usable(p, &p->windows[i], cpus)) {
            order[n++] = i;
        }
    }
    sort_plan = p;
    qsort(order, n, sizeof *order, by_partition);
    for (size_t i = 0; i < n; i++) {
        const struct tcfg_window *v = &p->windows[order[i]];
        if (i == 0 || p->windows[order[i - 1]].partition != v->partition) {
            for (uint32_t c = 0; c < cpus; c++) {
                last[c] = NULL;
            }
        }
        for (uint32_t c = 0; c < cpus; c++) {
            const struct tcfg_window *w = last[c];
            if (c == v->cpu || !w) {
                continue;
            }
            uint64_t end = w->offset + w->duration;
            if (report(d, v, w, p, false, v->offset >= end ? v->offset - end : 0, v->offset < end,
                       guard)) {
                break;
            }
        }
        const struct tcfg_window *l = last[v->cpu];
        if (!l || v->offset + v->duration > l->offset + l->duration) {
            last[v->cpu] = v;
        }
    }
    free(order);
    free(last);
}

/* The window of each partition on each CPU that starts first and the one
 * that ends last in plan p: first[k * cpus + c], last[k * cpus + c]. */
static void edges(const struct tcfg_plan *p, size_t parts, uint32_t cpus,
                  const struct tcfg_window **first, const struct tcfg_window **last)
{
    for (size_t i = 0; i < p->num_windows; i++) {
        const struct tcfg_window *w = &p->windows[i];
        if (!usable(p, w, cpus) || w->partition >= parts) {
            continue;
        }
        size_t at = w->partition * cpus + w->cpu;
        if (!first[at] || w->offset < first[at]->offset) {
            first[at] = w;
        }
        if (!last[at] || w->offset + w->duration > last[at]->offset + last[at]->duration) {
            last[at] = w;
        }
    }
}

/* Across a frame boundary: the last window of each partition on each CPU
 * in plan a against its first on every other CPU in plan b. */
static void check_boundary(struct tcfg_diag *d, const struct tcfg_system *sys,
                           const struct tcfg_plan *a, const struct tcfg_window *const *a_last,
                           const struct tcfg_window *const *b_first, uint32_t cpus)
{
    for (size_t k = 0; k < sys->num_partitions; k++) {
        for (uint32_t ca = 0; ca < cpus; ca++) {
            const struct tcfg_window *w = a_last[k * cpus + ca];
            for (uint32_t cb = 0; w && cb < cpus; cb++) {
                const struct tcfg_window *v = cb == ca ? NULL : b_first[k * cpus + cb];
                if (v) {
                    report(d, v, w, a, true, a->major_frame - (w->offset + w->duration) + v->offset,
                           false, sys->guard);
                }
            }
        }
    }
}

/* A partition with windows on several CPUs is handed over between them
 * within the guard time (kernel/core/handover.c), which must then cover
 * the kernel's longest path: CFG_HANDOVER_MIN_GUARD_NS at least. One error
 * per partition, at its first window on a second CPU. */
static void check_handover_guard(struct tcfg_diag *d, const struct tcfg_system *sys)
{
    if (sys->guard >= CFG_HANDOVER_MIN_GUARD_NS || sys->num_partitions == 0) {
        return;
    }
    uint32_t *first = xcalloc(sys->num_partitions, sizeof *first);
    bool *told = xcalloc(sys->num_partitions, sizeof *told);
    for (size_t k = 0; k < sys->num_partitions; k++) {
        first[k] = UINT32_MAX;
    }
    for (size_t i = 0; i < sys->num_plans; i++) {
        const struct tcfg_plan *p = &sys->plans[i];
        for (size_t j = 0; j < p->num_windows; j++) {
            const struct tcfg_window *w = &p->windows[j];
            if (!usable(p, w, sys->cpus) || w->partition >= sys->num_partitions) {
                continue;
            }
            if (first[w->partition] == UINT32_MAX) {
                first[w->partition] = w->cpu;
            } else if (first[w->partition] != w->cpu && !told[w->partition]) {
                char t1[TCFG_TIME_BUF], t2[TCFG_TIME_BUF];
                told[w->partition] = true;
                tcfg_error(d, &w->at,
                           "\"%s\" has windows on CPU %" PRIu32 " and CPU %" PRIu32
                           ": a partition that moves between CPUs needs a guard time of at least "
                           "%s, the schedule's is %s",
                           w->partition_name, first[w->partition], w->cpu,
                           tcfg_format_time(CFG_HANDOVER_MIN_GUARD_NS, t1),
                           tcfg_format_time(sys->guard, t2));
            }
        }
    }
    free(first);
    free(told);
}

void tcfg_check_cpus(struct tcfg_diag *diag, const struct tcfg_system *sys)
{
    uint32_t cpus = sys->cpus;
    size_t per_plan = sys->num_partitions * cpus;
    size_t all = sys->num_plans * per_plan;
    const struct tcfg_window **first = xcalloc(all ? all : 1, sizeof *first);
    const struct tcfg_window **last = xcalloc(all ? all : 1, sizeof *last);
    for (size_t i = 0; i < sys->num_plans; i++) {
        check_frame(diag, &sys->plans[i], cpus, sys->guard);
        edges(&sys->plans[i], sys->num_partitions, cpus, first + i * per_plan, last + i * per_plan);
    }
    for (size_t i = 0; i < sys->num_plans; i++) {
        for (size_t j = 0; j < sys->num_plans; j++) {
            check_boundary(diag, sys, &sys->plans[i], last + i * per_plan, first + j * per_plan,
                           cpus);
        }
    }
    free(first);
    free(last);
    check_handover_guard(diag, sys);
}
