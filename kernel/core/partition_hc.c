/* SPDX-License-Identifier: BSD-2-Clause */
/* The hypercalls a partition makes about itself or (system partitions) about
 * another: time, idling, upcalls, timers, modes, status and control. The
 * dispatch table (hcall.c) checks the number and the caller's rights first. */
#include "partition_hc.h"
#include "arch.h"
#include "kstring.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/hcall_words.h"
#include "pv/status.h"
#include "trace.h"
#include "uaccess.h"
#include "virq.h"
#include "vtimer.h"

int32_t partition_hc_time_get(struct partition *p)
{
    uint64_t now = arch_time_ns();
    void *out = uaccess_ptr(p->cfg, arch_hcall_arg(p, 0), sizeof(now), CFG_AREA_WRITE);

    if (!out) {
        return PV_EFAULT;
    }
    __builtin_memcpy(out, &now, sizeof(now)); /* two stores, not a call */
    return PV_OK;
}

int32_t partition_hc_idle(struct partition *p)
{
    /* Something is already waiting: idling now could sleep through it. */
    if (!virq_unmasked_pending(p)) {
        p->state = PART_IDLE;
    }
    return PV_OK;
}

int32_t partition_hc_halt_self(struct partition *p)
{
    partition_halt(p);
    return PV_OK;
}

int32_t partition_hc_upcall_set(struct partition *p)
{
    arch_addr_t entry = arch_hcall_arg(p, 0), phys;

    if (entry && ((entry & (ARCH_INSN_ALIGN - 1)) ||
                  uaccess_range(p->cfg, entry, 1, CFG_AREA_EXEC, &phys))) {
        return PV_EFAULT;
    }
    p->upcall_entry = entry;
    return PV_OK;
}

int32_t partition_hc_upcall_return(struct partition *p)
{
    int err = arch_upcall_pop(p, arch_hcall_arg(p, 0));

    if (err) {
        arch_hcall_return(p, err);
        return err;
    }
    /* Upcalls are delivered only with interrupts enabled: returning from
     * one enables them again. */
    p->shared->irq_level = 0;
    return 0;
}

int32_t partition_hc_irq_sync(struct partition *p)
{
    (void)p; /* delivery happens on the way out of every hypercall */
    return PV_OK;
}

int32_t partition_hc_timer_set(struct partition *p)
{
    arch_word_t clock = arch_hcall_arg(p, PV_TIMER_SET_ARG_CLOCK);
    uint64_t deadline = arch_hcall_arg64(p, PV_TIMER_SET_ARG_DEADLINE);
    uint64_t period = arch_hcall_arg64(p, PV_TIMER_SET_ARG_PERIOD);

    if (clock > PV_CLOCK_EXEC) {
        return PV_EINVAL;
    }
    if (period && (period < PV_TIMER_MIN_PERIOD_NS || deadline == 0)) {
        return PV_EINVAL;
    }
    /* Leave room for a few centuries of periods without overflow. */
    if (deadline > UINT64_MAX / 2 || period > UINT64_MAX / 4) {
        return PV_EINVAL;
    }
    vtimer_set(&p->timers[clock], deadline, period);
    return PV_OK;
}

int32_t partition_hc_restart_self(struct partition *p)
{
    p->start_condition = PV_START_PARTITION_RESTART;
    return partition_restart(p) ? PV_ESTATE : PV_OK;
}

int32_t partition_hc_mode_set(struct partition *p)
{
    switch (arch_hcall_arg(p, 0)) {
    case PV_MODE_NORMAL:
        if (p->mode == PV_MODE_NORMAL) {
            return PV_ESTATE;
        }
        trace_event(PV_TRACE_CLASS_MODE, PV_TRACE_MODE_CHANGE, p->index,
                    trace_pair(PV_MODE_NORMAL, p->mode), 0);
        p->mode = PV_MODE_NORMAL;
        p->shared->mode = PV_MODE_NORMAL;
        return PV_OK;
    case PV_MODE_IDLE:
        partition_halt(p);
        return PV_OK;
    case PV_MODE_COLD_START:
        p->start_condition = PV_START_PARTITION_RESTART;
        return partition_restart(p) ? PV_ESTATE : PV_OK;
    case PV_MODE_WARM_START:
        /* ARINC 653: a partition still in its cold start may not warm
         * start - its data is not yet a state worth keeping. */
        if (p->mode == PV_MODE_COLD_START) {
            return PV_ESTATE;
        }
        p->start_condition = PV_START_PARTITION_RESTART;
        return partition_restart_warm(p) ? PV_ESTATE : PV_OK;
    default:
        return PV_EINVAL;
    }
}

int32_t partition_hc_status(struct partition *p)
{
    arch_word_t id = arch_hcall_arg(p, 0);
    struct partition *t = id == PV_PART_SELF ? p : partition_by_id(id);
    struct pv_partition_status st;
    void *out;

    if (!t) {
        return PV_ENOENT;
    }
    if (t != p && !partition_is_system(p)) {
        return PV_EPERM;
    }
    out = uaccess_ptr(p->cfg, arch_hcall_arg(p, 1), sizeof(st), CFG_AREA_WRITE);
    if (!out) {
        return PV_EFAULT;
    }
    partition_sync(t); /* a module reset it has not applied yet shows */
    /* Built here and copied: the caller's buffer may be misaligned, and a
     * misaligned word store is a kernel trap on SPARC (found by the
     * hypercall fuzzer, docs/testing.md). Cleared first, so that no byte
     * of kernel stack reaches the caller whatever padding or reserved
     * fields the layout (pv/status.h) ever gets. */
    memset(&st, 0, sizeof(st));
    st.id = t->cfg->id;
    st.state = t->state;
    st.restarts = t->restarts;
    st.mode = t->mode;
    st.start_condition = t->start_condition;
    st.hm_errors = t->hm_errors;
    st.hm_restarts = t->hm_restarts;
    st.hm_log_lost = t->hm_log_lost;
    st.console_dropped = t->console.dropped;
    st.flags = (partition_is_system(t) ? PV_PART_FLAG_SYSTEM : 0) |
               ((t->cfg->flags & CFG_PART_FPU) ? PV_PART_FLAG_FPU : 0);
    memcpy(out, &st, sizeof(st));
    return PV_OK;
}

int32_t partition_hc_control(struct partition *p)
{
    struct partition *t = partition_by_id(arch_hcall_arg(p, 0));
    arch_word_t op = arch_hcall_arg(p, 1);

    if (!t) {
        return PV_ENOENT;
    }
    /* A partition of another CPU may be running there right now: the
     * request is posted and applied at t's next window start there. Its
     * state read here may be a window old (as partition_status's is). So
     * is one that moves between CPUs, unless it is the caller itself: a
     * moving partition's cpu equals only its own (PART_CPU_MOVES). */
    if (t->cpu != p->cpu) {
        if (op != PV_PART_HALT && op != PV_PART_RESTART) {
            return PV_EINVAL;
        }
        if (op == PV_PART_HALT && t->state == PART_HALTED) {
            return PV_ESTATE;
        }
        partition_post_control(t, (uint32_t)op);
        return PV_OK;
    }
    partition_sync(t); /* acts on t as a module reset left it */
    switch (op) {
    case PV_PART_HALT:
        if (t->state == PART_HALTED) {
            return PV_ESTATE;
        }
        partition_halt(t);
        return PV_OK;
    case PV_PART_RESTART:
        t->start_condition = PV_START_SYSTEM_RESTART;
        return partition_restart(t) ? PV_ESTATE : PV_OK;
    default:
        return PV_EINVAL;
    }
}
