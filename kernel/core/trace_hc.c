/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The trace's hypercalls (docs/pv-api.md), in every kernel: without
 * tracing (trace.h's empty hooks) they check their arguments the same way
 * and find an empty trace - trace_read copies nothing, trace_event answers
 * PV_ENOENT - so that a guest built to trace runs on any system.
 */
#include "trace.h"
#include "arch.h"
#include "hcall.h"
#include "kstring.h"
#include "pv/abi.h"
#include "uaccess.h"

/* Argument 0 is the index of the first record wanted; records past the
 * last one kept give 0 records, not an error: a reader polls. */
int32_t trace_hc_read(struct partition *p)
{
    uint32_t first = arch_hcall_arg(p, 0), max, n;
    struct pv_trace_record *out;
    struct pv_trace_status st, *st_out;

    if (hcall_log_read_outputs(p, PV_TRACE_READ_MAX, sizeof(*out), sizeof(st), &max, (void **)&out,
                               (void **)&st_out)) {
        return PV_EFAULT;
    }
    n = trace_copy(out, first, max);
    if (st_out) {
        trace_status(&st);
        memcpy(st_out, &st, sizeof(st));
    }
    return (int32_t)n;
}

/* The kernel stamps part and ts itself: a partition names only the kind,
 * a and b of its own events. */
int32_t trace_hc_event(struct partition *p)
{
    arch_word_t kind = arch_hcall_arg(p, 0);

    if (kind < PV_TRACE_GUEST_FIRST || kind > PV_TRACE_GUEST_LAST) {
        return PV_EINVAL;
    }
    if (!trace_guest_on()) {
        return PV_ENOENT;
    }
    trace_record((uint32_t)kind, p->index, arch_hcall_arg(p, 1), arch_hcall_arg64(p, 2));
    return PV_OK;
}
