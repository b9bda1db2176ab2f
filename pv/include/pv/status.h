/* SPDX-License-Identifier: BSD-2-Clause */
/* What PV_HC_PART_STATUS reports about a partition. */
#ifndef PV_STATUS_H
#define PV_STATUS_H

#include <stdint.h>
#include <pv/layout.h>

#define PV_PART_FLAG_SYSTEM 0x1u /* a system partition */
#define PV_PART_FLAG_FPU    0x2u /* may use the FPU */

struct pv_partition_status {
    uint32_t id;              /* configured id */
    uint32_t state;           /* PV_STATE_* */
    uint32_t restarts;        /* cold restarts so far */
    uint32_t flags;           /* PV_PART_FLAG_* */
    uint32_t mode;            /* PV_MODE_* */
    uint32_t start_condition; /* PV_START_* */
    uint32_t hm_errors;       /* errors the health monitor handled for it, any action */
    uint32_t hm_restarts;     /* restarts the health monitor made (counted against
                                 its restart limit) */
    uint32_t hm_log_lost;     /* its HM log entries dropped because it logged again at
                                 its share of the log (pv_hm_log_status.share) */
    uint32_t console_dropped; /* bytes of its console output the kernel dropped because
                                 its output ring was full, since boot (modulo 2^32) */
};

PV_ASSERT_SIZE(struct pv_partition_status, 40);
PV_ASSERT_OFFSET(struct pv_partition_status, id, 0);
PV_ASSERT_OFFSET(struct pv_partition_status, state, 4);
PV_ASSERT_OFFSET(struct pv_partition_status, restarts, 8);
PV_ASSERT_OFFSET(struct pv_partition_status, flags, 12);
PV_ASSERT_OFFSET(struct pv_partition_status, mode, 16);
PV_ASSERT_OFFSET(struct pv_partition_status, start_condition, 20);
PV_ASSERT_OFFSET(struct pv_partition_status, hm_errors, 24);
PV_ASSERT_OFFSET(struct pv_partition_status, hm_restarts, 28);
PV_ASSERT_OFFSET(struct pv_partition_status, hm_log_lost, 32);
PV_ASSERT_OFFSET(struct pv_partition_status, console_dropped, 36);

#endif
