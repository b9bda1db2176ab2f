/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The pv port and the kernel's health monitor (<tessera/hm.h>): errors the
 * executive detects go to the kernel through PV_HC_HM_RAISE, and errors the
 * kernel propagates (line PV_IRQ_HM) go to the application's handler.
 */
#include <port.h>
#include <pv/pv.h>
#include <rtems.h>
#include <rtems/fatal.h>
#include <tessera/hm.h>

#include "pvport.h"

static tessera_hm_handler handler;
/* The synchronous error whose task was just suspended. */
static uint32_t suspended_error;

void pvport_hm_reset(void)
{
    handler = NULL;
    suspended_error = 0;
}

tessera_hm_handler tessera_hm_handler_set(tessera_hm_handler new_handler)
{
    uint32_t level = pv_irq_disable();
    tessera_hm_handler old = handler;

    handler = new_handler;
    pv_irq_restore(level);
    return old;
}

rtems_status_code tessera_hm_raise(uint32_t error, uintptr_t detail)
{
    if (error != PV_HM_APPLICATION_ERROR && error != PV_HM_DEADLINE_MISSED &&
        error != PV_HM_STACK_OVERFLOW) {
        return RTEMS_INVALID_NUMBER;
    }
    return pv_hm_raise(error, detail) == PV_OK ? RTEMS_SUCCESSFUL : RTEMS_INVALID_NUMBER;
}

rtems_status_code tessera_hm_unhandled(const struct tessera_hm_error *error)
{
    return pv_hm_raise(PV_HM_UNHANDLED | error->error, error->detail) == PV_OK ? RTEMS_SUCCESSFUL
                                                                               : RTEMS_UNSATISFIED;
}

void port_error_report(uint32_t error, uint32_t detail)
{
    if (error == PORT_ERROR_DEADLINE_MISSED) {
        (void)pv_hm_raise(PV_HM_DEADLINE_MISSED, detail);
    }
}

void pvport_hm_fatal(uint32_t code)
{
    /* The action may let the partition carry on; port_halt() halts it. */
    (void)pv_hm_raise(PV_HM_FATAL_ERROR, code);
}

noreturn void cpu_stack_overflow(struct port_context *from, struct port_context *to)
{
    uintptr_t area = (uintptr_t)from; /* whole: the log and hm_detail are 64-bit */

    (void)to;
    /* Its stack ran into whatever lies below: nothing can be trusted. */
    (void)pv_hm_raise(PV_HM_STACK_OVERFLOW, area);
    rtems_fatal(RTEMS_FATAL_SOURCE_STACK_CHECKER, area);
}

bool pvport_hm_upcall(bool interrupted_isr)
{
    volatile struct pv_shared *s = pv_shared();
    struct tessera_hm_error e;

    e.seq = s->hm_seq;
    pv_barrier();
    e.error = s->hm_error;
    e.detail = s->hm_detail;
    e.pc = s->hm_pc;
    e.sync = (s->hm_flags & PV_HM_FLAG_SYNC) != 0;
    e.task = rtems_task_self();
    if (!e.sync) {
        if (handler != NULL) {
            handler(&e);
        } else {
            (void)tessera_hm_unhandled(&e); /* none configured: ignored */
        }
        return false;
    }
    /* The interrupted context is the faulting instruction: it must never
     * be resumed. Only a task can be left suspended. */
    if (interrupted_isr || rtems_object_id_get_api(e.task) == OBJECTS_INTERNAL_API) {
        rtems_fatal(RTEMS_FATAL_SOURCE_EXCEPTION, e.error);
    }
    if (handler != NULL) {
        handler(&e);
    } else if (tessera_hm_unhandled(&e) != RTEMS_SUCCESSFUL) {
        rtems_fatal(RTEMS_FATAL_SOURCE_EXCEPTION, e.error);
    }
    (void)rtems_task_suspend(e.task);
    suspended_error = e.error;
    return true;
}

noreturn void pvport_hm_task_stuck(void)
{
    /* Thread dispatching is disabled: the faulting task cannot be left. */
    rtems_fatal(RTEMS_FATAL_SOURCE_EXCEPTION, suspended_error);
}
