/* SPDX-License-Identifier: BSD-2-Clause */
/* Temporal checks: windows against their plan and each other, and coverage. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "tcfg.h"
#include "units.h"

static uint64_t window_end(const struct tcfg_window *w)
{
    uint64_t e = w->offset + w->duration;
    return e < w->offset ? UINT64_MAX : e;
}

/* By processor, then offset: each CPU's window table is then one run, in
 * the order the kernel wants it. */
static int by_offset(const void *x, const void *y)
{
    const struct tcfg_window *a = x, *b = y;
    if (a->cpu != b->cpu) {
        return a->cpu < b->cpu ? -1 : 1;
    }
    if (a->offset != b->offset) {
        return a->offset < b->offset ? -1 : 1;
    }
    /* Equal offsets keep document order, so the output is deterministic. */
    return a->at.line < b->at.line ? -1 : a->at.line > b->at.line;
}

static void check_plan(struct tcfg_diag *d, struct tcfg_plan *p, uint32_t cpus)
{
    char t1[TCFG_TIME_BUF], t2[TCFG_TIME_BUF], t3[TCFG_TIME_BUF], t4[TCFG_TIME_BUF];
    if (!p->bad && p->major_frame == 0) {
        tcfg_error(d, &p->at, "major frame is zero");
    }
    for (size_t i = 0; i < p->num_windows; i++) {
        struct tcfg_window *w = &p->windows[i];
        if (w->bad) {
            continue;
        }
        if (w->cpu >= cpus) {
            tcfg_error(d, &w->at,
                       "cpu=\"%" PRIu32 "\" is not one of the system's %" PRIu32
                       " CPUs (0 to %" PRIu32 ")",
                       w->cpu, cpus, cpus - 1);
            w->bad = true; /* no table to check it against */
        } else if (w->duration == 0) {
            tcfg_error(d, &w->at, "duration is zero");
        } else if (!p->bad && p->major_frame != 0 &&
                   (w->offset >= p->major_frame || w->duration > p->major_frame - w->offset)) {
            tcfg_error(d, &w->at, "window [%s, %s) ends after the major frame (%s)",
                       tcfg_format_time(w->offset, t1), tcfg_format_time(window_end(w), t2),
                       tcfg_format_time(p->major_frame, t3));
        }
    }
    qsort(p->windows, p->num_windows, sizeof *p->windows, by_offset);
    /* Sweep in offset order, remembering the window that reaches furthest. */
    const struct tcfg_window *reach = NULL;
    for (size_t i = 0; i < p->num_windows; i++) {
        const struct tcfg_window *w = &p->windows[i];
        if (w->bad || w->duration == 0) {
            continue;
        }
        uint64_t wend = window_end(w);
        if (reach && reach->cpu != w->cpu) {
            reach = NULL; /* windows on different CPUs may overlap */
        }
        if (reach) {
            uint64_t rend = window_end(reach);
            if (w->offset < rend) {
                tcfg_error(d, &w->at,
                           "window [%s, %s) overlaps the window of \"%s\" at [%s, %s) "
                           "(line %lu)",
                           tcfg_format_time(w->offset, t1), tcfg_format_time(wend, t2),
                           reach->partition_name, tcfg_format_time(reach->offset, t3),
                           tcfg_format_time(rend, t4), reach->at.line);
            }
            if (wend <= rend) {
                continue;
            }
        }
        reach = w;
    }
}

/* The kernel stops a partition G before the next window of another
 * partition (less the idle time between them: kernel/core/sched.h); what
 * is left of the window must be at least G, or the window is mostly guard. */
static void check_guard(struct tcfg_diag *d, const struct tcfg_plan *p, uint64_t guard)
{
    char t1[TCFG_TIME_BUF], t2[TCFG_TIME_BUF], t3[TCFG_TIME_BUF], t4[TCFG_TIME_BUF];
    if (p->bad || p->major_frame == 0) {
        return;
    }
    size_t first = 0; /* the first window of w's CPU */
    for (size_t i = 0; i < p->num_windows; i++) {
        const struct tcfg_window *w = &p->windows[i];
        if (w->cpu != p->windows[first].cpu) {
            first = i;
        }
        bool last = i + 1 == p->num_windows || p->windows[i + 1].cpu != w->cpu;
        const struct tcfg_window *n = &p->windows[last ? first : i + 1];
        uint64_t end = window_end(w);
        if (w->bad || n->bad || w->duration == 0 || end > p->major_frame) {
            continue;
        }
        uint64_t next = !last ? n->offset : p->major_frame + n->offset;
        if (next < end || !w->partition_name || !n->partition_name ||
            strcmp(w->partition_name, n->partition_name) == 0 || next - end >= guard) {
            continue;
        }
        uint64_t band = guard - (next - end);
        if (w->duration < band || w->duration - band < guard) {
            tcfg_error(d, &w->at,
                       "window [%s, %s) is too short for its guard band: \"%s\" stops "
                       "running %s before the window of \"%s\" (line %lu), leaving less "
                       "than the guard time %s",
                       tcfg_format_time(w->offset, t1), tcfg_format_time(end, t2),
                       w->partition_name, tcfg_format_time(band, t3), n->partition_name, n->at.line,
                       tcfg_format_time(guard, t4));
        }
    }
}

void tcfg_check_schedule(struct tcfg_diag *diag, struct tcfg_system *sys)
{
    if (!sys->has_guard) {
        sys->guard = sys->arch ? sys->arch->guard_ns : 0;
    }
    uint32_t cpus = sys->cpus_bad || sys->cpus == 0 ? 1 : sys->cpus;
    if (sys->cpus == 0 && !sys->cpus_bad) {
        tcfg_error(diag, &sys->at, "cpus=\"0\": a system runs on at least one CPU");
    } else if (sys->arch && sys->cpus > sys->arch->max_cpus) {
        tcfg_error(
            diag, &sys->at, "cpus=\"%" PRIu32 "\": the %s kernel runs on at most %" PRIu32 " CPU%s",
            sys->cpus, sys->arch->name, sys->arch->max_cpus, sys->arch->max_cpus == 1 ? "" : "s");
    }
    for (size_t i = 0; i < sys->num_plans; i++) {
        check_plan(diag, &sys->plans[i], cpus);
        check_guard(diag, &sys->plans[i], sys->guard);
    }
    if (cpus > 1) {
        tcfg_check_cpus(diag, sys);
    }
    /* A partition must run in the initial plan; later plans may leave it out. */
    if (sys->initial_plan == TCFG_NONE) {
        return;
    }
    const struct tcfg_plan *init = &sys->plans[sys->initial_plan];
    for (size_t k = 0; k < sys->num_partitions; k++) {
        bool found = false;
        for (size_t i = 0; i < init->num_windows && !found; i++) {
            found = init->windows[i].partition == k;
        }
        if (!found) {
            tcfg_error(diag, &sys->partitions[k].at, "has no window in the initial plan \"%s\"",
                       init->name);
        }
    }
}
