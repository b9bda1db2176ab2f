/* SPDX-License-Identifier: BSD-2-Clause */
#include <stdbool.h>
#include "idtable.h"

bool id_table_valid(const struct cfg_id_table *t, uint32_t n, uint32_t (*id_of)(uint32_t index))
{
    uint32_t size = t->mask + 1;

    if (!t->slots || size > CFG_ID_SLOTS_MAX || (size & t->mask) || n >= CFG_ID_SLOT_EMPTY) {
        return false;
    }
    /* No slot leads past the array the caller indexes... */
    for (uint32_t i = 0; i < size; i++) {
        if (t->slots[i] != CFG_ID_SLOT_EMPTY && t->slots[i] >= n) {
            return false;
        }
    }
    /* ...and every id is found, with one probe. */
    for (uint32_t i = 0; i < n; i++) {
        if (cfg_id_slot(t, id_of(i)) != i) {
            return false;
        }
    }
    return true;
}
