/* SPDX-License-Identifier: BSD-2-Clause */
#include "cpu_plans.h"
#include "cfg_state.h"
#include "kprintf.h"
#include "sched.h"

void cpu_plans_check(void)
{
    uint32_t cpus = cpu_count();

    if (cpus > cfg_state_cpus)
        panic("%u CPUs configured, state sized for %u", cpus, cfg_state_cpus);
    if (cpus == 1 && !cfg_system.cpu_plans)
        return; /* tables older than the field: plans is the only view */
    if (!cfg_system.cpu_plans || cfg_system.cpu_plans[0] != cfg_system.plans)
        panic("the CPUs' views of the plans do not start with the plans");
    for (uint32_t c = 1; c < cpus; c++)
        for (uint32_t i = 0; i < cfg_system.num_plans; i++) {
            const struct cfg_plan *v = &cfg_system.cpu_plans[c][i], *p = &cfg_system.plans[i];
            enum sched_plan_error err = sched_plan_check(v, cfg_system.num_partitions);

            if (v->id != p->id || v->major_frame_ns != p->major_frame_ns)
                panic("schedule plan %s: CPU %u's view has another id or major frame", p->name, c);
            if (err != SCHED_PLAN_OK)
                panic("schedule plan %s on CPU %u: %s", p->name, c, sched_plan_error_text(err));
            /* Until each CPU runs its own window table (issue 20's next
             * step), a window on another CPU would silently never run. */
            if (v->num_windows)
                panic("schedule plan %s: CPU %u has windows, not run yet", p->name, c);
        }
}
