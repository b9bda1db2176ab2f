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

int schedule_plan_switch(arch_word_t id)
{
    /* One probe: the table is a perfect hash of the plan ids (cfg.h); an
     * id wider than 32 bits compares unequal. */
    uint32_t i = cfg_id_slot(&cfg_system.plan_ids, id);

    if (i >= cfg_system.num_plans || cfg_system.plans[i].id != id) {
        return -1;
    }

    trace_plan_request(schedule.current);
    sched_request_plan(&schedule.sched, &cfg_system.plans[i]);
    /* Only a system partition's call asks: the line is its cost. */
    console_partition_event(schedule.current ? schedule.current : &partitions[0],
                            "[tessera] plan %s requested for the next major frame\n",
                            cfg_system.plans[i].name);
    return 0;
}

int32_t schedule_hc_plan_switch(struct partition *p)
{
    return schedule_plan_switch(arch_hcall_arg(p, 0)) ? PV_ENOENT : PV_OK;
}
