/* SPDX-License-Identifier: BSD-2-Clause */
#include "hcall.h"
#include "hm.h"
#include "kernel.h"
#include "arch.h"
#include "console.h"
#include "kstring.h"
#include "partition.h"
#include "port.h"
#include "pv/abi.h"
#include "pv/hcall_words.h"
#include "pv/status.h"
#include "uaccess.h"
#include "virq.h"

typedef int32_t (*hcall_fn)(struct partition *p);

struct hcall {
    hcall_fn fn;
    uint8_t system_only; /* only system partitions may call it */
    uint8_t raw;         /* the handler set the whole context: no return value */
};

static int is_system(const struct partition *p)
{
    return (p->cfg->flags & CFG_PART_SYSTEM) != 0;
}

static int32_t hc_console_write(struct partition *p)
{
    arch_addr_t va = arch_hcall_arg(p, 0);
    arch_size_t len = arch_hcall_arg(p, 1);
    const char *buf;

    if (len > PV_CONSOLE_WRITE_MAX)
        return PV_ERANGE;
    if (len == 0)
        return 0;
    buf = uaccess_ptr(p->cfg, va, len, CFG_AREA_READ);
    if (!buf)
        return PV_EFAULT;
    return (int32_t)console_partition_write(p, buf, len);
}

static int32_t hc_time_get(struct partition *p)
{
    uint64_t now = arch_time_ns();
    void *out = uaccess_ptr(p->cfg, arch_hcall_arg(p, 0), sizeof(now), CFG_AREA_WRITE);

    if (!out)
        return PV_EFAULT;
    __builtin_memcpy(out, &now, sizeof(now)); /* two stores, not a call */
    return PV_OK;
}

static int32_t hc_idle(struct partition *p)
{
    /* Something is already waiting: idling now could sleep through it. */
    if (!virq_unmasked_pending(p))
        p->state = PART_IDLE;
    return PV_OK;
}

static int32_t hc_halt_self(struct partition *p)
{
    partition_halt(p);
    return PV_OK;
}

static int32_t hc_upcall_set(struct partition *p)
{
    arch_addr_t entry = arch_hcall_arg(p, 0), phys;

    if (entry &&
        ((entry & (ARCH_INSN_ALIGN - 1)) || uaccess_range(p->cfg, entry, 1, CFG_AREA_EXEC, &phys)))
        return PV_EFAULT;
    p->upcall_entry = entry;
    return PV_OK;
}

static int32_t hc_upcall_return(struct partition *p)
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

static int32_t hc_irq_sync(struct partition *p)
{
    (void)p; /* delivery happens on the way out of every hypercall */
    return PV_OK;
}

static int32_t hc_timer_set(struct partition *p)
{
    arch_word_t clock = arch_hcall_arg(p, PV_TIMER_SET_ARG_CLOCK);
    uint64_t deadline = arch_hcall_arg64(p, PV_TIMER_SET_ARG_DEADLINE);
    uint64_t period = arch_hcall_arg64(p, PV_TIMER_SET_ARG_PERIOD);

    if (clock > PV_CLOCK_EXEC)
        return PV_EINVAL;
    if (period && (period < PV_TIMER_MIN_PERIOD_NS || deadline == 0))
        return PV_EINVAL;
    /* Leave room for a few centuries of periods without overflow. */
    if (deadline > UINT64_MAX / 2 || period > UINT64_MAX / 4)
        return PV_EINVAL;
    vtimer_set(&p->timers[clock], deadline, period);
    return PV_OK;
}

static int32_t hc_restart_self(struct partition *p)
{
    p->start_condition = PV_START_PARTITION_RESTART;
    return partition_restart(p) ? PV_ESTATE : PV_OK;
}

static int32_t hc_mode_set(struct partition *p)
{
    switch (arch_hcall_arg(p, 0)) {
    case PV_MODE_NORMAL:
        if (p->mode == PV_MODE_NORMAL)
            return PV_ESTATE;
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
        if (p->mode == PV_MODE_COLD_START)
            return PV_ESTATE;
        p->start_condition = PV_START_PARTITION_RESTART;
        return partition_restart_warm(p) ? PV_ESTATE : PV_OK;
    default:
        return PV_EINVAL;
    }
}

static int32_t hc_part_status(struct partition *p)
{
    arch_word_t id = arch_hcall_arg(p, 0);
    struct partition *t = id == PV_PART_SELF ? p : partition_by_id(id);
    struct pv_partition_status st;
    void *out;

    if (!t)
        return PV_ENOENT;
    if (t != p && !is_system(p))
        return PV_EPERM;
    out = uaccess_ptr(p->cfg, arch_hcall_arg(p, 1), sizeof(st), CFG_AREA_WRITE);
    if (!out)
        return PV_EFAULT;
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
    st.flags = (is_system(t) ? PV_PART_FLAG_SYSTEM : 0) |
               ((t->cfg->flags & CFG_PART_FPU) ? PV_PART_FLAG_FPU : 0);
    memcpy(out, &st, sizeof(st));
    return PV_OK;
}

static int32_t hc_part_control(struct partition *p)
{
    struct partition *t = partition_by_id(arch_hcall_arg(p, 0));
    arch_word_t op = arch_hcall_arg(p, 1);

    if (!t)
        return PV_ENOENT;
    partition_sync(t); /* acts on t as a module reset left it */
    switch (op) {
    case PV_PART_HALT:
        if (t->state == PART_HALTED)
            return PV_ESTATE;
        partition_halt(t);
        return PV_OK;
    case PV_PART_RESTART:
        t->start_condition = PV_START_SYSTEM_RESTART;
        return partition_restart(t) ? PV_ESTATE : PV_OK;
    default:
        return PV_EINVAL;
    }
}

static int32_t hc_console_read(struct partition *p)
{
    arch_addr_t va = arch_hcall_arg(p, 0);
    arch_size_t len = arch_hcall_arg(p, 1);
    char *buf;

    if (cfg_system.console_input != p->index)
        return PV_EPERM;
    if (len > PV_CONSOLE_WRITE_MAX)
        return PV_ERANGE;
    if (len == 0)
        return 0;
    buf = uaccess_ptr(p->cfg, va, len, CFG_AREA_WRITE);
    if (!buf)
        return PV_EFAULT;
    return (int32_t)console_read_input(buf, len);
}

static int32_t hc_plan_switch(struct partition *p)
{
    return kernel_plan_switch(arch_hcall_arg(p, 0)) ? PV_ENOENT : PV_OK;
}

static const struct hcall hcall_table[PV_HC_COUNT] = {
    [PV_HC_CONSOLE_WRITE] = {hc_console_write, 0, 0},
    [PV_HC_TIME_GET] = {hc_time_get, 0, 0},
    [PV_HC_IDLE] = {hc_idle, 0, 0},
    [PV_HC_HALT_SELF] = {hc_halt_self, 0, 0},
    [PV_HC_UPCALL_SET] = {hc_upcall_set, 0, 0},
    [PV_HC_UPCALL_RETURN] = {hc_upcall_return, 0, 1},
    [PV_HC_IRQ_SYNC] = {hc_irq_sync, 0, 0},
    [PV_HC_TIMER_SET] = {hc_timer_set, 0, 0},
    [PV_HC_RESTART_SELF] = {hc_restart_self, 0, 0},
    [PV_HC_PART_STATUS] = {hc_part_status, 0, 0},
    [PV_HC_PART_CONTROL] = {hc_part_control, 1, 0},
    [PV_HC_CONSOLE_READ] = {hc_console_read, 0, 0},
    [PV_HC_PORT_OPEN] = {port_hc_open, 0, 0},
    [PV_HC_PORT_WRITE] = {port_hc_write, 0, 0},
    [PV_HC_PORT_READ] = {port_hc_read, 0, 0},
    [PV_HC_PORT_STATUS] = {port_hc_status, 0, 0},
    [PV_HC_PORT_CLEAR] = {port_hc_clear, 0, 0},
    [PV_HC_PLAN_SWITCH] = {hc_plan_switch, 1, 0},
    [PV_HC_MODE_SET] = {hc_mode_set, 0, 0},
    [PV_HC_HM_RAISE] = {hm_hc_raise, 0, 0},
    [PV_HC_HM_LOG_READ] = {hm_hc_log_read, 1, 0},
};

/* Failures that mean the caller's program is wrong, not that the system
 * is in a state it must wait out: the health monitor hears of them. */
static int is_misuse(int32_t ret)
{
    return ret == PV_ENOSYS || ret == PV_EFAULT || ret == PV_EINVAL || ret == PV_EPERM;
}

static void report_misuse(struct partition *p, arch_word_t nr, int32_t ret)
{
    struct hm_error e = {PV_HM_HYPERCALL_MISUSE, PV_HM_MISUSE_DETAIL(nr, ret), 0, 0, 0};

    hm_raise(p, &e);
}

void hcall_dispatch(struct partition *p)
{
    arch_word_t nr = arch_hcall_number(p);
    const struct hcall *h;
    int32_t ret;

    ports_hcall_entry(p, nr);
    if (nr >= PV_HC_COUNT || !hcall_table[nr].fn) {
        arch_hcall_return(p, PV_ENOSYS);
        report_misuse(p, nr, PV_ENOSYS);
        return;
    }
    h = &hcall_table[nr];
    if (h->system_only && !is_system(p)) {
        arch_hcall_return(p, PV_EPERM);
        report_misuse(p, nr, PV_EPERM);
        return;
    }
    ret = h->fn(p);
    if (ret == HCALL_AGAIN) {
        arch_hcall_restart(p);
        return;
    }
    /* A restart of the caller need not be told apart here: its context is
     * reset when the reload finishes, after this result is written. */
    if (!h->raw)
        arch_hcall_return(p, ret);
    if (is_misuse(ret))
        report_misuse(p, nr, ret);
}
