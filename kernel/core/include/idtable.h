/* SPDX-License-Identifier: BSD-2-Clause */
/* The boot check of an id table (struct cfg_id_table of cfg.h). */
#ifndef TESSERA_IDTABLE_H
#define TESSERA_IDTABLE_H

#include <stdbool.h>
#include <stdint.h>
#include "cfg.h"

/* Whether t is what a lookup relies on for the n items whose ids id_of()
 * gives: a power-of-two size of at most CFG_ID_SLOTS_MAX, every slot empty
 * or an index below n, and each item's id leading to its own index. A table
 * that passes cannot make a lookup read outside the items, and finds every
 * id; a lookup still compares the id it was given with the item's. */
bool id_table_valid(const struct cfg_id_table *t, uint32_t n, uint32_t (*id_of)(uint32_t index));

#endif
