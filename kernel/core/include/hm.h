/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The health monitor: every error a partition causes or reports goes
 * through hm_raise, which looks the action up in the partition's table,
 * then the module's, then the kernel's defaults, records it in a bounded
 * log and carries it out.
 */
#ifndef TESSERA_HM_H
#define TESSERA_HM_H

#include <stdbool.h>
#include <stdint.h>

#include "pv/hm.h"

struct partition;
struct cfg_partition;

/* Entries of the log, shared evenly among the partitions (hm.c): at least
 * HM_LOG_MIN, and HM_LOG_SHARE per partition in larger systems. Its arrays
 * are sized for the system with it (cfg_state.h); hm_log_size is theirs. */
#define HM_LOG_MIN   64u
#define HM_LOG_SHARE 4u
#define HM_LOG_ENTRIES(parts)                                                                      \
    ((parts)*HM_LOG_SHARE > HM_LOG_MIN ? (parts)*HM_LOG_SHARE : HM_LOG_MIN)
/* The most entries one PV_HC_HM_LOG_READ copies (pv/hcall_args.h). */
#define HM_LOG_READ_MAX 64u

/* A slot of the log, or HM_NO_SLOT. */
typedef uint16_t hm_log_slot;
#define HM_NO_SLOT 0xffffu

extern const uint32_t hm_log_size;
extern struct pv_hm_entry hm_log_entries[];
extern hm_log_slot hm_log_next_slot[]; /* the next younger entry, any partition */
extern hm_log_slot hm_log_prev_slot[]; /* the next older entry, any partition */
extern hm_log_slot hm_log_next_own[];  /* the next younger entry of the same partition */

struct hm_error {
    uint32_t error;   /* PV_HM_* */
    uint64_t detail;  /* see pv_shared.hm_detail: an address arrives whole */
    uint64_t pc;      /* faulting instruction, 0 if not an exception */
    bool sync;        /* an exception: resuming the context repeats it */
    const char *what; /* description for the console, or NULL */
};

/* Checks the configured tables (boot); panics on an invalid action. */
void hm_init(void);

/* Handles error e of partition p (the running one). On return p may be
 * stopped or restarting, or a module reset may be pending. */
void hm_raise(struct partition *p, const struct hm_error *e);

/* Logs error e of p with the action "log", whatever p's tables say, and
 * changes nothing else of p: for an error found on a CPU that does not
 * hold p (handover.c), where p's action would act on a partition another
 * CPU may be running. */
void hm_log_only(struct partition *p, const struct hm_error *e);

/* True once, after an action asked for a module reset (kernel.c does it). */
bool hm_take_module_reset(void);

/* The action for error of p after the table lookups (PV_HM_ACTION_*). */
uint32_t hm_action(const struct partition *p, uint32_t error);
/* The same from the configuration alone (before the partitions exist). */
uint32_t hm_configured_action(const struct cfg_partition *cfg, uint32_t error);

/* Hypercalls PV_HC_HM_RAISE and PV_HC_HM_LOG_READ. */
int32_t hm_hc_raise(struct partition *p);
int32_t hm_hc_log_read(struct partition *p);

#endif
