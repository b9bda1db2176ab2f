/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kernel's one running schedule: the plan in force and its current slot
 * (sched.h does the arithmetic of a plan; this holds the instance), the
 * partition that owns the slot and the one running now. kernel.c moves it
 * on at every entry; the hypercall handlers and the partition and console
 * code read it here, so that none of them calls into kernel.c. Each CPU
 * has its own (ARCH_PER_CPU): its view of the plan in force, the slot of
 * its window table and the partition it runs.
 */
#ifndef TESSERA_SCHEDULE_H
#define TESSERA_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arch_word.h"
#include "partition.h"
#include "sched.h"

struct schedule {
    struct sched_state sched;  /* the plan in force and the current slot */
    struct partition *owner;   /* owner of the current slot, if any */
    struct partition *current; /* the partition running now, if any */
    uint32_t cpu;              /* the CPU this is (0: the boot CPU) */
};

extern struct schedule schedule;

/* The partition running now, or NULL: the one whose time kernel work is
 * charged to (console lines, state-change notices). */
static inline struct partition *schedule_current(void)
{
    return schedule.current;
}

/* Makes p the partition kernel work is charged to, for work done on p's
 * behalf while it does not run (a module reset applied at its window
 * start: its lines go to its own ring). Returns the partition it replaces,
 * to be given back the same way; exec-time accounting is not touched. */
static inline struct partition *schedule_lend_current(struct partition *p)
{
    struct partition *was = schedule.current;

    schedule.current = p;
    return was;
}

/* Inline: the timer entry's path is what the window-switch figures
 * (docs/performance.md) measure. */
static inline void schedule_follow_slot(void)
{
    uint32_t owner = schedule.sched.slot.partition;

    schedule.owner = owner == SCHED_IDLE ? NULL : &partitions[owner];
}

/* Starts plan with its first frame at now; the owner follows its first slot. */
static inline void schedule_start(const struct cfg_plan *plan, uint64_t now)
{
    sched_start(&schedule.sched, plan, now);
    sched_set_guard_time(&schedule.sched, cfg_system.guard_ns);
    schedule_follow_slot();
}

/* Moves to the slot that contains now (sched_advance). Returns 1 when a new
 * slot began, its owner then set; 0 when the current slot goes on. */
static inline bool schedule_advance(uint64_t now)
{
    if (!sched_advance(&schedule.sched, now)) {
        return false;
    }
    schedule_follow_slot();
    return true;
}

/* True when p's state is this CPU's to change now: p's windows are on
 * this CPU, or p moves between CPUs and this CPU holds it - p owns this
 * CPU's current slot (its context is taken at the slot's start and given
 * back in the entry that ends it: handover.h). Otherwise p may be running
 * on another CPU right now. */
static inline bool schedule_holds(const struct partition *p)
{
    return p->cpu == schedule.cpu || p == schedule.owner;
}

/* Switches to the plan with configured id at the next major-frame boundary,
 * as p (the system partition that asked) requested: its console ring
 * carries the line, its trace record names it. Returns 0, or -1 for an
 * unknown id. */
int schedule_plan_switch(struct partition *p, arch_word_t plan_id);

/* The plan_switch hypercall (system partitions only, hcall.c): PV_OK, or
 * PV_ENOENT for an unknown plan id. */
int32_t schedule_hc_plan_switch(struct partition *p);

#endif
