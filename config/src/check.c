/* SPDX-License-Identifier: BSD-2-Clause */
/* System-wide checks: architecture, RAM, limits, unique names and ids, references. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "idtable.h"
#include "tcfg.h"
#include "util.h"

/*
 * Bounds that keep the pairwise checks quick on hostile input; far above
 * what a single-core partitioned system uses.
 */
#define MAX_AREAS     256 /* per partition: CFG_MAX_AREAS */
#define MAX_ALL_AREAS 4096
#define MAX_PLANS     64
#define MAX_WINDOWS   4096 /* per plan */
#define MAX_PORTS     256  /* per partition */
#define MAX_ALL_PORTS 4096
#define MAX_ENDS      4096 /* sources and destinations of all channels */

static void check_arch(const struct tcfg_options *opts, struct tcfg_diag *d, struct tcfg_system *s)
{
    const char *cli = opts ? opts->arch : NULL;
    if (cli && s->arch_name && strcmp(cli, s->arch_name) != 0) {
        tcfg_error(d, &s->at, "arch=\"%s\" does not match --arch %s", s->arch_name, cli);
    }
    const char *name = cli ? cli : s->arch_name ? s->arch_name : "x86";
    s->arch = tcfg_arch_find(name);
    if (!s->arch) {
        tcfg_error(d, &s->at, "unknown architecture \"%s\"", name);
        s->arch = tcfg_arch_find("x86");
    }
}

static void check_ram(struct tcfg_diag *d, const struct tcfg_system *s)
{
    const struct tcfg_arch *a = s->arch;
    if (s->ram_bad) {
        return;
    }
    if (s->ram % TCFG_PAGE_SIZE) {
        tcfg_error(d, &s->at, "ram size 0x%" PRIx32 " is not a multiple of the page size (4 KiB)",
                   s->ram);
    } else if (s->ram % a->ram_align) {
        tcfg_error(d, &s->at,
                   "ram size 0x%" PRIx32 " is not a multiple of %" PRIu32 " MiB, as the %s kernel "
                   "maps RAM",
                   s->ram, a->ram_align >> 20, a->name);
    }
    if (s->ram > a->ram_max) {
        tcfg_error(d, &s->at, "ram size 0x%" PRIx32 " exceeds the %" PRIu64 " MiB that %s supports",
                   s->ram, a->ram_max >> 20, a->name);
    }
    if (a->ram_base + s->ram <= a->kernel_end) {
        tcfg_error(d, &s->at,
                   "ram size 0x%" PRIx32 " leaves no memory above the kernel's reserved region "
                   "[0x%08" PRIx64 ", 0x%08" PRIx64 ")",
                   s->ram, a->kernel_base, a->kernel_end);
    }
}

static bool check_limits(struct tcfg_diag *d, const struct tcfg_system *s)
{
    bool ok = true;
    size_t all = 0, ports = 0, ends = 0;
    /* The kernel's sets of partitions are one word (cfg.h); its arrays of
     * partition state are sized for the system (emit.c). */
    if (s->num_partitions > CFG_MAX_PARTITIONS) {
        tcfg_error(d, &s->at, "more than %u partitions", CFG_MAX_PARTITIONS);
        ok = false;
    }
    for (size_t i = 0; i < s->num_partitions; i++) {
        all += s->partitions[i].num_areas;
        if (s->partitions[i].num_areas > MAX_AREAS) {
            tcfg_error(d, &s->partitions[i].at, "more than %d areas", MAX_AREAS);
            ok = false;
        }
    }
    for (size_t i = 0; i < s->num_partitions; i++) {
        ports += s->partitions[i].num_ports;
        if (s->partitions[i].num_ports > MAX_PORTS) {
            tcfg_error(d, &s->partitions[i].at, "more than %d ports", MAX_PORTS);
            ok = false;
        }
    }
    if (ports > MAX_ALL_PORTS) {
        tcfg_error(d, &s->at, "more than %d ports in all", MAX_ALL_PORTS);
        ok = false;
    }
    for (size_t i = 0; i < s->num_channels; i++) {
        ends += 1 + s->channels[i].num_destinations;
    }
    if (ends > MAX_ENDS) {
        tcfg_error(d, &s->channels_at, "more than %d sources and destinations in all", MAX_ENDS);
        ok = false;
    }
    if (all > MAX_ALL_AREAS) {
        tcfg_error(d, &s->at, "more than %d areas in all", MAX_ALL_AREAS);
        ok = false;
    }
    if (s->num_plans > MAX_PLANS) {
        tcfg_error(d, &s->schedule_at, "more than %d plans", MAX_PLANS);
        ok = false;
    }
    for (size_t i = 0; i < s->num_plans; i++) {
        if (s->plans[i].num_windows > MAX_WINDOWS) {
            tcfg_error(d, &s->plans[i].at, "more than %d windows", MAX_WINDOWS);
            ok = false;
        }
    }
    return ok;
}

static size_t find_partition(const struct tcfg_system *s, const char *name)
{
    for (size_t i = 0; i < s->num_partitions; i++) {
        if (strcmp(s->partitions[i].name, name) == 0) {
            return i;
        }
    }
    return TCFG_NONE;
}

/* Each duplicate is reported once, against the first element with the same
 * name or id: a file of n equal names gives n - 1 lines, not n^2 / 2. */
static void check_partition_names(struct tcfg_diag *d, const struct tcfg_system *s)
{
    for (size_t j = 0; j < s->num_partitions; j++) {
        const struct tcfg_partition *p = &s->partitions[j];
        bool name_seen = false, id_seen = false;
        /* The ABI's "the caller itself": a partition with this id could
         * not be named to partition_status. */
        if (!p->id_bad && p->id == PV_PART_SELF) {
            tcfg_error(d, &p->at,
                       "id=\"%" PRIu32 "\" is reserved (PV_PART_SELF, \"the caller itself\")",
                       p->id);
        }
        for (size_t i = 0; i < j && !(name_seen && id_seen); i++) {
            const struct tcfg_partition *q = &s->partitions[i];
            if (!name_seen && strcmp(p->name, q->name) == 0) {
                tcfg_error(d, &p->at, "duplicate partition name (first used on line %lu)",
                           q->at.line);
                name_seen = true;
            }
            if (!id_seen && !p->id_bad && !q->id_bad && p->id == q->id) {
                tcfg_error(d, &p->at, "duplicate partition id %" PRIu32 " (partition \"%s\")",
                           p->id, q->name);
                id_seen = true;
            }
        }
        for (size_t k = 0; k < p->num_areas; k++) {
            for (size_t i = 0; i < k; i++) {
                if (strcmp(p->areas[k].name, p->areas[i].name) == 0) {
                    tcfg_error(d, &p->areas[k].at,
                               "duplicate area name in partition \"%s\" (first used on line %lu)",
                               p->name, p->areas[i].at.line);
                    break;
                }
            }
        }
    }
}

static void check_plan_names(struct tcfg_diag *d, const struct tcfg_system *s)
{
    for (size_t j = 0; j < s->num_plans; j++) {
        const struct tcfg_plan *p = &s->plans[j];
        bool name_seen = false, id_seen = false;
        for (size_t i = 0; i < j && !(name_seen && id_seen); i++) {
            const struct tcfg_plan *q = &s->plans[i];
            if (!name_seen && strcmp(p->name, q->name) == 0) {
                tcfg_error(d, &p->at, "duplicate plan name (first used on line %lu)", q->at.line);
                name_seen = true;
            }
            if (!id_seen && !p->id_bad && !q->id_bad && p->id == q->id) {
                tcfg_error(d, &p->at, "duplicate plan id %" PRIu32 " (plan \"%s\")", p->id,
                           q->name);
                id_seen = true;
            }
        }
    }
}

_Static_assert(MAX_AREAS == CFG_MAX_AREAS, "the kernel's area search covers every area");

/* Whether an id table can be built: ids that all parsed and are distinct
 * (duplicates are reported above). */
static bool ids_usable(const uint32_t *ids, const bool *bad, size_t n)
{
    for (size_t j = 0; j < n; j++) {
        if (bad[j]) {
            return false;
        }
        for (size_t i = 0; i < j; i++) {
            if (ids[i] == ids[j]) {
                return false;
            }
        }
    }
    return true;
}

/* The kernel resolves partition and plan ids through a perfect hash
 * (cfg_id_table) and refuses to boot without one: the table is built here
 * once to be sure it exists (emit.c builds it again for the output). */
static void check_id_table(struct tcfg_diag *d, const struct tcfg_where *at, const char *what,
                           const uint32_t *ids, const bool *bad, size_t n)
{
    struct tcfg_id_table t;
    if (n == 0 || !ids_usable(ids, bad, n)) {
        return;
    }
    if (!tcfg_id_table(ids, n, &t)) {
        tcfg_error(d, at, "no table of %u slots places the %zu %s ids one per slot",
                   CFG_ID_SLOTS_MAX, n, what);
    }
    tcfg_id_table_free(&t);
}

static void check_ids(struct tcfg_diag *d, const struct tcfg_system *s)
{
    size_t n = s->num_partitions > s->num_plans ? s->num_partitions : s->num_plans;
    uint32_t *ids = xcalloc(n + 1, sizeof(*ids));
    bool *bad = xcalloc(n + 1, sizeof(*bad));
    for (size_t i = 0; i < s->num_partitions; i++) {
        ids[i] = s->partitions[i].id;
        bad[i] = s->partitions[i].id_bad;
    }
    check_id_table(d, &s->at, "partition", ids, bad, s->num_partitions);
    for (size_t i = 0; i < s->num_plans; i++) {
        ids[i] = s->plans[i].id;
        bad[i] = s->plans[i].id_bad;
    }
    check_id_table(d, &s->schedule_at, "plan", ids, bad, s->num_plans);
    free(ids);
    free(bad);
}

static void resolve(struct tcfg_diag *d, struct tcfg_system *s)
{
    for (size_t i = 0; i < s->num_plans && s->initial_plan_name; i++) {
        if (strcmp(s->plans[i].name, s->initial_plan_name) == 0) {
            s->initial_plan = i;
            break;
        }
    }
    if (s->initial_plan == TCFG_NONE) {
        tcfg_error(d, &s->schedule_at, "initial plan \"%s\" is not defined",
                   s->initial_plan_name ? s->initial_plan_name : "");
    }
    if (s->console_name) {
        s->console = find_partition(s, s->console_name);
        if (s->console == TCFG_NONE) {
            tcfg_error(d, &s->console_at, "console input partition \"%s\" is not defined",
                       s->console_name);
        }
    }
    for (size_t i = 0; i < s->num_plans; i++) {
        for (size_t k = 0; k < s->plans[i].num_windows; k++) {
            struct tcfg_window *w = &s->plans[i].windows[k];
            w->partition = find_partition(s, w->partition_name);
            if (w->partition == TCFG_NONE) {
                tcfg_error(d, &w->at, "partition \"%s\" is not defined", w->partition_name);
            }
        }
    }
}

void tcfg_check_system(const struct tcfg_options *opts, struct tcfg_diag *diag,
                       struct tcfg_system *sys)
{
    check_arch(opts, diag, sys);
    check_ram(diag, sys);
    if (!check_limits(diag, sys)) {
        sys->too_big = true;
        return;
    }
    check_partition_names(diag, sys);
    check_plan_names(diag, sys);
    check_ids(diag, sys);
    resolve(diag, sys);
}
