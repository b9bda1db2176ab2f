/* SPDX-License-Identifier: BSD-2-Clause */
#include "kernel.h"
#include "arch.h"
#include "hcall.h"
#include "kprintf.h"
#include "partition.h"
#include "sched.h"

static struct sched_state sched;
static struct partition *current;

/* Gives the CPU to the owner of the current slot if it can run. */
static void select_slot_owner(int new_slot)
{
    struct partition *owner = 0;

    if (sched.slot.partition != SCHED_IDLE) {
        owner = &partitions[sched.slot.partition];
        if (new_slot && owner->state == PART_WAIT_WINDOW)
            owner->state = PART_READY;
        if (!partition_runnable(owner))
            owner = 0;
    }
    current = owner;
}

static void check_system_alive(void)
{
    if (!partitions_any_alive()) {
        kprintf("[tessera] all partitions have halted; shutting down\n");
        arch_shutdown(0);
    }
}

void kernel_start(void)
{
    const struct cfg_plan *plan;
    enum sched_plan_error err;

    kprintf("[tessera] system %s: %u partitions, %u plans\n", cfg_system.name,
            cfg_system.num_partitions, cfg_system.num_plans);
    if (cfg_system.num_plans == 0 || cfg_system.initial_plan >= cfg_system.num_plans)
        panic("configuration has no valid initial schedule plan");
    for (uint32_t i = 0; i < cfg_system.num_plans; i++) {
        err = sched_plan_check(&cfg_system.plans[i], cfg_system.num_partitions);
        if (err != SCHED_PLAN_OK)
            panic("schedule plan %s: %s", cfg_system.plans[i].name, sched_plan_error_text(err));
    }
    partitions_init();
    check_system_alive();
    plan = &cfg_system.plans[cfg_system.initial_plan];
    sched_start(&sched, plan, arch_time_ns());
    kprintf("[tessera] plan %s: major frame %llu ns, %u windows\n", plan->name,
            (unsigned long long)plan->major_frame_ns, plan->num_windows);
    select_slot_owner(1);
    arch_timer_arm(sched_slot_deadline(&sched));
}

void kernel_on_timer(void)
{
    if (sched_advance(&sched, arch_time_ns()))
        select_slot_owner(1);
    arch_timer_arm(sched_slot_deadline(&sched));
}

void kernel_on_hypercall(void)
{
    hcall_dispatch(current);
    if (!partition_runnable(current)) {
        current = 0;
        check_system_alive();
    }
}

void kernel_on_fault(const char *what)
{
    partition_stop(current, what);
    current = 0;
    check_system_alive();
}

struct partition *kernel_current(void)
{
    return current;
}
