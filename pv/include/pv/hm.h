/* SPDX-License-Identifier: BSD-2-Clause */
/* The health-monitor log as PV_HC_HM_LOG_READ reports it. */
#ifndef PV_HM_H
#define PV_HM_H

#include <stdint.h>
#include <pv/abi.h>
#include <pv/layout.h>

/* The names the XML configuration and the kernel's console use, as array
 * initialisers indexed by PV_HM_* and PV_HM_ACTION_* (pv/abi_list.h). */
#define PV_HM_NAME_(name, value, xml, ...) [value] = xml,
#define PV_HM_ERROR_NAMES                                                                          \
    {                                                                                              \
        PV_HM_ERROR_LIST(PV_HM_NAME_)                                                              \
    }
#define PV_HM_ACTION_NAMES                                                                         \
    {                                                                                              \
        [0] = "default", PV_HM_ACTION_LIST(PV_HM_NAME_)                                            \
    }

/* The kernel's default action of each error id, an array initialiser
 * indexed by PV_HM_* (PV_HM_ERROR_LIST says why each). */
#define PV_HM_DEFAULT_(name, value, xml, action, ...) [value] = PV_HM_ACTION_##action,
#define PV_HM_DEFAULT_ACTIONS                                                                      \
    {                                                                                              \
        PV_HM_ERROR_LIST(PV_HM_DEFAULT_)                                                           \
    }

/* One handled error. Entries are numbered from 0 in the order they
 * happened. Each partition may keep at most `share` entries in the log: a
 * partition at its share that logs again loses its own oldest entry (a gap
 * in seq), never another partition's. */
struct pv_hm_entry {
    uint32_t seq;          /* the entry's number */
    uint32_t partition_id; /* configured id of the partition the error belongs to */
    uint32_t error;        /* PV_HM_* */
    uint32_t action;       /* PV_HM_ACTION_* taken */
    uint64_t time_ns;      /* wall clock when it happened */
    uint64_t detail;       /* as in the control page's hm_detail (64 bits on every arch) */
    uint64_t pc;           /* the faulting instruction, or 0 */
};

PV_ASSERT_SIZE(struct pv_hm_entry, 40);
PV_ASSERT_OFFSET(struct pv_hm_entry, seq, 0);
PV_ASSERT_OFFSET(struct pv_hm_entry, partition_id, 4);
PV_ASSERT_OFFSET(struct pv_hm_entry, error, 8);
PV_ASSERT_OFFSET(struct pv_hm_entry, action, 12);
PV_ASSERT_OFFSET(struct pv_hm_entry, time_ns, 16);
PV_ASSERT_OFFSET(struct pv_hm_entry, detail, 24);
PV_ASSERT_OFFSET(struct pv_hm_entry, pc, 32);

struct pv_hm_log_status {
    uint32_t next_seq;    /* number the next entry will get */
    uint32_t first_seq;   /* oldest entry still kept (= next_seq when empty) */
    uint32_t overwritten; /* entries dropped so far, all partitions (each partition's own
                             count: pv_partition_status.hm_log_lost) */
    uint32_t capacity;    /* entries the log keeps */
    uint32_t ignored;     /* errors the action "ignore" counted, all partitions */
    uint32_t share;       /* entries one partition may keep: capacity / partitions */
};

PV_ASSERT_SIZE(struct pv_hm_log_status, 24);
PV_ASSERT_OFFSET(struct pv_hm_log_status, next_seq, 0);
PV_ASSERT_OFFSET(struct pv_hm_log_status, first_seq, 4);
PV_ASSERT_OFFSET(struct pv_hm_log_status, overwritten, 8);
PV_ASSERT_OFFSET(struct pv_hm_log_status, capacity, 12);
PV_ASSERT_OFFSET(struct pv_hm_log_status, ignored, 16);
PV_ASSERT_OFFSET(struct pv_hm_log_status, share, 20);

#endif
