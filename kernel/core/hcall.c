/* SPDX-License-Identifier: BSD-2-Clause */
/* The hypercall table and its dispatch: each entry's handler lives with
 * the module it acts on (partition_hc.c, console.c, port.c, hm.c,
 * schedule.c); this file only checks the number and the caller's rights,
 * stores the result and reports misuse to the health monitor. Also the
 * one check of the outputs that the log-reading calls share. */
#include <stdbool.h>
#include <stddef.h>
#include "hcall.h"
#include "arch.h"
#include "console.h"
#include "hm.h"
#include "partition.h"
#include "partition_hc.h"
#include "port.h"
#include "pv/abi.h"
#include "schedule.h"
#include "trace.h"
#include "uaccess.h"

typedef int32_t (*hcall_fn)(struct partition *p);

struct hcall {
    hcall_fn fn;
    bool system_only; /* only system partitions may call it */
    bool raw;         /* the handler set the whole context: no return value */
};

static const struct hcall hcall_table[PV_HC_COUNT] = {
    [PV_HC_CONSOLE_WRITE] = {console_hc_write, false, false},
    [PV_HC_TIME_GET] = {partition_hc_time_get, false, false},
    [PV_HC_IDLE] = {partition_hc_idle, false, false},
    [PV_HC_HALT_SELF] = {partition_hc_halt_self, false, false},
    [PV_HC_UPCALL_SET] = {partition_hc_upcall_set, false, false},
    [PV_HC_UPCALL_RETURN] = {partition_hc_upcall_return, false, true},
    [PV_HC_IRQ_SYNC] = {partition_hc_irq_sync, false, false},
    [PV_HC_TIMER_SET] = {partition_hc_timer_set, false, false},
    [PV_HC_RESTART_SELF] = {partition_hc_restart_self, false, false},
    [PV_HC_PART_STATUS] = {partition_hc_status, false, false},
    [PV_HC_PART_CONTROL] = {partition_hc_control, true, false},
    [PV_HC_CONSOLE_READ] = {console_hc_read, false, false},
    [PV_HC_PORT_OPEN] = {port_hc_open, false, false},
    [PV_HC_PORT_WRITE] = {port_hc_write, false, false},
    [PV_HC_PORT_READ] = {port_hc_read, false, false},
    [PV_HC_PORT_STATUS] = {port_hc_status, false, false},
    [PV_HC_PORT_CLEAR] = {port_hc_clear, false, false},
    [PV_HC_PLAN_SWITCH] = {schedule_hc_plan_switch, true, false},
    [PV_HC_MODE_SET] = {partition_hc_mode_set, false, false},
    [PV_HC_HM_RAISE] = {hm_hc_raise, false, false},
    [PV_HC_HM_LOG_READ] = {hm_hc_log_read, true, false},
    [PV_HC_TRACE_EVENT] = {trace_hc_event, false, false},
    [PV_HC_TRACE_READ] = {trace_hc_read, true, false},
};

/* Failures that mean the caller's program is wrong, not that the system
 * is in a state it must wait out: the health monitor hears of them. */
static bool is_misuse(int32_t ret)
{
    return ret == PV_ENOSYS || ret == PV_EFAULT || ret == PV_EINVAL || ret == PV_EPERM;
}

static void report_misuse(struct partition *p, arch_word_t nr, int32_t ret)
{
    struct hm_error e = {PV_HM_HYPERCALL_MISUSE, PV_HM_MISUSE_DETAIL(nr, ret), 0, false, NULL};

    hm_raise(p, &e);
}

void hcall_dispatch(struct partition *p)
{
    uint64_t start = trace_hcall_start();
    arch_word_t nr = arch_hcall_number(p);
    const struct hcall *h;
    int32_t ret;

    ports_hcall_entry(p, nr);
    if (nr >= PV_HC_COUNT || !hcall_table[nr].fn) {
        arch_hcall_return(p, PV_ENOSYS);
        trace_hcall(p, nr, PV_ENOSYS, start);
        report_misuse(p, nr, PV_ENOSYS);
        return;
    }
    h = &hcall_table[nr];
    if (h->system_only && !partition_is_system(p)) {
        arch_hcall_return(p, PV_EPERM);
        trace_hcall(p, nr, PV_EPERM, start);
        report_misuse(p, nr, PV_EPERM);
        return;
    }
    ret = h->fn(p);
    trace_hcall(p, nr, ret, start);
    if (ret == HCALL_AGAIN) {
        arch_hcall_restart(p);
        return;
    }
    /* A restart of the caller need not be told apart here: its context is
     * reset when the reload finishes, after this result is written. */
    if (!h->raw) {
        arch_hcall_return(p, ret);
    }
    if (is_misuse(ret)) {
        report_misuse(p, nr, ret);
    }
}

int32_t hcall_log_read_outputs(struct partition *p, uint32_t cap, uint32_t record_size,
                               uint32_t status_size, uint32_t *max, void **buf, void **status)
{
    *max = arch_hcall_arg(p, 2) < cap ? arch_hcall_arg(p, 2) : cap;
    *buf = NULL;
    *status = NULL;
    if (*max) {
        *buf = uaccess_ptr(p->cfg, arch_hcall_arg(p, 1), *max * record_size, CFG_AREA_WRITE);
        if (!*buf) {
            return PV_EFAULT;
        }
    }
    if (arch_hcall_arg(p, 3)) {
        *status = uaccess_ptr(p->cfg, arch_hcall_arg(p, 3), status_size, CFG_AREA_WRITE);
        if (!*status) {
            return PV_EFAULT;
        }
    }
    return 0;
}
