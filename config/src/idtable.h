/* SPDX-License-Identifier: BSD-2-Clause */
/* The tables that resolve partition and plan ids in constant time
 * (struct cfg_id_table of kernel/core/include/cfg.h). */
#ifndef TCFG_IDTABLE_H
#define TCFG_IDTABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tcfg_id_table {
    uint32_t seed;
    uint32_t size;  /* slots, a power of two */
    uint8_t *slots; /* per slot: an index or CFG_ID_SLOT_EMPTY */
};

/*
 * Places n distinct ids (n < CFG_ID_SLOT_EMPTY) one per slot: slot
 * cfg_id_hash(seed, ids[i]) & (size - 1) holds i. Returns false, with *t
 * empty, when no seed and size within the limits does (duplicate ids
 * never can; for distinct ones it is not expected to happen).
 */
bool tcfg_id_table(const uint32_t *ids, size_t n, struct tcfg_id_table *t);
void tcfg_id_table_free(struct tcfg_id_table *t);

#endif
