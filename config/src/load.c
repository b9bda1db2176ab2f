/* SPDX-License-Identifier: BSD-2-Clause */
#include <stdlib.h>

#include "tcfg.h"

bool tcfg_load(const char *xml, size_t len, const char *file, const struct tcfg_options *opts,
               struct tcfg_diag *diag, struct tcfg_system *sys)
{
    size_t before = diag->n;
    if (tcfg_parse(xml, len, file, diag, sys)) {
        tcfg_check_system(opts, diag, sys);
        if (!sys->too_big) {
            tcfg_check_memory(diag, sys);
            tcfg_check_schedule(diag, sys);
            tcfg_check_ports(diag, sys);
            tcfg_check_hm(diag, sys);
            tcfg_check_trace(opts, diag, sys);
            tcfg_check_images(opts, diag, sys);
        }
    }
    tcfg_diag_sort(diag);
    return diag->n == before;
}

static void free_end(struct tcfg_end *e)
{
    free(e->at.prefix);
    free(e->partition_name);
    free(e->port_name);
}

static void free_hm(struct tcfg_hm *hm)
{
    for (size_t i = 0; i < hm->num_entries; i++) {
        free(hm->entries[i].at.prefix);
    }
    free(hm->entries);
    free(hm->at.prefix);
}

void tcfg_free(struct tcfg_system *sys)
{
    for (size_t i = 0; i < sys->num_partitions; i++) {
        struct tcfg_partition *p = &sys->partitions[i];
        for (size_t k = 0; k < p->num_areas; k++) {
            free(p->areas[k].at.prefix);
            free(p->areas[k].name);
        }
        free(p->areas);
        for (size_t k = 0; k < p->num_ports; k++) {
            free(p->ports[k].at.prefix);
            free(p->ports[k].name);
        }
        free(p->ports);
        free_hm(&p->hm);
        free(p->at.prefix);
        free(p->name);
        free(p->image);
        free(p->image_path);
    }
    free(sys->partitions);
    for (size_t i = 0; i < sys->num_plans; i++) {
        struct tcfg_plan *p = &sys->plans[i];
        for (size_t k = 0; k < p->num_windows; k++) {
            free(p->windows[k].at.prefix);
            free(p->windows[k].partition_name);
        }
        free(p->windows);
        free(p->at.prefix);
        free(p->name);
    }
    free(sys->plans);
    for (size_t i = 0; i < sys->num_channels; i++) {
        struct tcfg_channel *c = &sys->channels[i];
        free_end(&c->source);
        for (size_t k = 0; k < c->num_destinations; k++) {
            free_end(&c->destinations[k]);
        }
        free(c->destinations);
        free(c->at.prefix);
        free(c->name);
    }
    free(sys->channels);
    free(sys->channels_at.prefix);
    free(sys->at.prefix);
    free(sys->name);
    free(sys->arch_name);
    free(sys->schedule_at.prefix);
    free(sys->initial_plan_name);
    free(sys->console_at.prefix);
    free(sys->console_name);
    free_hm(&sys->hm);
    free(sys->trace.at.prefix);
    free(sys->trace.classes_text);
}
