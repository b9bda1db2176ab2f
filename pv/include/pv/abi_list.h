/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The one definition of every enumerated ABI constant family, as X-macros.
 *
 * Everything else derives from these lists: the PV_* values (pv/abi.h,
 * pv/port.h), the kernel's and the configuration compiler's name tables
 * (pv/hm.h, config/src/hm.c), the kernel's default actions
 * (kernel/core/hm.c), the guest's TESSERA_HM_* (tessera/hm.h) and the
 * enumerations of config/tessera.xsd (tessera-xsdgen, checked by
 * tests/config/test_abi_lists.py). A new error id is one line here.
 *
 * Values are written out, not implied by position: a value is ABI and must
 * never change when a line moves. Each list is dense from its first value
 * (pv/abi.h asserts it). The file holds macros only, so that guest
 * applications and host tools may include it on its own.
 */
#ifndef PV_ABI_LIST_H
#define PV_ABI_LIST_H

/*
 * Health-monitor error ids: X(NAME, id, "xml-name", default action,
 * "description"). The default action (PV_HM_ACTION_<action>) is what the
 * kernel takes when neither the partition's nor the module's table names
 * the error: exceptions and fatal errors stop the partition (it cannot go
 * on correctly), reports from the guest are kept, the rest is counted. The
 * first six are CPU exceptions: docs/pv-api.md maps each arch's exceptions
 * onto them.
 */
#define PV_HM_ERROR_LIST(X)                                                                        \
    X(MEMORY_VIOLATION, 0, "memory-violation", HALT,                                               \
      "access outside the partition's areas or rights; detail: the fault address")                 \
    X(PRIVILEGED_INSTRUCTION, 1, "privileged-instruction", HALT,                                   \
      "an instruction only the kernel may execute")                                                \
    X(ILLEGAL_INSTRUCTION, 2, "illegal-instruction", HALT,                                         \
      "an undefined instruction, breakpoint or trap")                                              \
    X(DIVIDE_ERROR, 3, "divide-error", HALT, "integer division by zero or overflow")               \
    X(FPU_ERROR, 4, "fpu-error", HALT, "FPU exception, or FPU use without fpu=\"yes\"")            \
    X(MISALIGNED_ACCESS, 5, "misaligned-access", HALT,                                             \
      "misaligned memory access (where the arch traps it)")                                        \
    X(HYPERCALL_MISUSE, 6, "hypercall-misuse", IGNORE,                                             \
      "a hypercall failed with ENOSYS, EFAULT, EINVAL or EPERM; detail: number and code")          \
    X(STACK_OVERFLOW, 7, "stack-overflow", LOG, "guest-raised: a task overran its stack")          \
    X(DEADLINE_MISSED, 8, "deadline-missed", LOG, "guest-raised: a task missed its deadline")      \
    X(APPLICATION_ERROR, 9, "application-error", LOG,                                              \
      "guest-raised: the application reports an error")                                            \
    X(FATAL_ERROR, 10, "fatal-error", HALT, "guest-raised: the guest's RTOS cannot go on")         \
    X(PORT_OVERFLOW, 11, "port-overflow", IGNORE,                                                  \
      "a queuing port refused a message: queue full; detail: the port handle")                     \
    X(RESTART_LOOP, 12, "restart-loop", HALT, "the partition reached its restart limit")

/*
 * Health-monitor actions: X(NAME, value, "xml-name", "description"). Value
 * 0 is not an action: it is CFG_HM_DEFAULT of the kernel's tables ("module"
 * in the XML).
 */
#define PV_HM_ACTION_LIST(X)                                                                       \
    X(IGNORE, 1, "ignore", "counted only, not logged")                                             \
    X(LOG, 2, "log", "logged; the partition carries on")                                           \
    X(HALT, 3, "halt", "the partition is stopped")                                                 \
    X(COLD_RESTART, 4, "cold-restart", "the partition is restarted, data reset")                   \
    X(WARM_RESTART, 5, "warm-restart", "the partition is restarted, data kept")                    \
    X(PROPAGATE, 6, "propagate", "PV_IRQ_HM to the partition's own handler")                       \
    X(HALT_MODULE, 7, "halt-module", "every partition stops; the system halts")                    \
    X(RESET_MODULE, 8, "reset-module", "every partition restarts cold, schedule from the start")

/* ARINC 653 partition operating modes (PV_HC_MODE_SET, control page; the
 * XML's initial mode): X(NAME, value, "xml-name", "description"). */
#define PV_MODE_LIST(X)                                                                            \
    X(IDLE, 0, "idle", "not running")                                                              \
    X(COLD_START, 1, "cold-start", "initialising after a power-up or cold restart")                \
    X(WARM_START, 2, "warm-start", "initialising after a warm restart (data kept)")                \
    X(NORMAL, 3, "normal", "initialised, operating")

/* Why the partition (re)started (control page, PV_HC_PART_STATUS):
 * X(NAME, value, "description"). */
#define PV_START_LIST(X)                                                                           \
    X(NORMAL, 0, "system boot")                                                                    \
    X(PARTITION_RESTART, 1, "its own request (restart_self, mode_set)")                            \
    X(SYSTEM_RESTART, 2, "a system partition's request")                                           \
    X(HM_PARTITION_RESTART, 3, "the health monitor restarted the partition")                       \
    X(HM_MODULE_RESTART, 4, "the health monitor reset the module")

/* Partition states as PV_HC_PART_STATUS reports them: X(NAME, value,
 * "description"). */
#define PV_STATE_LIST(X)                                                                           \
    X(READY, 0, "runs in its windows")                                                             \
    X(IDLE, 1, "waits for a virtual interrupt or its next window")                                 \
    X(HALTED, 2, "halted itself or was halted")                                                    \
    X(STOPPED, 3, "stopped by the kernel after a fault")                                           \
    X(RESTARTING, 4, "cold restart under way: image being reloaded")

/* Port kinds and directions (pv_port_status, the XML's <port>):
 * X(NAME, value, "xml-name"). */
#define PV_PORT_KIND_LIST(X)                                                                       \
    X(SAMPLING, 0, "sampling")                                                                     \
    X(QUEUING, 1, "queuing")
#define PV_PORT_DIRECTION_LIST(X)                                                                  \
    X(SOURCE, 0, "source")                                                                         \
    X(DESTINATION, 1, "destination")

/* Event classes of the kernel's trace (docs/trace-format.md), chosen per
 * system by <trace classes="..."/>: X(NAME, bit, "xml-name", "events"). */
#define PV_TRACE_CLASS_LIST(X)                                                                     \
    X(WINDOW, 0, "window", "window start and end, partition switch")                               \
    X(HCALL, 1, "hcall", "every hypercall: number, status, duration")                              \
    X(VIRQ, 2, "virq", "virtual interrupt raised and delivered")                                   \
    X(HM, 3, "hm", "health-monitor event with its action")                                         \
    X(PORT, 4, "port", "port write, read and overflow")                                            \
    X(PLAN, 5, "plan", "schedule plan switch")                                                     \
    X(MODE, 6, "mode", "partition mode change and restart")                                        \
    X(GUEST, 7, "guest", "events a partition records itself (PV_HC_TRACE_EVENT)")

#endif
