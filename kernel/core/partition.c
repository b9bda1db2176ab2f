/* SPDX-License-Identifier: BSD-2-Clause */
#include <stdbool.h>
#include <stddef.h>
#include "partition.h"
#include "arch.h"
#include "cfg_state.h"
#include "console.h"
#include "cpu_plans.h"
#include "elf.h"
#include "idtable.h"
#include "kprintf.h"
#include "kstring.h"
#include "lock.h"
#include "pv/abi.h"
#include "schedule.h"
#include "trace.h"
#include "uaccess.h"
#include "virq.h"

uint32_t num_partitions;

/* State changes of partitions so far: a system partition is told of those
 * it has not seen (changes_seen) at the start of its windows, so that a
 * change costs the same however many system partitions there are. */
static uint64_t state_changes;

/* Loading an image is split into chunks so that a cold restart can be
 * spread over the partition's own windows: the kernel runs with interrupts
 * off, and clearing megabytes at once would overrun the window into the
 * next partition's. */
#define LOAD_CHUNK 4096u

enum { LOAD_CLEAR, LOAD_COPY, LOAD_DONE };

static arch_size_t min_size(arch_size_t a, arch_size_t b)
{
    return a < b ? a : b;
}

/* Checks p's image and entry point; remembers the entry for load_finish. */
static int load_prepare(struct partition *p)
{
    const struct cfg_partition *cfg = p->cfg;
    arch_addr_t phys;
    const char *why;

    if (elf_check(cfg, &p->load_entry, &why)) {
        kprintf("[tessera] partition %s: image rejected: %s\n", cfg->name, why);
        return -1;
    }
    if (cfg->entry) {
        if ((cfg->entry & (ARCH_INSN_ALIGN - 1)) ||
            uaccess_range(cfg, cfg->entry, 1, CFG_AREA_EXEC, &phys)) {
            kprintf("[tessera] partition %s: entry %llx not executable\n", cfg->name,
                    (unsigned long long)cfg->entry);
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
    arch_size_t n;

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
        n = min_size(LOAD_CHUNK, a->size - p->load_offset);
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
        n = min_size(LOAD_CHUNK, seg.filesz - p->load_offset);
        memcpy(seg.dst + p->load_offset, seg.data + p->load_offset, n);
    } else {
        n = min_size(LOAD_CHUNK, seg.memsz - p->load_offset);
        memset(seg.dst + p->load_offset, 0, n);
    }
    p->load_offset += n;
}

/* Loads until done (1) or until the time deadline passes (0). */
static int load_steps(struct partition *p, uint64_t deadline)
{
    while (p->load_phase != LOAD_DONE) {
        if (deadline != UINT64_MAX && arch_time_ns() >= deadline) {
            return 0;
        }
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
    p->shared->cpu = partition_moves(p) ? schedule.cpu : p->cpu;
    p->exec_ns = 0;
    p->run_since = 0;
    p->line_len = 0;
    /* The fresh control page has no line pending: what changed before is
     * not this image's news (as when the line was raised at once). */
    p->changes_seen = state_changes;
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

/* Partitions that are alive (not halted or stopped; one with a module reset
 * still to apply counts as boot left it), kept at every change so that
 * "is any alive?" costs the same with 2 partitions as with 16; and the
 * same per CPU (by partition.cpu), because each CPU applies a module reset
 * to its own partitions when it begins the reset's frame. */
static uint32_t alive_count;

static uint32_t is_dead(enum part_state s)
{
    return s == PART_HALTED || s == PART_STOPPED;
}

/* alive_count and state_changes are every CPU's to change: one update at
 * a time (lock.h). */
static volatile uint32_t counts_lock;

/* Counts p alive (change 1), dead (-1 as uint32_t) or neither (0), in the
 * system's count and its CPU's. A partition that moves between CPUs is in
 * no CPU's count (partition.h): its cpu field is no CPU's index. */
static void count_alive(const struct partition *p, uint32_t change)
{
    lock_take(&counts_lock);
    alive_count += change;
    if (!partition_moves(p)) {
        partitions_alive_on_cpu[p->cpu] += change;
    }
    lock_give(&counts_lock);
}

/* Counted alive: not dead, or held for a module reset (partition_hold). */
static uint32_t counted_alive(const struct partition *p)
{
    return p->held || !is_dead(p->state);
}

/* Every change between dead and alive goes through here (a hold ends). */
static void set_state(struct partition *p, enum part_state s)
{
    count_alive(p, !is_dead(s) - counted_alive(p));
    p->held = false;
    p->state = s;
}

static void partition_init(struct partition *p, const struct cfg_partition *cfg, uint32_t index)
{
    p->cfg = cfg;
    p->index = index;
    p->cpu = (uint16_t)cpu_plans_partition_cpu(index); /* < ARCH_MAX_CPUS, or PART_CPU_MOVES */
    if (partition_moves(p)) {
        p->cpu = (uint16_t)(PART_CPU_MOVES | index); /* index < CFG_MAX_PARTITIONS */
        /* Stale for good (partition_stale): each window start takes it over. */
        p->resets_seen = PART_SEEN_MOVES;
    }
    p->shared = &partition_shared_pages[index].s;
    p->state = PART_STOPPED;
    quiesce(p);
    if (!uaccess_areas_valid(cfg)) {
        kprintf("[tessera] partition %s: areas not sorted and disjoint; not started\n", cfg->name);
        return;
    }
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
    set_state(p, p->mode == PV_MODE_IDLE ? PART_HALTED : PART_READY);
    /* A module reset repeats exactly these checks (partition_sync). */
    p->reset_alive = p->state == PART_READY;
}

static uint32_t partition_id(uint32_t index)
{
    return cfg_system.partitions[index].id;
}

void partitions_init(void)
{
    if (cfg_system.num_partitions > cfg_state_partitions) {
        panic("%u partitions configured, state sized for %u", cfg_system.num_partitions,
              cfg_state_partitions);
    }
    if (!id_table_valid(&cfg_system.partition_ids, cfg_system.num_partitions, partition_id)) {
        panic("partition id table does not lead to every partition");
    }
    num_partitions = cfg_system.num_partitions;
    for (uint32_t i = 0; i < num_partitions; i++) {
        partition_init(&partitions[i], &cfg_system.partitions[i], i);
    }
    for (uint32_t c = 0; c < cpu_count(); c++) {
        partitions_boot_alive_on_cpu[c] = partitions_alive_on_cpu[c];
    }
}

/* Without a branch on whether there is news: a system partition's window
 * start costs the same whether or not a neighbour changed state (p runs or
 * is about to: no idle state to end, so setting the line is all that
 * virq_raise() would do). */
void partition_notice_changes(struct partition *p)
{
    if (p && (p->cfg->flags & CFG_PART_SYSTEM)) {
        uint32_t news = p->changes_seen != state_changes;

        p->changes_seen = state_changes;
        p->shared->irq_pending |= news << PV_IRQ_PARTITION;
    }
}

/* Tells the system partitions other than p that p changed state
 * (PV_IRQ_PARTITION), in constant time: the change is counted, and each
 * system partition hears of it at the start of its next window
 * (partition_notice_changes() from window_start() in kernel.c), in its own
 * time. None runs before then but the one running now (a system partition
 * that halted or restarted another), which hears at once. */
static void notify_system_partitions(struct partition *p)
{
    /* p's own change is no news to p, unless it has missed others'
     * (without a branch: the cost does not depend on what p has seen). */
    lock_take(&counts_lock);
    p->changes_seen += p->changes_seen == state_changes;
    state_changes++;
    lock_give(&counts_lock);
    partition_notice_changes(schedule_current());
}

/* The state changes below, without telling the system partitions (the
 * public functions do; partition_sync must not). */
static void stop(struct partition *p, const char *why)
{
    set_state(p, PART_STOPPED);
    console_partition_event(p, "[tessera] partition %s stopped: %s\n", p->cfg->name, why);
}

static void halt(struct partition *p)
{
    trace_event(PV_TRACE_CLASS_MODE, PV_TRACE_MODE_CHANGE, p->index,
                trace_pair(PV_MODE_IDLE, p->mode), 0);
    p->mode = PV_MODE_IDLE;
    set_state(p, PART_HALTED);
    console_partition_event(p, "[tessera] partition %s halted\n", p->cfg->name);
}

/* A cold restart counted as times restarts. */
static int restart_cold(struct partition *p, uint32_t times)
{
    /* Its address space could not be built at boot: nothing to run in. */
    if (!arch_space_ready(p) || load_prepare(p)) {
        return -1;
    }
    quiesce(p);
    trace_event(PV_TRACE_CLASS_MODE, PV_TRACE_MODE_CHANGE, p->index,
                trace_pair(PV_MODE_COLD_START, p->mode), 0);
    trace_event(PV_TRACE_CLASS_MODE, PV_TRACE_RESTART, p->index, 0, 0);
    p->restarts += times;
    p->mode = PV_MODE_COLD_START;
    console_partition_event(p, "[tessera] partition %s: cold restart %u\n", p->cfg->name,
                            p->restarts);
    set_state(p, PART_LOADING);
    return 0;
}

void partition_stop(struct partition *p, const char *why)
{
    stop(p, why);
    notify_system_partitions(p);
}

void partition_halt(struct partition *p)
{
    halt(p);
    notify_system_partitions(p);
}

int partition_restart(struct partition *p)
{
    if (restart_cold(p, 1)) {
        return -1;
    }
    notify_system_partitions(p);
    return 0;
}

int partition_restart_warm(struct partition *p)
{
    if (!arch_space_ready(p) || load_prepare(p)) {
        return -1;
    }
    quiesce(p);
    trace_event(PV_TRACE_CLASS_MODE, PV_TRACE_MODE_CHANGE, p->index,
                trace_pair(PV_MODE_WARM_START, p->mode), 0);
    trace_event(PV_TRACE_CLASS_MODE, PV_TRACE_RESTART, p->index, 1, 0);
    p->restarts++;
    p->mode = PV_MODE_WARM_START;
    console_partition_event(p, "[tessera] partition %s: warm restart %u\n", p->cfg->name,
                            p->restarts);
    /* Nothing to load: the next step only resets its context. */
    p->load_phase = LOAD_DONE;
    set_state(p, PART_LOADING);
    notify_system_partitions(p);
    return 0;
}

bool partition_load_continue(struct partition *p, uint64_t deadline)
{
    if (!load_steps(p, deadline)) {
        return false;
    }
    load_finish(p);
    p->state = PART_READY;
    notify_system_partitions(p);
    return true;
}

struct partition *partition_by_id(arch_word_t id)
{
    /* One probe: the table is a perfect hash of the ids (cfg.h). An empty
     * slot still loads and compares an id (partition 0's; a partition that
     * calls is one, so there is one), so that a missing id costs what a
     * present one does: the more partitions, the fewer empty slots, and
     * the cost must not depend on the system. The comparison is of whole
     * words: an id with bits above the 32 of a configured id finds
     * nothing. */
    uint32_t i = cfg_id_slot(&cfg_system.partition_ids, id);
    uint32_t in_range = i < num_partitions;
    uint32_t k = i & (0u - in_range);
    uint32_t hit = in_range & (cfg_system.partitions[k].id == id);

    return hit ? &partitions[k] : NULL;
}

bool partitions_any_alive(void)
{
    return alive_count != 0;
}

uint64_t partitions_resets ARCH_PER_CPU;

void partitions_reset(void)
{
    uint32_t cpu = schedule.cpu;

    partitions_resets++;
    /* This CPU's partitions are now as boot left them, until each applies
     * the reset (all partitions, on one CPU). */
    lock_take(&counts_lock);
    alive_count += partitions_boot_alive_on_cpu[cpu] - partitions_alive_on_cpu[cpu];
    partitions_alive_on_cpu[cpu] = partitions_boot_alive_on_cpu[cpu];
    lock_give(&counts_lock);
}

void partition_hold(struct partition *p)
{
    /* Still counted alive: the reset restarts it. */
    p->state = PART_STOPPED;
    p->held = true;
}

/* Posting and taking a control request: one at a time (lock.h). */
static volatile uint32_t control_lock;

/* Console input polled on a CPU that does not hold the input partition
 * (partition_post_input): one flag, since one partition is the input
 * partition (cfg_system.console_input). Under control_lock. */
static uint32_t input_posted;

void partition_post_control(struct partition *p, uint32_t op)
{
    lock_take(&control_lock);
    p->control_posted = (uint8_t)(op + 1);
    p->resets_seen |= PART_SEEN_CONTROL;
    lock_give(&control_lock);
}

void partition_post_input(struct partition *p)
{
    lock_take(&control_lock);
    input_posted = 1;
    p->resets_seen |= PART_SEEN_CONTROL;
    lock_give(&control_lock);
}

/* What was posted for p, taken on p's own CPU. */
struct posted {
    uint64_t missed; /* module resets p has not applied */
    uint32_t op;     /* PV_PART_*, or UINT32_MAX for none */
    uint32_t input;  /* console input arrived (p is the input partition) */
};

/* Takes what was posted for p, on p's own CPU (under the lock: another CPU
 * may post at the same time). */
static struct posted take_posted(struct partition *p)
{
    struct posted t = {0, UINT32_MAX, 0};

    lock_take(&control_lock);
    if (p->control_posted) {
        t.op = p->control_posted - 1u;
    }
    p->control_posted = 0;
    if (p->index == cfg_system.console_input) {
        t.input = input_posted;
        input_posted = 0;
    }
    t.missed = partitions_resets - (p->resets_seen & ~(PART_SEEN_CONTROL | PART_SEEN_MOVES));
    p->resets_seen = partitions_resets | (p->resets_seen & PART_SEEN_MOVES);
    lock_give(&control_lock);
    return t;
}

/* A request posted for p, applied on p's own CPU (not running it). */
static void apply_control(struct partition *p, uint32_t op)
{
    if (op == PV_PART_HALT && p->state != PART_HALTED) {
        partition_halt(p);
    } else if (op == PV_PART_RESTART) {
        p->start_condition = PV_START_SYSTEM_RESTART;
        if (partition_restart(p)) {
            console_partition_event(p,
                                    "[tessera] partition %s: restart asked from another CPU "
                                    "failed\n",
                                    p->cfg->name);
        }
    }
}

/* Applies the module resets p missed (missed of them). */
static void apply_resets(struct partition *p, uint64_t missed)
{
    /* Counted as boot left it since its CPU began the reset
     * (partitions_reset); one that moves between CPUs is in no CPU's count:
     * as its state or its hold left it. From here its own state counts,
     * and the changes below move it as usual. */
    uint32_t counted = partition_moves(p) ? counted_alive(p) : p->reset_alive;

    count_alive(p, !is_dead(p->state) - counted);
    p->held = false;
    p->start_condition = PV_START_HM_MODULE_RESTART;
    p->port_call = 0; /* a port copy under way is dropped (port.c) */
    if (p->cfg->initial_mode == CFG_MODE_IDLE) {
        halt(p);
    } else if (restart_cold(p, (uint32_t)missed)) {
        stop(p, "cannot be restarted");
    }
}

void partition_sync(struct partition *p)
{
    struct posted t;

    /* Only on p's CPU, which alone counts the resets p must apply (each
     * CPU its own, from the reset's frame) and where p is not running
     * now (a moving p: the CPU that holds it, at its window start);
     * another CPU's status call reads p as it is. */
    if (!partition_stale(p) || !schedule_holds(p)) {
        return;
    }
    /* A moving p with nothing posted (stale for good): no lock taken. */
    if (partition_moves(p) && !partition_moving_news(p)) {
        return;
    }
    t = take_posted(p);
    if (t.missed) {
        apply_resets(p, t.missed);
    }
    /* A request posted before a reset p applies here is still taken: its
     * caller was told PV_OK. */
    if (t.op != UINT32_MAX) {
        apply_control(p, t.op);
    }
    /* Last: the input is still in the kernel's ring, whatever p's restart
     * did to its control page. */
    if (t.input) {
        virq_raise(p, PV_IRQ_CONSOLE_INPUT);
    }
}
