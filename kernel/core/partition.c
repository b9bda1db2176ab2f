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

/* Control pages: one page each, so each can be mapped on its own. */
static union {
    struct pv_shared s;
    uint8_t page[4096];
} shared_pages[MAX_PARTITIONS] __attribute__((aligned(4096)));

/* Writable areas start zeroed, so a partition never sees stale memory.
 * Shared areas belong to several partitions and are left alone. */
static void clear_writable_areas(const struct cfg_partition *cfg)
{
    for (uint32_t i = 0; i < cfg->num_areas; i++) {
        const struct cfg_area *a = &cfg->areas[i];

        if ((a->rights & CFG_AREA_WRITE) && !(a->rights & CFG_AREA_SHARED))
            memset(arch_phys_to_kernel(a->phys), 0, a->size);
    }
}

/* Loads p's image and prepares it to start at its entry. */
static int partition_load(struct partition *p)
{
    const struct cfg_partition *cfg = p->cfg;
    uint32_t entry, phys;
    const char *why;

    clear_writable_areas(cfg);
    if (elf_load(cfg, &entry, &why)) {
        kprintf("[tessera] partition %s: image rejected: %s\n", cfg->name, why);
        return -1;
    }
    if (cfg->entry) {
        if (uaccess_range(cfg, cfg->entry, 1, CFG_AREA_EXEC, &phys)) {
            kprintf("[tessera] partition %s: entry %x not executable\n", cfg->name, cfg->entry);
            return -1;
        }
        entry = cfg->entry;
    }
    memset(p->shared, 0, sizeof(*p->shared));
    p->shared->partition_id = cfg->id;
    /* Like a CPU out of reset: every line masked, upcalls off; a guest
     * unmasks what it handles. */
    p->shared->irq_mask = 0xffffffffu;
    p->shared->restarts = p->restarts;
    p->upcall_entry = 0;
    p->exec_ns = 0;
    p->run_since = 0;
    vtimer_set(&p->timers[0], 0, 0);
    vtimer_set(&p->timers[1], 0, 0);
    p->line_len = 0;
    arch_context_reset(p, entry);
    return 0;
}

static void partition_init(struct partition *p, const struct cfg_partition *cfg, uint32_t index)
{
    p->cfg = cfg;
    p->index = index;
    p->shared = &shared_pages[index].s;
    p->state = PART_STOPPED;
    if (arch_space_build(p)) {
        kprintf("[tessera] partition %s: areas cannot be mapped; not started\n", cfg->name);
        return;
    }
    if (partition_load(p)) {
        kprintf("[tessera] partition %s: not started\n", cfg->name);
        return;
    }
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

void partition_halt(struct partition *p)
{
    console_partition_flush(p);
    p->state = PART_HALTED;
    kprintf("[tessera] partition %s halted\n", p->cfg->name);
}

int partition_restart(struct partition *p)
{
    /* Its address space could not be built at boot: nothing to run in. */
    if (!arch_space_ready(p))
        return -1;
    console_partition_flush(p);
    p->restarts++;
    kprintf("[tessera] partition %s: cold restart %u\n", p->cfg->name, p->restarts);
    if (partition_load(p)) {
        partition_stop(p, "image cannot be reloaded");
        return -1;
    }
    p->state = PART_READY;
    return 0;
}

struct partition *partition_by_id(uint32_t id)
{
    for (uint32_t i = 0; i < num_partitions; i++) {
        if (partitions[i].cfg->id == id)
            return &partitions[i];
    }
    return 0;
}

int partitions_any_alive(void)
{
    for (uint32_t i = 0; i < num_partitions; i++) {
        if (partitions[i].state != PART_HALTED && partitions[i].state != PART_STOPPED)
            return 1;
    }
    return 0;
}
