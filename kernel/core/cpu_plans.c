/* SPDX-License-Identifier: BSD-2-Clause */
#include <stdbool.h>
#include "cpu_plans.h"
#include "cfg_state.h"
#include "hm.h"
#include "kprintf.h"
#include "partition.h"
#include "pv/abi.h"
#include "sched.h"

/* The CPU of each window of part in every view: 0 if it has none,
 * PART_CPU_MOVES if they are on several CPUs. */
uint32_t cpu_plans_partition_cpu(uint32_t part)
{
    uint32_t found = UINT32_MAX;

    for (uint32_t c = 0; c < cpu_count(); c++) {
        for (uint32_t i = 0; i < cfg_system.num_plans; i++) {
            const struct cfg_plan *v = c ? &cfg_system.cpu_plans[c][i] : &cfg_system.plans[i];

            for (uint32_t w = 0; w < v->num_windows; w++) {
                if (v->windows[w].partition != part) {
                    continue;
                }
                if (found == UINT32_MAX) {
                    found = c;
                } else if (found != c) {
                    return PART_CPU_MOVES;
                }
            }
        }
    }
    return found == UINT32_MAX ? 0 : found;
}

static bool frames_in_kernel;

/* A module reset is taken by every CPU at a frame start, in the kernel. */
static bool module_may_reset(void)
{
    for (uint32_t i = 0; i < cfg_system.num_partitions; i++) {
        for (uint32_t e = 0; e < PV_HM_ERROR_COUNT; e++) {
            if (hm_configured_action(&cfg_system.partitions[i], e) == PV_HM_ACTION_RESET_MODULE) {
                return true;
            }
        }
    }
    return false;
}

/* A partition on several CPUs is handed over between them in the guard
 * time G (handover.h): G must cover the kernel's longest path. */
static void check_moving_guard(void)
{
    for (uint32_t i = 0; i < cfg_system.num_partitions; i++) {
        if (cpu_plans_partition_cpu(i) != PART_CPU_MOVES) {
            continue;
        }
        if (cfg_system.guard_ns < CFG_HANDOVER_MIN_GUARD_NS) {
            panic("partition %s has windows on several CPUs: the guard time (%llu ns) must be at "
                  "least %u ns",
                  cfg_system.partitions[i].name, (unsigned long long)cfg_system.guard_ns,
                  CFG_HANDOVER_MIN_GUARD_NS);
        }
    }
}

bool cpu_plans_frames_in_kernel(void)
{
    return frames_in_kernel;
}

void cpu_plans_check(void)
{
    uint32_t cpus = cpu_count();

    if (cpus > cfg_state_cpus) {
        panic("%u CPUs configured, state sized for %u", cpus, cfg_state_cpus);
    }
    if (cpus == 1 && !cfg_system.cpu_plans) {
        return; /* tables older than the field: plans is the only view */
    }
    if (!cfg_system.cpu_plans || cfg_system.cpu_plans[0] != cfg_system.plans) {
        panic("the CPUs' views of the plans do not start with the plans");
    }
    for (uint32_t c = 1; c < cpus; c++) {
        for (uint32_t i = 0; i < cfg_system.num_plans; i++) {
            const struct cfg_plan *v = &cfg_system.cpu_plans[c][i], *p = &cfg_system.plans[i];
            enum sched_plan_error err = sched_plan_check(v, cfg_system.num_partitions);

            if (v->id != p->id || v->major_frame_ns != p->major_frame_ns) {
                panic("schedule plan %s: CPU %u's view has another id or major frame", p->name, c);
            }
            if (err != SCHED_PLAN_OK) {
                panic("schedule plan %s on CPU %u: %s", p->name, c, sched_plan_error_text(err));
            }
        }
    }
    check_moving_guard();
    frames_in_kernel = cfg_system.num_plans > 1 || module_may_reset();
}
