/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Builds a perfect hash of the ids: with a table at least four times the
 * number of ids, one seed in a few hundred or better places 64 ids without
 * a collision (the chance that a seed does is about exp(-n^2 / 2 size)), and
 * every larger table up to CFG_ID_SLOTS_MAX is tried with SEEDS seeds each.
 */
#include "idtable.h"

#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "util.h"

#define SEEDS 4096u

static bool try_seed(const uint32_t *ids, size_t n, struct tcfg_id_table *t)
{
    memset(t->slots, CFG_ID_SLOT_EMPTY, t->size);
    for (size_t i = 0; i < n; i++) {
        uint8_t *slot = &t->slots[cfg_id_hash(t->seed, ids[i]) & (t->size - 1)];
        if (*slot != CFG_ID_SLOT_EMPTY) {
            return false;
        }
        *slot = (uint8_t)i;
    }
    return true;
}

bool tcfg_id_table(const uint32_t *ids, size_t n, struct tcfg_id_table *t)
{
    memset(t, 0, sizeof(*t));
    if (n >= CFG_ID_SLOT_EMPTY) {
        return false;
    }
    uint32_t size = 4;
    while (size < 4 * n) {
        size *= 2;
    }
    for (; size <= CFG_ID_SLOTS_MAX; size *= 2) {
        t->size = size;
        t->slots = xmalloc(size);
        for (t->seed = 0; t->seed < SEEDS; t->seed++) {
            if (try_seed(ids, n, t)) {
                return true;
            }
        }
        tcfg_id_table_free(t);
    }
    return false;
}

void tcfg_id_table_free(struct tcfg_id_table *t)
{
    free(t->slots);
    memset(t, 0, sizeof(*t));
}
