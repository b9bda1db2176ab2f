/* SPDX-License-Identifier: BSD-2-Clause */
#include "schedule.h"
#include "arch.h"
#include "cfg.h"
#include "console.h"
#include "partition.h"
#include "pv/abi.h"
#include "trace.h"

/* Each CPU runs its own window table (docs/architecture.md, "Multicore"). */
struct schedule schedule ARCH_PER_CPU;

/* Several CPUs: the switch is recorded for all of them (sched_cpus.c),
 * from the frame the line names (frames are numbered from 1 at boot). */
static int plan_switch_shared(struct partition *p, uint32_t i)
{
    uint64_t from = sched_share_request(&schedule.sched, i);

    if (from == SCHED_SWITCH_DROPPED) {
        console_partition_event(p,
                                "[tessera] plan %s not requested: a module reset comes first "
                                "(CPU %u, frame %llu)\n",
                                cfg_system.plans[i].name, schedule.cpu,
                                (unsigned long long)schedule.sched.frames);
    } else if (from) {
        console_partition_event(
            p, "[tessera] plan %s requested from frame %llu (CPU %u, frame %llu)\n",
            cfg_system.plans[i].name, (unsigned long long)from, schedule.cpu,
            (unsigned long long)schedule.sched.frames);
    } else {
        console_partition_event(p,
                                "[tessera] plan %s requested once the last switch has reached "
                                "every CPU (CPU %u, frame %llu)\n",
                                cfg_system.plans[i].name, schedule.cpu,
                                (unsigned long long)schedule.sched.frames);
    }
    return 0;
}

int schedule_plan_switch(struct partition *p, arch_word_t id)
{
    /* One probe: the table is a perfect hash of the plan ids (cfg.h); an
     * id wider than 32 bits compares unequal. */
    uint32_t i = cfg_id_slot(&cfg_system.plan_ids, id);

    if (i >= cfg_system.num_plans || cfg_system.plans[i].id != id) {
        return -1;
    }

    trace_plan_request(p);
    if (schedule.sched.views) {
        return plan_switch_shared(p, i);
    }
    sched_request_plan(&schedule.sched, &cfg_system.plans[i]);
    /* Only a system partition's call asks: the line is its cost. */
    console_partition_event(p, "[tessera] plan %s requested for the next major frame\n",
                            cfg_system.plans[i].name);
    return 0;
}

int32_t schedule_hc_plan_switch(struct partition *p)
{
    return schedule_plan_switch(p, arch_hcall_arg(p, 0)) ? PV_ENOENT : PV_OK;
}
