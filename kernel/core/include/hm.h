/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The health monitor: every error a partition causes or reports goes
 * through hm_raise, which looks the action up in the partition's table,
 * then the module's, then the kernel's defaults, records it in a bounded
 * log and carries it out.
 */
#ifndef TESSERA_HM_H
#define TESSERA_HM_H

#include <stdint.h>

struct partition;

/* Capacity of the log, shared evenly among the partitions (hm.c). */
#define HM_LOG_SIZE 64u

struct hm_error {
    uint32_t error;   /* PV_HM_* */
    uint32_t detail;  /* see pv_shared.hm_detail */
    uint32_t pc;      /* faulting instruction, 0 if not an exception */
    int sync;         /* an exception: resuming the context repeats it */
    const char *what; /* description for the console, or NULL */
};

/* Checks the configured tables (boot); panics on an invalid action. */
void hm_init(void);

/* Handles error e of partition p (the running one). On return p may be
 * stopped or restarting, or a module reset may be pending. */
void hm_raise(struct partition *p, const struct hm_error *e);

/* True once, after an action asked for a module reset (kernel.c does it). */
int hm_take_module_reset(void);

/* The action for error of p after the table lookups (PV_HM_ACTION_*). */
uint32_t hm_action(const struct partition *p, uint32_t error);

/* Hypercalls PV_HC_HM_RAISE and PV_HC_HM_LOG_READ. */
int32_t hm_hc_raise(struct partition *p);
int32_t hm_hc_log_read(struct partition *p);

#endif
