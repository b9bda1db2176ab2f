/* SPDX-License-Identifier: BSD-2-Clause */
#include "partition.h"
#include "arch.h"
#include "console.h"
#include "elf.h"
#include "kprintf.h"
#include "kstring.h"
#include "uaccess.h"

#ifndef MAX_PARTITIONS
#define MAX_PARTITIONS 16
#endif

struct partition partitions[MAX_PARTITIONS];
uint32_t num_partitions;

/* Writable areas start zeroed, so a partition never sees stale memory. */
static void clear_writable_areas(const struct cfg_partition *cfg)
{
    for (uint32_t i = 0; i < cfg->num_areas; i++) {
        const struct cfg_area *a = &cfg->areas[i];

        if ((a->rights & CFG_AREA_WRITE) && !(a->rights & CFG_AREA_SHARED))
            memset(arch_phys_to_kernel(a->phys), 0, a->size);
    }
}

static void partition_init(struct partition *p, const struct cfg_partition *cfg, uint32_t index)
{
    uint32_t entry;
    const char *why;

    p->cfg = cfg;
    p->index = index;
    p->line_len = 0;
    p->state = PART_STOPPED;
    if (arch_space_build(p)) {
        kprintf("[tessera] partition %s: areas cannot be mapped; not started\n", cfg->name);
        return;
    }
    clear_writable_areas(cfg);
    if (elf_load(cfg, &entry, &why)) {
        kprintf("[tessera] partition %s: image rejected: %s; not started\n", cfg->name, why);
        return;
    }
    if (cfg->entry) {
        uint32_t phys;

        if (uaccess_range(cfg, cfg->entry, 1, CFG_AREA_EXEC, &phys)) {
            kprintf("[tessera] partition %s: entry %x not executable; not started\n", cfg->name,
                    cfg->entry);
            return;
        }
        entry = cfg->entry;
    }
    arch_context_reset(p, entry);
    p->state = cfg->initial_mode == CFG_MODE_IDLE ? PART_HALTED : PART_READY;
}

void partitions_init(void)
{
    if (cfg_system.num_partitions > MAX_PARTITIONS)
        panic("%u partitions configured, this kernel supports %u", cfg_system.num_partitions,
              MAX_PARTITIONS);
    num_partitions = cfg_system.num_partitions;
    for (uint32_t i = 0; i < num_partitions; i++)
        partition_init(&partitions[i], &cfg_system.partitions[i], i);
}

void partition_stop(struct partition *p, const char *why)
{
    console_partition_flush(p);
    p->state = PART_STOPPED;
    kprintf("[tessera] partition %s stopped: %s\n", p->cfg->name, why);
}

int partitions_any_alive(void)
{
    for (uint32_t i = 0; i < num_partitions; i++) {
        if (partitions[i].state != PART_HALTED && partitions[i].state != PART_STOPPED)
            return 1;
    }
    return 0;
}
