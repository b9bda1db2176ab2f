/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Prints the tables that tessera-config generated, one fact per line, so the
 * corpus test can compare them with what it computes from the XML itself.
 * Linked with the generated cfg_tables.c and cfg_images.S on the host.
 */
#include <inttypes.h>
#include <stdio.h>

#include "cfg.h"

/* FNV-1a over an image, to show that the bytes behind cfg_image_N are the file's. */
static uint32_t fnv1a(const uint8_t *p, uint32_t n)
{
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

int main(void)
{
    const struct cfg_system *s = &cfg_system;
    printf("system %s ram=0x%08" PRIx32 " partitions=%" PRIu32 " plans=%" PRIu32 " initial=%" PRIu32
           " console=0x%" PRIx32 "\n",
           s->name, s->ram_size, s->num_partitions, s->num_plans, s->initial_plan,
           s->console_input);
    for (uint32_t i = 0; i < s->num_partitions; i++) {
        const struct cfg_partition *p = &s->partitions[i];
        printf("partition %" PRIu32 " %s id=%" PRIu32 " flags=0x%" PRIx32 " crit=%" PRIu32
               " mode=%" PRIu32 " entry=0x%08" PRIx32 " areas=%" PRIu32 " image=%" PRIu32
               ":%08" PRIx32 "\n",
               i, p->name, p->id, p->flags, p->criticality, p->initial_mode, p->entry, p->num_areas,
               p->image_size, fnv1a(p->image, p->image_size));
        for (uint32_t k = 0; k < p->num_areas; k++) {
            const struct cfg_area *a = &p->areas[k];
            printf("area %" PRIu32 ".%" PRIu32 " %s phys=0x%08" PRIx32 " virt=0x%08" PRIx32
                   " size=0x%08" PRIx32 " rights=0x%" PRIx32 "\n",
                   i, k, a->name, a->phys, a->virt, a->size, a->rights);
        }
    }
    for (uint32_t i = 0; i < s->num_plans; i++) {
        const struct cfg_plan *p = &s->plans[i];
        printf("plan %" PRIu32 " %s id=%" PRIu32 " major=%" PRIu64 " windows=%" PRIu32 "\n", i,
               p->name, p->id, p->major_frame_ns, p->num_windows);
        for (uint32_t k = 0; k < p->num_windows; k++) {
            const struct cfg_window *w = &p->windows[k];
            printf("window %" PRIu32 ".%" PRIu32 " partition=%" PRIu32 " offset=%" PRIu64
                   " duration=%" PRIu64 "\n",
                   i, k, w->partition, w->offset_ns, w->duration_ns);
        }
    }
    return 0;
}
