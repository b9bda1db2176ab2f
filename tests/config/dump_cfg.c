/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Prints the tables that tessera-config generated, one fact per line, so the
 * corpus test can compare them with what it computes from the XML itself.
 * Linked with the generated cfg_tables.c and cfg_images.S on the host.
 */
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cfg.h"

/* FNV-1a over an image, to show that the bytes behind cfg_image_N are the file's. */
static uint32_t fnv1a(const uint8_t *p, uint32_t n)
{
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < n; i++) {
        h = (h ^ p[i]) * 16777619u;
    }
    return h;
}

/* Both port tables present, or both NULL as a system without ports has them. */
static const char *tables(const struct cfg_system *s)
{
    if (s->ports && s->channels) {
        return "set";
    }
    return !s->ports && !s->channels ? "null" : "mixed";
}

/* Whether the name table leads to every port, as the kernel's boot check
 * (kernel/core/port.c) demands: within CFG_PORT_PROBES slots of its hash,
 * with its tag, and no slot names a port that does not exist. */
static int names_ok(const struct cfg_system *s)
{
    uint32_t size = s->port_slot_mask + 1;

    if (!s->port_slots || size < s->num_ports || (size & (size - 1))) {
        return 0;
    }
    for (uint32_t i = 0; i < size; i++) {
        if (s->port_slots[i].port != CFG_PORT_SLOT_EMPTY && s->port_slots[i].port >= s->num_ports) {
            return 0;
        }
    }
    for (uint32_t i = 0; i < s->num_ports; i++) {
        const char *name = s->ports[i].name;
        uint32_t h =
            cfg_port_hash(s->port_hash_seed, s->ports[i].partition, name, (uint32_t)strlen(name));
        int found = 0;
        for (uint32_t k = 0; k < CFG_PORT_PROBES; k++) {
            const struct cfg_port_slot *slot = &s->port_slots[(h + k) & s->port_slot_mask];
            found |= slot->port == i && slot->tag == h >> 16;
        }
        if (!found) {
            return 0;
        }
    }
    return 1;
}

/* Whether an id table is what the kernel's boot check (kernel/core/
 * idtable.c) demands: a power-of-two size within CFG_ID_SLOTS_MAX, every
 * slot empty or an index below n, each id at its own slot. stride and ids
 * walk the ids in the partition or plan array. */
static int ids_ok(const struct cfg_id_table *t, const void *items, size_t stride, size_t id_offset,
                  uint32_t n)
{
    uint32_t size = t->mask + 1;

    if (!t->slots || size > CFG_ID_SLOTS_MAX || (size & t->mask)) {
        return 0;
    }
    for (uint32_t i = 0; i < size; i++) {
        if (t->slots[i] != CFG_ID_SLOT_EMPTY && t->slots[i] >= n) {
            return 0;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        uint32_t id;
        memcpy(&id, (const char *)items + i * stride + id_offset, sizeof(id));
        if (cfg_id_slot(t, id) != i) {
            return 0;
        }
    }
    return 1;
}

/* A health-monitor table in full, the entries beyond the error ids too. */
static void hm_actions(const uint8_t *t)
{
    for (uint32_t k = 0; k < CFG_HM_ERRORS; k++) {
        printf("%s%u", k ? "," : "", t[k]);
    }
}

int main(void)
{
    const struct cfg_system *s = &cfg_system;
    printf("system %s ram=0x%08" PRIx64 " partitions=%" PRIu32 " plans=%" PRIu32 " initial=%" PRIu32
           " console=0x%" PRIx32 " ports=%" PRIu32 " channels=%" PRIu32 " tables=%s\n",
           s->name, (uint64_t)s->ram_size, s->num_partitions, s->num_plans, s->initial_plan,
           s->console_input, s->num_ports, s->num_channels, tables(s));
    for (uint32_t i = 0; i < s->num_partitions; i++) {
        const struct cfg_partition *p = &s->partitions[i];
        printf("partition %" PRIu32 " %s id=%" PRIu32 " flags=0x%" PRIx32 " crit=%" PRIu32
               " mode=%" PRIu32 " entry=0x%08" PRIx64 " areas=%" PRIu32 " image=%" PRIu32
               ":%08" PRIx32 "\n",
               i, p->name, p->id, p->flags, p->criticality, p->initial_mode, (uint64_t)p->entry,
               p->num_areas, p->image_size, fnv1a(p->image, p->image_size));
        for (uint32_t k = 0; k < p->num_areas; k++) {
            const struct cfg_area *a = &p->areas[k];
            /* Addresses and sizes are the arch's words (arch_word.h): 64-bit on riscv. */
            printf("area %" PRIu32 ".%" PRIu32 " %s phys=0x%08" PRIx64 " virt=0x%08" PRIx64
                   " size=0x%08" PRIx64 " rights=0x%" PRIx32 "\n",
                   i, k, a->name, (uint64_t)a->phys, (uint64_t)a->virt, (uint64_t)a->size,
                   a->rights);
        }
        printf("hm %" PRIu32 " max-restarts=%" PRIu32 " actions=", i, p->hm_max_restarts);
        hm_actions(p->hm);
        printf(" unhandled=");
        hm_actions(p->hm_unhandled);
        printf("\n");
    }
    printf("hm module actions=");
    hm_actions(s->hm_module);
    printf("\n");
    printf("cpus %" PRIu32 "%s\n", s->num_cpus, s->cpu_plans[0] == s->plans ? "" : " views?");
    for (uint32_t i = 0; i < s->num_plans; i++) {
        for (uint32_t c = 0; c < s->num_cpus; c++) {
            const struct cfg_plan *p = &s->cpu_plans[c][i];
            if (c) {
                printf("plan %" PRIu32 " cpu %" PRIu32 " %s id=%" PRIu32 " major=%" PRIu64
                       " windows=%" PRIu32 "\n",
                       i, c, p->name, p->id, p->major_frame_ns, p->num_windows);
            } else {
                printf("plan %" PRIu32 " %s id=%" PRIu32 " major=%" PRIu64 " windows=%" PRIu32 "\n",
                       i, p->name, p->id, p->major_frame_ns, p->num_windows);
            }
            for (uint32_t k = 0; k < p->num_windows; k++) {
                const struct cfg_window *w = &p->windows[k];
                printf("window %" PRIu32 ".%" PRIu32 " partition=%" PRIu32 " offset=%" PRIu64
                       " duration=%" PRIu64 "\n",
                       i, k, w->partition, w->offset_ns, w->duration_ns);
            }
        }
    }
    for (uint32_t i = 0; i < s->num_ports; i++) {
        const struct cfg_port *p = &s->ports[i];
        printf("port %" PRIu32 " %s partition=%" PRIu32 " kind=%" PRIu32 " direction=%" PRIu32
               " size=%" PRIu32 " depth=%" PRIu32 " refresh=%" PRIu64 " channel=%" PRIu32 "\n",
               i, p->name, p->partition, p->kind, p->direction, p->max_message_size, p->depth,
               p->refresh_ns, p->channel);
    }
    for (uint32_t i = 0; i < s->num_channels; i++) {
        const struct cfg_channel *c = &s->channels[i];
        printf("channel %" PRIu32 " %s kind=%" PRIu32 " size=%" PRIu32 " depth=%" PRIu32
               " source=%" PRIu32 " destinations=",
               i, c->name, c->kind, c->max_message_size, c->depth, c->source);
        for (uint32_t k = 0; k < c->num_destinations; k++) {
            printf("%s%" PRIu32, k ? "," : "", c->destinations[k]);
        }
        /* The whole buffer is written, so that a sanitizer or a crash would
         * show a buffer smaller than buffer_size. */
        if (c->buffer) {
            memset(c->buffer, 0xa5, c->buffer_size);
        }
        printf(" buffer=%" PRIu32 " header=%u aligned=%s\n", c->buffer_size, CFG_MESSAGE_HEADER,
               c->buffer && (uintptr_t)c->buffer % 8 == 0 ? "yes" : "no");
    }
    if (s->num_ports) {
        printf("port-names %s\n", names_ok(s) ? "ok" : "bad");
    }
    printf("partition-ids %s\n", ids_ok(&s->partition_ids, s->partitions, sizeof(*s->partitions),
                                        offsetof(struct cfg_partition, id), s->num_partitions)
                                     ? "ok"
                                     : "bad");
    printf("plan-ids %s\n", ids_ok(&s->plan_ids, s->plans, sizeof(*s->plans),
                                   offsetof(struct cfg_plan, id), s->num_plans)
                                ? "ok"
                                : "bad");
    return 0;
}
