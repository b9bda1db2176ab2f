/* SPDX-License-Identifier: BSD-2-Clause */
#include "partition.h"
#include "arch.h"
#include "console.h"
#include "elf.h"
#include "kprintf.h"
#include "kstring.h"
#include "pv/abi.h"
#include "uaccess.h"
#include "virq.h"

#ifndef MAX_PARTITIONS
#define MAX_PARTITIONS CFG_MAX_PARTITIONS
#endif

struct partition partitions[MAX_PARTITIONS];
uint32_t num_partitions;

/* Control pages: one page each, so each can be mapped on its own. */
static union {
    struct pv_shared s;
    uint8_t page[4096];
} shared_pages[MAX_PARTITIONS] __attribute__((aligned(4096)));

/* Loading an image is split into chunks so that a cold restart can be
 * spread over the partition's own windows: the kernel runs with interrupts
 * off, and clearing megabytes at once would overrun the window into the
 * next partition's. */
#define LOAD_CHUNK 4096u

enum { LOAD_CLEAR, LOAD_COPY, LOAD_DONE };

static uint32_t min_u32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

/* Checks p's image and entry point; remembers the entry for load_finish. */
static int load_prepare(struct partition *p)
{
    const struct cfg_partition *cfg = p->cfg;
    uint32_t phys;
    const char *why;

    if (elf_check(cfg, &p->load_entry, &why)) {
        kprintf("[tessera] partition %s: image rejected: %s\n", cfg->name, why);
        return -1;
    }
    if (cfg->entry) {
        if ((cfg->entry & (ARCH_INSN_ALIGN - 1)) ||
            uaccess_range(cfg, cfg->entry, 1, CFG_AREA_EXEC, &phys)) {
            kprintf("[tessera] partition %s: entry %x not executable\n", cfg->name, cfg->entry);
            return -1;
        }
        p->load_entry = cfg->entry;
    }
    p->load_phase = LOAD_CLEAR;
    p->load_item = 0;
    p->load_offset = 0;
    return 0;
}

/* One chunk of work: clear a piece of a writable area (shared areas belong
 * to several partitions and are left alone), or copy or zero a piece of a
 * segment. */
static void load_chunk(struct partition *p)
{
    const struct cfg_partition *cfg = p->cfg;
    struct elf_segment seg;
    uint32_t n;

    if (p->load_phase == LOAD_CLEAR) {
        const struct cfg_area *a = &cfg->areas[p->load_item];

        if (!(a->rights & CFG_AREA_WRITE) || (a->rights & CFG_AREA_SHARED) ||
            p->load_offset >= a->size) {
            p->load_offset = 0;
            if (++p->load_item == cfg->num_areas) {
                p->load_phase = LOAD_COPY;
                p->load_item = 0;
            }
            return;
        }
        n = min_u32(LOAD_CHUNK, a->size - p->load_offset);
        memset((uint8_t *)arch_phys_to_kernel(a->phys) + p->load_offset, 0, n);
        p->load_offset += n;
        return;
    }
    if (p->load_item >= elf_segment_count(cfg)) {
        p->load_phase = LOAD_DONE;
        return;
    }
    if (!elf_segment(cfg, p->load_item, &seg) || p->load_offset >= seg.memsz) {
        p->load_item++;
        p->load_offset = 0;
        return;
    }
    if (p->load_offset < seg.filesz) {
        n = min_u32(LOAD_CHUNK, seg.filesz - p->load_offset);
        memcpy(seg.dst + p->load_offset, seg.data + p->load_offset, n);
    } else {
        n = min_u32(LOAD_CHUNK, seg.memsz - p->load_offset);
        memset(seg.dst + p->load_offset, 0, n);
    }
    p->load_offset += n;
}

/* Loads until done (1) or until the time deadline passes (0). */
static int load_steps(struct partition *p, uint64_t deadline)
{
    while (p->load_phase != LOAD_DONE) {
        if (deadline != UINT64_MAX && arch_time_ns() >= deadline)
            return 0;
        load_chunk(p);
    }
    return 1;
}

/* The image is in place: a fresh control page and context at the entry. */
static void load_finish(struct partition *p)
{
    memset(p->shared, 0, sizeof(*p->shared));
    p->shared->partition_id = p->cfg->id;
    p->shared->abi_version = PV_ABI_VERSION;
    /* Like a CPU out of reset: every line masked, upcalls off; a guest
     * unmasks what it handles. */
    p->shared->irq_mask = 0xffffffffu;
    p->shared->irq_level = 1;
    p->shared->restarts = p->restarts;
    p->shared->mode = p->mode;
    p->shared->start_condition = p->start_condition;
    p->exec_ns = 0;
    p->run_since = 0;
    p->line_len = 0;
    arch_context_reset(p, p->load_entry);
}

/* What must stop at once when a partition is (re)started: its timers and
 * upcalls belong to the image being replaced. */
static void quiesce(struct partition *p)
{
    p->upcall_entry = 0;
    vtimer_set(&p->timers[0], 0, 0);
    vtimer_set(&p->timers[1], 0, 0);
}

static void partition_init(struct partition *p, const struct cfg_partition *cfg, uint32_t index)
{
    p->cfg = cfg;
    p->index = index;
    p->shared = &shared_pages[index].s;
    p->state = PART_STOPPED;
    quiesce(p);
    if (arch_space_build(p)) {
        kprintf("[tessera] partition %s: areas cannot be mapped; not started\n", cfg->name);
        return;
    }
    if (load_prepare(p)) {
        kprintf("[tessera] partition %s: not started\n", cfg->name);
        return;
    }
    p->mode = cfg->initial_mode == CFG_MODE_NORMAL ? PV_MODE_NORMAL
              : cfg->initial_mode == CFG_MODE_IDLE ? PV_MODE_IDLE
                                                   : PV_MODE_COLD_START;
    p->start_condition = PV_START_NORMAL;
    load_steps(p, UINT64_MAX);
    load_finish(p);
    p->state = p->mode == PV_MODE_IDLE ? PART_HALTED : PART_READY;
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

/* Tells the system partitions that p changed state (PV_IRQ_PARTITION). */
static void notify_system_partitions(const struct partition *p)
{
    for (uint32_t i = 0; i < num_partitions; i++) {
        if (&partitions[i] != p && (partitions[i].cfg->flags & CFG_PART_SYSTEM))
            virq_raise(&partitions[i], PV_IRQ_PARTITION);
    }
}

void partition_stop(struct partition *p, const char *why)
{
    p->state = PART_STOPPED;
    console_partition_event(p, "[tessera] partition %s stopped: %s\n", p->cfg->name, why);
    notify_system_partitions(p);
}

void partition_halt(struct partition *p)
{
    p->mode = PV_MODE_IDLE;
    p->state = PART_HALTED;
    console_partition_event(p, "[tessera] partition %s halted\n", p->cfg->name);
    notify_system_partitions(p);
}

int partition_restart(struct partition *p)
{
    /* Its address space could not be built at boot: nothing to run in. */
    if (!arch_space_ready(p) || load_prepare(p))
        return -1;
    quiesce(p);
    p->restarts++;
    p->mode = PV_MODE_COLD_START;
    console_partition_event(p, "[tessera] partition %s: cold restart %u\n", p->cfg->name,
                            p->restarts);
    p->state = PART_LOADING;
    notify_system_partitions(p);
    return 0;
}

int partition_restart_warm(struct partition *p)
{
    if (!arch_space_ready(p) || load_prepare(p))
        return -1;
    quiesce(p);
    p->restarts++;
    p->mode = PV_MODE_WARM_START;
    console_partition_event(p, "[tessera] partition %s: warm restart %u\n", p->cfg->name,
                            p->restarts);
    /* Nothing to load: the next step only resets its context. */
    p->load_phase = LOAD_DONE;
    p->state = PART_LOADING;
    notify_system_partitions(p);
    return 0;
}

int partition_load_continue(struct partition *p, uint64_t deadline)
{
    if (!load_steps(p, deadline))
        return 0;
    load_finish(p);
    p->state = PART_READY;
    notify_system_partitions(p);
    return 1;
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
