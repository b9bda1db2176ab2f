/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kernel's per-partition and per-channel state, sized for the system.
 *
 * tessera-config writes CFG_STATE_DEFINE(partitions, channels, page tables)
 * into the generated cfg_tables.c (inside #ifdef TESSERA_KERNEL, so that the
 * tables alone still build with cfg.h), which defines every array the
 * kernel keeps per partition or per channel (the health-monitor log's
 * HM_LOG_ENTRIES too), and the arch's, with exactly the system's counts: no pool is sized for a
 * maximum. The kernel checks at boot that the tables fit these arrays (cfg_state_partitions and
 * _channels), because a table built by hand must not be able to overrun
 * them.
 */
#ifndef TESSERA_CFG_STATE_H
#define TESSERA_CFG_STATE_H

#include <stdint.h>

#include "arch_state.h"
#include "hm.h"
#include "hm_index.h"
#include "partition.h"
#include "port_state.h"

/* A zero count still defines an array (C has no empty ones). */
#define CFG_STATE_COUNT(n) ((n) ? (n) : 1u)

/* The counts the arrays were defined with. */
extern const uint32_t cfg_state_partitions;
extern const uint32_t cfg_state_channels;
extern const uint32_t cfg_state_cpus;

#define CFG_STATE_DEFINE(parts, chans, tables)                                                     \
    const uint32_t cfg_state_partitions = (parts);                                                 \
    const uint32_t cfg_state_channels = (chans);                                                   \
    struct partition partitions[CFG_STATE_COUNT(parts)];                                           \
    union partition_shared_page partition_shared_pages[CFG_STATE_COUNT(parts)]                     \
        __attribute__((aligned(ARCH_PAGE_SIZE)));                                                  \
    struct port_progress port_progress[CFG_STATE_COUNT(parts)];                                    \
    struct channel_state channel_states[CFG_STATE_COUNT(chans)];                                   \
    partition_set channel_readers[CFG_STATE_COUNT(chans)];                                         \
    const uint32_t hm_log_size = HM_LOG_ENTRIES(parts);                                            \
    struct pv_hm_entry hm_log_entries[HM_LOG_ENTRIES(parts)];                                      \
    hm_log_slot hm_log_next_slot[HM_LOG_ENTRIES(parts)];                                           \
    hm_log_slot hm_log_prev_slot[HM_LOG_ENTRIES(parts)];                                           \
    hm_log_slot hm_log_next_own[HM_LOG_ENTRIES(parts)];                                            \
    const uint32_t hm_index_len = HM_INDEX_LEN(HM_LOG_ENTRIES(parts));                             \
    uint32_t hm_index_seq[2 * HM_INDEX_LEN(HM_LOG_ENTRIES(parts))];                                \
    hm_log_slot hm_index_slot[2 * HM_INDEX_LEN(HM_LOG_ENTRIES(parts))];                            \
    uint16_t hm_index_pos[2 * HM_LOG_ENTRIES(parts)];                                              \
    uint32_t hm_index_live[2 * HM_INDEX_WORDS(HM_LOG_ENTRIES(parts))];                             \
    ARCH_STATE_DEFINE(CFG_STATE_COUNT(parts), CFG_STATE_COUNT(tables))

/* The per-CPU state, written by tessera-config as CFG_CPU_STATE_DEFINE(cpus)
 * after CFG_STATE_DEFINE: each CPU's frame number for the plan switch
 * (sched.h), its partitions alive now and at boot (partition.c, for the
 * module reset) and the arch's (x86: a kernel stack and descriptors per
 * application processor). */
#define CFG_CPU_STATE_DEFINE(cpus)                                                                 \
    const uint32_t cfg_state_cpus = (cpus);                                                        \
    uint64_t sched_cpu_frames[CFG_STATE_COUNT(cpus)];                                              \
    uint32_t partitions_alive_on_cpu[CFG_STATE_COUNT(cpus)];                                       \
    uint32_t partitions_boot_alive_on_cpu[CFG_STATE_COUNT(cpus)];                                  \
    ARCH_CPU_STATE_DEFINE(cpus)

#endif
