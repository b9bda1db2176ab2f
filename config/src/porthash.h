/* SPDX-License-Identifier: BSD-2-Clause */
/* The table that resolves port names in bounded time (cfg_port_slot of
 * kernel/core/include/cfg.h). */
#ifndef TCFG_PORTHASH_H
#define TCFG_PORTHASH_H

#include <stdbool.h>
#include <stdint.h>

#include "tcfg.h"

struct tcfg_port_table {
    uint32_t seed;
    uint32_t size;  /* slots, a power of two */
    uint16_t *tag;  /* per slot: the upper half of the hash */
    uint16_t *port; /* per slot: global port index or CFG_PORT_SLOT_EMPTY */
};

/*
 * Places every port of a checked system (ports numbered partition by
 * partition, in document order) so that each lies within CFG_PORT_PROBES
 * slots of its hash. Returns false, with *t empty, if no seed and size
 * within the limits achieves that (or there are no ports).
 */
bool tcfg_port_table(const struct tcfg_system *s, struct tcfg_port_table *t);
void tcfg_port_table_free(struct tcfg_port_table *t);

#endif
