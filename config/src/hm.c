/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Health-monitor tables: the names of error ids and actions, and the checks
 * of each table against the rules of its level (docs/configuration.md).
 */
#include <stddef.h>
#include <inttypes.h>

#include "tcfg.h"

/* Indexed by PV_HM_*: the XML name and the C name of pv/abi_list.h. */
#define ERROR_NAME_(name, value, xml, ...) [value] = {xml, "PV_HM_" #name},
const struct tcfg_hm_name tcfg_hm_errors[TCFG_HM_ERRORS] = {PV_HM_ERROR_LIST(ERROR_NAME_)};

/* Indexed by PV_HM_ACTION_*; 0 is CFG_HM_DEFAULT of kernel/core/include/cfg.h. */
#define ACTION_NAME_(name, value, xml, ...) [value] = {xml, "PV_HM_ACTION_" #name},
const struct tcfg_hm_name tcfg_hm_actions[TCFG_HM_ACTIONS] = {
    [TCFG_HM_MODULE] = {"module", "CFG_HM_DEFAULT"}, PV_HM_ACTION_LIST(ACTION_NAME_)};

/* Whether the action is allowed at its level; reports why not. */
static bool level_ok(struct tcfg_diag *d, const struct tcfg_hm_entry *e, bool module)
{
    const char *name = tcfg_hm_actions[e->action].xml;
    switch (e->action) {
    case TCFG_HM_HALT_MODULE:
    case TCFG_HM_RESET_MODULE:
        if (module) {
            return true;
        }
        tcfg_error(d, &e->at,
                   "action=\"%s\" is a module-level action: only the <health-monitor> of "
                   "<system> may use it",
                   name);
        return false;
    case TCFG_HM_PROPAGATE:
        if (!module) {
            return true;
        }
        tcfg_error(d, &e->at,
                   "action=\"%s\" is a partition-level action: at module level there is no "
                   "guest handler to propagate to",
                   name);
        return false;
    case TCFG_HM_MODULE:
        if (!module) {
            return true;
        }
        tcfg_error(d, &e->at,
                   "action=\"%s\" is a partition-level action: it means \"as the module's table "
                   "says\"",
                   name);
        return false;
    default:
        return true;
    }
}

/* A restart loop answered by a restart, or by carrying on, would only
 * come back. */
static void restart_loop_ok(struct tcfg_diag *d, const struct tcfg_hm_entry *e, bool module)
{
    switch (e->action) {
    case TCFG_HM_HALT:
    case TCFG_HM_HALT_MODULE:
    case TCFG_HM_RESET_MODULE:
    case TCFG_HM_MODULE:
        return;
    default:
        tcfg_error(d, &e->at,
                   "action=\"%s\" is not allowed for restart-loop: restarting or carrying on "
                   "would loop; use %s",
                   tcfg_hm_actions[e->action].xml,
                   module ? "halt, halt-module or reset-module" : "halt or module");
    }
}

/* unhandled="..." is the partition's answer to an error it propagates and
 * no handler takes there (ARINC 653's partition-level action for it): one
 * that stays with the partition and ends the propagation. */
static void unhandled_ok(struct tcfg_diag *d, const struct tcfg_hm_entry *e, bool module)
{
    const char *name = tcfg_hm_actions[e->unhandled].xml;
    if (!e->has_unhandled) {
        return;
    }
    if (module) {
        tcfg_error(d, &e->at,
                   "unhandled=\"%s\" is for a partition's table: the module's propagates nothing",
                   name);
        return;
    }
    if (e->action != TCFG_HM_PROPAGATE) {
        tcfg_error(d, &e->at,
                   "unhandled=\"%s\" needs action=\"propagate\": only a propagated error can "
                   "find no handler",
                   name);
        return;
    }
    switch (e->unhandled) {
    case TCFG_HM_IGNORE:
    case TCFG_HM_LOG:
    case TCFG_HM_HALT:
    case TCFG_HM_COLD_RESTART:
    case TCFG_HM_WARM_RESTART:
        return;
    default:
        tcfg_error(d, &e->at,
                   "unhandled=\"%s\" is not allowed: use ignore, log, halt, cold-restart or "
                   "warm-restart",
                   name);
    }
}

/* part is NULL for the module's table. */
static void check_table(struct tcfg_diag *d, const struct tcfg_hm *hm,
                        const struct tcfg_partition *part)
{
    const struct tcfg_hm_entry *first[TCFG_HM_ERRORS] = {NULL};
    if (hm->has_max_restarts && !hm->max_restarts_bad && hm->max_restarts > TCFG_HM_MAX_RESTARTS) {
        tcfg_error(d, &hm->at, "max-restarts %" PRIu32 " exceeds the limit of %u restarts",
                   hm->max_restarts, TCFG_HM_MAX_RESTARTS);
    }
    for (size_t i = 0; i < hm->num_entries; i++) {
        const struct tcfg_hm_entry *e = &hm->entries[i];
        if (e->bad) {
            continue;
        }
        if (first[e->error]) {
            if (part) {
                tcfg_error(d, &e->at,
                           "duplicate error id in the health-monitor table of partition \"%s\" "
                           "(first used on line %lu)",
                           part->name, first[e->error]->at.line);
            } else {
                tcfg_error(d, &e->at,
                           "duplicate error id in the module's health-monitor table (first used "
                           "on line %lu)",
                           first[e->error]->at.line);
            }
        } else {
            first[e->error] = e;
        }
        if (level_ok(d, e, !part) && e->error == TCFG_HM_RESTART_LOOP) {
            restart_loop_ok(d, e, !part);
        }
        unhandled_ok(d, e, !part);
    }
}

void tcfg_check_hm(struct tcfg_diag *diag, struct tcfg_system *sys)
{
    for (size_t i = 0; i < sys->num_partitions; i++) {
        check_table(diag, &sys->partitions[i].hm, &sys->partitions[i]);
    }
    check_table(diag, &sys->hm, NULL);
}
