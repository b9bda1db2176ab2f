/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The run-time state of ports (port.c), in arrays that tessera-config sizes
 * for the system (cfg_state.h): per channel and per partition.
 */
#ifndef TESSERA_PORT_STATE_H
#define TESSERA_PORT_STATE_H

#include <stdint.h>

#include "arch_word.h"

/* What the kernel knows about a channel beyond its configuration. The
 * writer and the reader of a channel may run on two CPUs at once, so each
 * field has one writer (port.c, "Across CPUs"): a queuing channel is a
 * single-producer single-consumer ring, a sampling channel a pair of slots
 * each guarded by a sequence count. */
struct channel_state {
    uint32_t head;        /* queuing, the reader's: messages taken, modulo 2 * depth */
    uint32_t tail;        /* queuing, the writer's: messages added, modulo 2 * depth */
    uint32_t refused;     /* queuing, the writer's: sends refused because the queue was full */
    uint32_t current;     /* sampling, the writer's: the slot (0 or 1) of the latest message */
    uint32_t written;     /* sampling, the writer's: 1 once a message is complete */
    uint32_t seq[2];      /* sampling, the writer's: odd while it fills that slot */
    uint64_t resets_seen; /* module resets applied to it (channel_state_of()) */
};

/* A partition's port copy under way (port.c: PORT_CHUNK). Which call it
 * belongs to is the partition's port_call (PV_HC_PORT_WRITE or _READ; 0 =
 * none), which hcall_dispatch() checks on every entry. */
struct port_progress {
    arch_word_t args[4];
    uint32_t restarts; /* the partition's restart count when it began */
    uint32_t done;     /* bytes copied */
    uint32_t slot;     /* the slot being filled or read */
    uint32_t seq;      /* sampling read: seq of that slot when it began (even) */
};

/* A set of partitions, bit = partition index: one 64-bit word whatever the
 * system (CFG_MAX_PARTITIONS), so that a port write marks all its channel's
 * readers in the same time in every configuration. */
typedef uint64_t partition_set;

extern struct channel_state channel_states[];
extern struct port_progress port_progress[];
extern partition_set channel_readers[]; /* per channel: who owns a destination port */

#endif
