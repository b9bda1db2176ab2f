/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The processors of the system and each one's view of the schedule plans
 * (cfg_system.num_cpus and cpu_plans, kernel/core/include/cfg.h).
 */
#ifndef TESSERA_CPU_PLANS_H
#define TESSERA_CPU_PLANS_H

#include <stdbool.h>
#include <stdint.h>
#include "cfg.h"

/* The processors the system runs on: tables without the field say 0, one. */
static inline uint32_t cpu_count(void)
{
    return cfg_system.num_cpus ? cfg_system.num_cpus : 1;
}

/* Checks at boot what the per-CPU views must be, whoever wrote the
 * tables: cpu_plans[0] is plans; every other CPU's view of a plan has its
 * name, id and major frame and passes sched_plan_check(); the per-CPU
 * state was defined for this many CPUs. Panics otherwise. */
void cpu_plans_check(void);

/* The CPU whose windows name partition index part, 0 if none does, or
 * PART_CPU_MOVES (partition.h) when its windows are on several CPUs: it
 * then runs on each in turn (handover.h). Boot time: it looks through
 * every view. */
uint32_t cpu_plans_partition_cpu(uint32_t part);

/* Several CPUs: whether every CPU must cross every frame end in the
 * kernel, where a plan switch or a module reset is taken (sched_cpus.c) -
 * true when the system has several plans or some partition may reset the
 * module. Otherwise a CPU with no window may keep to its timer (x86). Set
 * by cpu_plans_check(). */
bool cpu_plans_frames_in_kernel(void);

#endif
