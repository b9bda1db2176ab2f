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

#include <pv/abi_list.h>

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
    20 /* system: (first seq, struct pv_hm_entry *, u32 max,                                       \
          struct pv_hm_log_status * or 0) -> entries copied */
#define PV_HC_TRACE_EVENT                                                                          \
    21 /* any: (kind 256..511, u32 a, u64 b) -> 0; PV_ENOENT without the                           \
          trace's guest class */
#define PV_HC_TRACE_READ                                                                           \
    22                 /* system: (first, struct pv_trace_record *, u32 max,                       \
                          struct pv_trace_status * or 0) -> records copied */
#define PV_HC_COUNT 23 /* number of defined hypercalls; the dispatch table size */

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

/*
 * The enumerated families below come from the lists of pv/abi_list.h, their
 * one definition: PV_MODE_* (ARINC 653 operating modes: PV_HC_MODE_SET,
 * control page), PV_START_* (why the partition (re)started: control page,
 * PV_HC_PART_STATUS), PV_STATE_* (partition states of PV_HC_PART_STATUS),
 * PV_HM_* (health-monitor error ids; the XML names them in lower case with
 * '-') and PV_HM_ACTION_* (health-monitor actions, configured per error id
 * and recorded in the log). Read the values and their meaning there.
 */
#define PV_ENUM_MODE_(name, value, ...)      PV_MODE_##name = (value),
#define PV_ENUM_START_(name, value, ...)     PV_START_##name = (value),
#define PV_ENUM_STATE_(name, value, ...)     PV_STATE_##name = (value),
#define PV_ENUM_HM_(name, value, ...)        PV_HM_##name = (value),
#define PV_ENUM_HM_ACTION_(name, value, ...) PV_HM_ACTION_##name = (value),
enum pv_mode { PV_MODE_LIST(PV_ENUM_MODE_) };
enum pv_start_condition { PV_START_LIST(PV_ENUM_START_) };
enum pv_state { PV_STATE_LIST(PV_ENUM_STATE_) };
enum pv_hm_error { PV_HM_ERROR_LIST(PV_ENUM_HM_) };
enum pv_hm_action { PV_HM_ACTION_LIST(PV_ENUM_HM_ACTION_) };

/* Entries of a list; PV_HM_ERROR_COUNT bounds the error ids. */
#define PV_LIST_COUNT_(...) +1
enum {
    PV_HM_ERROR_COUNT = 0 PV_HM_ERROR_LIST(PV_LIST_COUNT_),
    PV_HM_ACTION_COUNT = 0 PV_HM_ACTION_LIST(PV_LIST_COUNT_),
};

/* The detail (control page hm_detail, log entry) of PV_HM_HYPERCALL_MISUSE:
 * the call's number in bits 0-15 and the error it returned, negated, in
 * bits 16-31 (PV_EFAULT, -2, from call 9 is 9 | 2 << 16). Guests decode it
 * with PV_HM_MISUSE_NR and PV_HM_MISUSE_ERR. */
#define PV_HM_MISUSE_DETAIL(nr, err) (((uint32_t)(nr)&0xffffu) | (uint32_t)(-(err)) << 16)
#define PV_HM_MISUSE_NR(detail)      ((uint32_t)(detail)&0xffffu)
#define PV_HM_MISUSE_ERR(detail)     (-(int32_t)((uint32_t)(detail) >> 16))

/* hm_raise's error argument PV_HM_UNHANDLED | id: the error id, which the
 * health monitor propagated to the caller, found no handler there (ARINC
 * 653: no error handler, or an error of the error handler itself). The
 * kernel takes the partition-level action its table gives for that case
 * (XML <error ... unhandled="...">) and logs it under the error's own id;
 * PV_ENOENT when the table gives none (the caller's own rule applies),
 * PV_EINVAL when the id's action is not propagate. */
#define PV_HM_UNHANDLED 0x100u

/* Whether list's values are first, first + 1, ..., each once: tables
 * indexed by value (names, default actions) then have no holes. */
#define PV_LIST_BIT_(name, value, ...) | (1ull << (value))
#define PV_LIST_DENSE(list, first)                                                                 \
    ((0ull list(PV_LIST_BIT_)) == (((1ull << (0 list(PV_LIST_COUNT_))) - 1u) << (first)))
_Static_assert(PV_LIST_DENSE(PV_MODE_LIST, 0), "PV_MODE_LIST");
_Static_assert(PV_LIST_DENSE(PV_START_LIST, 0), "PV_START_LIST");
_Static_assert(PV_LIST_DENSE(PV_STATE_LIST, 0), "PV_STATE_LIST");
_Static_assert(PV_LIST_DENSE(PV_HM_ERROR_LIST, 0), "PV_HM_ERROR_LIST");
_Static_assert(PV_LIST_DENSE(PV_HM_ACTION_LIST, 1), "PV_HM_ACTION_LIST");

#endif
