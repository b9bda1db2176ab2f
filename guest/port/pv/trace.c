/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The executive's trace events (tessera/trace.h): linked only into an
 * application that defines CONFIGURE_TESSERA_TRACE, whose initial
 * extensions name the two hooks below. The kernel stamps the time and the
 * partition; trace_event answers PV_ENOENT (and records nothing) when the
 * system's XML does not trace the guest class: the classes never change
 * while the system runs, so after that answer the hooks make no more
 * calls and cost a load and a branch.
 */
#include <pv/pv.h>
#include <rtems.h>
#include <tessera/trace.h>

#include "pvport.h"

/* The system does not trace the guest class (a PV_ENOENT seen). */
static bool untraced;

static void record(uint32_t kind, uint32_t a, uint64_t b)
{
    if (!untraced && pv_trace_event(kind, a, b) == PV_ENOENT) {
        untraced = true;
    }
}

bool tessera_trace_thread_create(rtems_tcb *executing, rtems_tcb *created)
{
    (void)executing;
    record(PV_TRACE_TASK_NAME, created->Object.id, created->Object.name.name_u32);
    return true;
}

void tessera_trace_thread_switch(rtems_tcb *executing, rtems_tcb *heir)
{
    record(PV_TRACE_TASK_SWITCH, heir->Object.id, executing->Object.id);
}

/* The traced executive library's wrappers (gen_traced_directives.py): the
 * directive's id at its entry, its id and status at its exit. */
void tessera_trace_directive_entry(uint32_t directive)
{
    record(PV_TRACE_DIRECTIVE_ENTRY, directive, 0);
}

rtems_status_code tessera_trace_directive_exit(uint32_t directive, rtems_status_code status)
{
    record(PV_TRACE_DIRECTIVE_EXIT, directive, (uint32_t)status);
    return status;
}

/* Overrides irq.c's weak pv_upcall_handler: the same two steps, each line
 * delivered recorded at its entry and before the dispatch. */
void pv_upcall_handler(struct pv_upcall_frame *frame)
{
    uint32_t lines = frame->lines;
    bool leave;

    for (uint32_t l = lines, v = 0; l; v++, l >>= 1) {
        if (l & 1u) {
            record(PV_TRACE_IRQ_ENTRY, v, 0);
        }
    }
    leave = pvport_upcall_work(frame);
    for (uint32_t l = lines, v = 0; l; v++, l >>= 1) {
        if (l & 1u) {
            record(PV_TRACE_IRQ_EXIT, v, 0);
        }
    }
    pvport_upcall_leave(leave);
    /* Not a tail call: pv_upcall_entry (pv/arch/x86/upcall.S) reads the
     * frame pointer back from this function's argument slot, which a tail
     * call would reuse. */
    __asm__ volatile("" ::: "memory");
}
