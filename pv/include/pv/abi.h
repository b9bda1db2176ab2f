/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The Tessera para-virtualization ABI: hypercall numbers, error codes,
 * virtual interrupt lines and clocks.
 *
 * This file is the binary contract between the kernel and every guest, on
 * every architecture. Numbers never change meaning once released; new calls
 * take new numbers. docs/pv-api.md describes each call: arguments, results,
 * blocking behaviour and who may call it.
 */
#ifndef PV_ABI_H
#define PV_ABI_H

/* Hypercall numbers. "any" = every partition; "system" = system partitions. */
#define PV_HC_CONSOLE_WRITE 0  /* any: (const char *buf, u32 len) -> bytes taken */
#define PV_HC_TIME_GET      1  /* any: (u64 *out_ns) -> 0 */
#define PV_HC_IDLE          2  /* any: () -> 0 on the next virtual interrupt or window */
#define PV_HC_HALT_SELF     3  /* any: () -> does not return */
#define PV_HC_UPCALL_SET    4  /* any: (entry) -> 0; entry 0 = no upcalls */
#define PV_HC_UPCALL_RETURN 5  /* any: (frame) -> resumes the saved context */
#define PV_HC_IRQ_SYNC      6  /* any: () -> 0, delivering pending unmasked lines */
#define PV_HC_TIMER_SET     7  /* any: (clock, dl_lo, dl_hi, per_lo, per_hi) -> 0 */
#define PV_HC_RESTART_SELF  8  /* any: () -> does not return: cold restart */
#define PV_HC_PART_STATUS   9  /* any for self, system for others: (id, status *) -> 0 */
#define PV_HC_PART_CONTROL  10 /* system: (id, PV_PART_*) -> 0 */
#define PV_HC_CONSOLE_READ  11 /* any: (char *buf, u32 len) -> bytes read */
#define PV_HC_PORT_OPEN     12 /* any: (const char *name, u32 len) -> port handle */
#define PV_HC_PORT_WRITE    13 /* port owner: (handle, const void *msg, u32 len) -> 0 */
#define PV_HC_PORT_READ     14 /* port owner: (handle, void *buf, u32 size, info *) -> length */
#define PV_HC_PORT_STATUS   15 /* port owner: (handle, struct pv_port_status *) -> 0 */
#define PV_HC_PORT_CLEAR    16 /* port owner: (handle) -> 0 */
#define PV_HC_PLAN_SWITCH   17 /* system: (plan id) -> 0, at the next major-frame boundary */
#define PV_HC_MODE_SET      18 /* any: (PV_MODE_*) -> 0 (NORMAL) or does not return */
#define PV_HC_HM_RAISE                                                                             \
    19 /* any: (PV_HM_* a guest may raise, detail) -> 0 or does not                                \
          return, as the health-monitor action says */
#define PV_HC_HM_LOG_READ                                                                          \
    20                 /* system: (first seq, struct pv_hm_entry *, u32 max,                       \
                          struct pv_hm_log_status * or 0) -> entries copied */
#define PV_HC_COUNT 21 /* number of defined hypercalls; the dispatch table size */

/* Error codes: every hypercall returns a non-negative value on success and
 * one of these on failure. */
#define PV_OK       0
#define PV_ENOSYS   (-1) /* unknown hypercall number */
#define PV_EFAULT   (-2) /* a pointer argument is outside the caller's areas or lacks the right */
#define PV_EINVAL   (-3) /* an argument has a value the call does not accept */
#define PV_EPERM    (-4) /* the caller's partition class may not make this call */
#define PV_ENOENT   (-5) /* the named object (partition, port, timer) does not exist */
#define PV_EAGAIN   (-6) /* the operation would block and the caller asked not to */
#define PV_ETIMEOUT (-7) /* a blocking operation's deadline passed */
#define PV_ESTATE   (-8) /* the object is in a state that does not allow the operation */
#define PV_ERANGE   (-9) /* a length or size exceeds the configured maximum */

/* The largest console write the kernel accepts in one call. */
#define PV_CONSOLE_WRITE_MAX 4096u

/* Virtual interrupt lines: bit n of the pending and mask words. */
#define PV_IRQ_TIMER         0 /* the wall-clock virtual timer expired */
#define PV_IRQ_EXEC_TIMER    1 /* the execution-time virtual timer expired */
#define PV_IRQ_WINDOW_START  2 /* one of the partition's windows began */
#define PV_IRQ_PORT          3 /* a port received a message or freed space */
#define PV_IRQ_HM            4 /* the health monitor propagated an error */
#define PV_IRQ_PARTITION     5 /* another partition changed state (system partitions) */
#define PV_IRQ_CONSOLE_INPUT 6 /* console input is waiting */
#define PV_IRQ_LINES         32

/* Clocks of PV_HC_TIMER_SET and of the shared page. */
#define PV_CLOCK_WALL 0 /* ns since boot, runs always */
#define PV_CLOCK_EXEC 1 /* ns the partition has run in its windows */

/* A periodic timer's period is at least this, so that no partition can
 * spend its windows in the kernel. */
#define PV_TIMER_MIN_PERIOD_NS 1000u

/* The caller itself, for PV_HC_PART_STATUS. */
#define PV_PART_SELF 0xffffffffu

/* Operations of PV_HC_PART_CONTROL. */
#define PV_PART_HALT    0 /* stop the partition */
#define PV_PART_RESTART 1 /* cold restart: image reloaded, data cleared */

/* ARINC 653 partition operating modes (PV_HC_MODE_SET, control page). */
#define PV_MODE_IDLE       0 /* not running */
#define PV_MODE_COLD_START 1 /* initialising after a power-up or cold restart */
#define PV_MODE_WARM_START 2 /* initialising after a warm restart (data kept) */
#define PV_MODE_NORMAL     3 /* initialised, operating */

/* Why the partition (re)started (control page, PV_HC_PART_STATUS). */
#define PV_START_NORMAL               0 /* system boot */
#define PV_START_PARTITION_RESTART    1 /* its own request (restart_self, mode_set) */
#define PV_START_SYSTEM_RESTART       2 /* a system partition's request */
#define PV_START_HM_PARTITION_RESTART 3 /* the health monitor restarted the partition */
#define PV_START_HM_MODULE_RESTART    4 /* the health monitor reset the module */

/* Partition states as reported by PV_HC_PART_STATUS. */
#define PV_STATE_READY      0 /* runs in its windows */
#define PV_STATE_IDLE       1 /* waits for a virtual interrupt or its next window */
#define PV_STATE_HALTED     2 /* halted itself or was halted */
#define PV_STATE_STOPPED    3 /* stopped by the kernel after a fault */
#define PV_STATE_RESTARTING 4 /* cold restart under way: image being reloaded */

/* Health-monitor error ids (the XML names them in lower case with '-').
 * The first six are CPU exceptions: docs/pv-api.md maps each arch's
 * exceptions onto them. */
#define PV_HM_MEMORY_VIOLATION       0 /* access outside the partition's areas or rights */
#define PV_HM_PRIVILEGED_INSTRUCTION 1 /* an instruction only the kernel may execute */
#define PV_HM_ILLEGAL_INSTRUCTION    2 /* an undefined instruction, breakpoint or trap */
#define PV_HM_DIVIDE_ERROR           3 /* integer division by zero or overflow */
#define PV_HM_FPU_ERROR              4 /* FPU exception, or FPU use without fpu="yes" */
#define PV_HM_MISALIGNED_ACCESS      5 /* misaligned memory access (where the arch traps it) */
#define PV_HM_HYPERCALL_MISUSE       6 /* a hypercall failed with ENOSYS, EFAULT, EINVAL or EPERM */
#define PV_HM_STACK_OVERFLOW         7 /* guest-raised: a task overran its stack */
#define PV_HM_DEADLINE_MISSED        8 /* guest-raised: a task missed its deadline */
#define PV_HM_APPLICATION_ERROR      9 /* guest-raised: the application reports an error */
#define PV_HM_FATAL_ERROR            10 /* guest-raised: the guest's RTOS cannot go on */
#define PV_HM_PORT_OVERFLOW          11 /* a queuing port refused a message: queue full */
#define PV_HM_RESTART_LOOP           12 /* the partition reached its restart limit */
#define PV_HM_ERROR_COUNT            13

/* Health-monitor actions (configured per error id; recorded in the log). */
#define PV_HM_ACTION_IGNORE       1 /* counted only, not logged */
#define PV_HM_ACTION_LOG          2 /* logged; the partition carries on */
#define PV_HM_ACTION_HALT         3 /* the partition is stopped */
#define PV_HM_ACTION_COLD_RESTART 4 /* the partition is restarted, data reset */
#define PV_HM_ACTION_WARM_RESTART 5 /* the partition is restarted, data kept */
#define PV_HM_ACTION_PROPAGATE    6 /* PV_IRQ_HM to the partition's own handler */
#define PV_HM_ACTION_HALT_MODULE  7 /* every partition stops; the system halts */
#define PV_HM_ACTION_RESET_MODULE 8 /* every partition restarts cold, schedule from the start */

#endif
