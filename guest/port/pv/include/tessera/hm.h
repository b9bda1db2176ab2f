/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The Tessera health monitor for RTEMS applications on the pv port.
 *
 * The kernel's health monitor handles every error of a partition by the
 * action its configuration names (<health-monitor> in the system XML). The
 * action "propagate" hands the error to the partition itself: the pv port
 * then calls the handler installed here, in interrupt context.
 *
 *  - Synchronous errors (CPU exceptions of a task: error->sync) stop the
 *    faulting task: after the handler returns, the port suspends it, since
 *    resuming it would repeat the fault. The handler may wake a task that
 *    deletes or restarts it. Without a handler, or when the exception hit an
 *    interrupt handler, the idle thread or a section with thread dispatching
 *    disabled, the executive cannot go on: rtems_fatal(RTEMS_FATAL_SOURCE_
 *    EXCEPTION, error id), which the kernel sees as TESSERA_HM_FATAL_ERROR.
 *    (A fault while interrupts are disabled never reaches the guest: the
 *    kernel stops the partition.)
 *  - Asynchronous errors (reports, hypercall misuse, port overflow) are only
 *    information: without a handler they are ignored.
 *  - Either kind, without a handler, first goes back to the kernel as
 *    unhandled (tessera_hm_unhandled below): where the partition's table
 *    gives the error an unhandled="..." action, that action is taken (and
 *    the rules above apply only if it lets the partition carry on: the
 *    faulting task stays suspended).
 *
 * The executive itself reports to the health monitor: rtems_fatal() and
 * every other fatal path (TESSERA_HM_FATAL_ERROR, detail = the fatal code;
 * the partition halts even if the action would let it go on), a period
 * found expired by rtems_rate_monotonic_period() (TESSERA_HM_DEADLINE_MISSED,
 * detail = the period's id) and a thread found past its stack at a thread
 * switch (TESSERA_HM_STACK_OVERFLOW, detail = the lowest address of its
 * stack area; then fatal, as RTEMS's stack checker).
 *
 * Only the pv port implements this interface.
 */
#ifndef TESSERA_HM_H
#define TESSERA_HM_H

#include <rtems.h>
#include <stdbool.h>
#include <stdint.h>

#include <pv/abi_list.h>

/* Error ids: the kernel's PV_HM_* under the executive's names, from their
 * one definition (pv/abi_list.h, which also says what each detail is):
 * TESSERA_HM_MEMORY_VIOLATION .. TESSERA_HM_RESTART_LOOP. */
#define TESSERA_HM_ENUM_(name, value, ...) TESSERA_HM_##name = (value),
enum { PV_HM_ERROR_LIST(TESSERA_HM_ENUM_) };

/* One error the health monitor propagated to the partition. */
struct tessera_hm_error {
    uint32_t error;   /* TESSERA_HM_* */
    uintptr_t detail; /* what the error id says (docs/pv-api.md); an address whole */
    uintptr_t pc;     /* the faulting instruction; 0 if not an exception */
    bool sync;        /* an exception of task `task`, which is suspended after the handler */
    rtems_id task;    /* the task that was executing when the error reached the partition
                         (for an exception: the faulting task) */
    uint32_t seq;     /* errors propagated to this partition since its (re)start */
};

typedef void (*tessera_hm_handler)(const struct tessera_hm_error *error);

/*
 * Installs the handler of propagated errors (NULL: none) and returns the
 * previous one. The handler runs in interrupt context: it may use the
 * directives an interrupt handler may use (rtems_event_send,
 * rtems_task_suspend/resume, rtems_semaphore_release, ...).
 */
tessera_hm_handler tessera_hm_handler_set(tessera_hm_handler handler);

/*
 * Reports an error the application detected: TESSERA_HM_APPLICATION_ERROR,
 * _DEADLINE_MISSED or _STACK_OVERFLOW, with a detail of its choice. Returns
 * RTEMS_SUCCESSFUL when the configured action lets the partition carry on
 * (otherwise it does not return), RTEMS_INVALID_NUMBER for another id (a
 * fatal error is rtems_fatal()).
 */
rtems_status_code tessera_hm_raise(uint32_t error, uintptr_t detail);

/*
 * Tells the kernel that no handler takes the propagated error: it takes
 * the partition-level action the partition's table gives for that case
 * (<error id="..." action="propagate" unhandled="..."/>, ARINC 653's
 * partition HM table) and logs it under the error's id. Returns
 * RTEMS_SUCCESSFUL when that action lets the partition carry on (ignore,
 * log; halt and the restarts do not return), RTEMS_UNSATISFIED when the
 * table gives none: the caller's own rule applies. May be called from the
 * handler (interrupt context).
 */
rtems_status_code tessera_hm_unhandled(const struct tessera_hm_error *error);

#endif
