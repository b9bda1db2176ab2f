/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the kernel does not run across CPUs (docs/architecture.md,
 * "Multicore", not done), refused here first with the line that asks for
 * it: the kernel's own refusal at boot (kernel/core/cpu_plans.c) stays, as
 * defence in depth for tables not written by this tool. Now one rule: no
 * module reset where a partition moves between CPUs (each CPU applies a
 * module reset to the partitions whose windows are its own; a moving
 * partition has none, and its stale mark serves its handover).
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include "tcfg.h"
#include "util.h"

/* The first window, in document order of the plans, of a partition whose
 * windows are on several CPUs, at that partition's second CPU; NULL if no
 * partition moves. */
static const struct tcfg_window *moving_window(const struct tcfg_system *sys)
{
    const struct tcfg_window *found = NULL;
    if (sys->num_partitions == 0) {
        return NULL;
    }
    uint32_t *first = xcalloc(sys->num_partitions, sizeof *first);
    for (size_t k = 0; k < sys->num_partitions; k++) {
        first[k] = UINT32_MAX;
    }
    for (size_t i = 0; i < sys->num_plans && !found; i++) {
        const struct tcfg_plan *p = &sys->plans[i];
        for (size_t j = 0; j < p->num_windows && !found; j++) {
            const struct tcfg_window *w = &p->windows[j];
            if (w->bad || w->partition >= sys->num_partitions || w->cpu >= sys->cpus) {
                continue;
            }
            if (first[w->partition] == UINT32_MAX) {
                first[w->partition] = w->cpu;
            } else if (first[w->partition] != w->cpu) {
                found = w;
            }
        }
    }
    free(first);
    return found;
}

/* An entry of the module's table whose action is reset-module (a
 * partition's table may not have one, hm.c), unless every partition has an
 * entry of its own for that error (no default action is reset-module). */
static void check_reset_module(struct tcfg_diag *d, const struct tcfg_system *sys,
                               const struct tcfg_window *w)
{
    bool own[TCFG_HM_ERRORS]; /* every partition has an entry of its own */
    for (unsigned e = 0; e < TCFG_HM_ERRORS; e++) {
        own[e] = true;
    }
    for (size_t i = 0; i < sys->num_partitions; i++) {
        const struct tcfg_hm *hm = &sys->partitions[i].hm;
        bool has[TCFG_HM_ERRORS] = {false};
        for (size_t k = 0; k < hm->num_entries; k++) {
            const struct tcfg_hm_entry *e = &hm->entries[k];
            if (!e->bad) {
                has[e->error] = e->action != TCFG_HM_MODULE;
            }
        }
        for (unsigned e = 0; e < TCFG_HM_ERRORS; e++) {
            own[e] = own[e] && has[e];
        }
    }
    for (size_t k = 0; k < sys->hm.num_entries; k++) {
        const struct tcfg_hm_entry *e = &sys->hm.entries[k];
        if (!e->bad && e->action == TCFG_HM_RESET_MODULE && !own[e->error]) {
            tcfg_error(d, &e->at,
                       "action=\"reset-module\" while \"%s\" moves between CPUs (CPU %" PRIu32
                       " on line %lu): module resets where a partition moves between CPUs are "
                       "not done yet",
                       w->partition_name, w->cpu, w->at.line);
        }
    }
}

void tcfg_check_cpus_not_done(struct tcfg_diag *diag, const struct tcfg_system *sys)
{
    const struct tcfg_window *w = sys->cpus > 1 ? moving_window(sys) : NULL;
    if (w) {
        check_reset_module(diag, sys, w);
    }
}
