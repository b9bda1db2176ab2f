/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the kernel does not run across CPUs yet (docs/architecture.md,
 * "Multicore", not done), refused here first with the line that asks for
 * it: the kernel's own refusal at boot (kernel/core/cpu_plans.c) stays, as
 * defence in depth for tables not written by this tool. Both apply when a
 * CPU other than 0 has a window in some plan.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include "tcfg.h"

/* The first window on a CPU other than 0, in any plan; NULL if none. */
static const struct tcfg_window *other_cpu_window(const struct tcfg_system *sys)
{
    for (size_t i = 0; i < sys->num_plans; i++) {
        const struct tcfg_plan *p = &sys->plans[i];
        for (size_t w = 0; w < p->num_windows; w++) {
            if (p->windows[w].cpu != 0 && p->windows[w].cpu < sys->cpus) {
                return &p->windows[w];
            }
        }
    }
    return NULL;
}

/* The kernel's trace buffer is not shared between CPUs yet. */
static void check_trace(struct tcfg_diag *d, const struct tcfg_system *sys,
                        const struct tcfg_window *w)
{
    if (!sys->trace.on) {
        return;
    }
    if (sys->trace.at.prefix) {
        tcfg_error(d, &sys->trace.at,
                   "tracing with windows on several CPUs (CPU %" PRIu32
                   " on line %lu) is not done yet: the kernel refuses it",
                   w->cpu, w->at.line);
    } else {
        tcfg_error_line(d, "--trace", 0,
                        "tracing with windows on several CPUs (CPU %" PRIu32
                        " on line %lu) is not done yet: the kernel refuses it",
                        w->cpu, w->at.line);
    }
}

void tcfg_check_cpus_not_done(struct tcfg_diag *diag, const struct tcfg_system *sys)
{
    const struct tcfg_window *w = sys->cpus > 1 ? other_cpu_window(sys) : NULL;
    if (!w) {
        return;
    }
    check_trace(diag, sys, w);
}
