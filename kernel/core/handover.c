/* SPDX-License-Identifier: BSD-2-Clause */
/* Handing a partition over between CPUs (handover.h). */
#include "handover.h"
#include "arch.h"
#include "hm.h"
#include "kprintf.h"
#include "pv/abi.h"
#include "schedule.h"

/* The owner of this CPU's slot when the timer entry began: this CPU holds
 * it if it moves, until handover_timer_end() (a new window of it in the
 * same entry keeps it). */
static struct partition *owner_before ARCH_PER_CPU;

bool handover_take(struct partition *p)
{
    if (p == owner_before) {
        return true; /* its last slot here just ended: still this CPU's */
    }
    if (!arch_lock_try(&p->context_held)) {
        /* The CPU it left is late (a kernel bug: the gap between the
         * windows is at least G). Bounded: G from now, whatever that CPU
         * does; arch_cpu_relax() also lets QEMU's round robin run it. */
        uint64_t since = arch_time_ns();

        for (;;) {
            uint64_t waited;

            arch_cpu_relax();
            if (arch_lock_try(&p->context_held)) {
                break;
            }
            waited = arch_time_ns() - since;
            if (waited >= cfg_system.guard_ns) {
                struct hm_error e = {PV_HM_DEADLINE_MISSED, waited, 0, false, NULL};

                hm_log_only(p, &e);
                kprintf("[tessera] partition %s: not given back to CPU %u within %llu ns: its "
                        "window there is skipped (deadline-missed)\n",
                        p->cfg->name, schedule.cpu, (unsigned long long)waited);
                return false;
            }
        }
    }
    arch_context_take(p, schedule.cpu);
    p->shared->cpu = schedule.cpu;
    return true;
}

void handover_timer_begin(void)
{
    owner_before = schedule.owner;
}

void handover_timer_end(void)
{
    struct partition *was = owner_before;

    owner_before = NULL;
    if (was && was != schedule.owner && partition_moves(was)) {
        arch_context_save(was);
        arch_lock_release(&was->context_held);
    }
}
