/* SPDX-License-Identifier: BSD-2-Clause */
/* The health-monitor log as PV_HC_HM_LOG_READ reports it. */
#ifndef PV_HM_H
#define PV_HM_H

#include <stdint.h>

/* One handled error. Entries are numbered from 0 in the order they
 * happened; the kernel keeps the newest ones and overwrites the oldest. */
struct pv_hm_entry {
    uint32_t seq;          /* the entry's number */
    uint32_t partition_id; /* configured id of the partition the error belongs to */
    uint32_t error;        /* PV_HM_* */
    uint32_t action;       /* PV_HM_ACTION_* taken */
    uint64_t time_ns;      /* wall clock when it happened */
    uint32_t detail;       /* as in the control page's hm_detail */
    uint32_t pc;           /* the faulting instruction, or 0 */
};

struct pv_hm_log_status {
    uint32_t next_seq;    /* number the next entry will get */
    uint32_t first_seq;   /* oldest entry still kept (= next_seq when empty) */
    uint32_t overwritten; /* entries lost to overwriting so far */
    uint32_t capacity;    /* entries the log keeps */
    uint32_t ignored;     /* errors the action "ignore" counted, all partitions */
};

#endif
