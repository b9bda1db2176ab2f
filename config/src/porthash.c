/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Builds the port-name table: open addressing with Robin Hood insertion
 * (which keeps the longest probe short), retried with other seeds and then
 * a larger table until no port lies CFG_PORT_PROBES or more slots from
 * where its hash points. With a table at least four times the number of
 * ports the first few seeds do (tests/config measures the largest systems).
 */
#include "porthash.h"

#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "util.h"

#define SEEDS    1024u
#define MAX_SIZE 65536u /* slots; a port index must also fit in 16 bits */

/* Inserts (h, port); false when some port would be displaced too far. */
static bool insert(struct tcfg_port_table *t, uint32_t *hash, uint32_t h, uint16_t port)
{
    uint32_t mask = t->size - 1;

    for (uint32_t d = 0; d < CFG_PORT_PROBES; d++) {
        uint32_t i = (h + d) & mask;
        if (t->port[i] == CFG_PORT_SLOT_EMPTY) {
            t->port[i] = port;
            t->tag[i] = (uint16_t)(h >> 16);
            hash[i] = h;
            return true;
        }
        /* The resident is closer to home than we are: it yields. */
        uint32_t resident = (i - hash[i]) & mask;
        if (resident < d) {
            uint32_t rh = hash[i];
            uint16_t rp = t->port[i];
            t->port[i] = port;
            t->tag[i] = (uint16_t)(h >> 16);
            hash[i] = h;
            h = rh;
            port = rp;
            d = resident;
        }
    }
    return false;
}

static bool try_seed(const struct tcfg_system *s, struct tcfg_port_table *t, uint32_t *hash)
{
    uint16_t index = 0;

    memset(t->port, 0xff, t->size * sizeof(*t->port));
    memset(t->tag, 0, t->size * sizeof(*t->tag));
    for (size_t i = 0; i < s->num_partitions; i++) {
        for (size_t k = 0; k < s->partitions[i].num_ports; k++, index++) {
            const char *name = s->partitions[i].ports[k].name;
            uint32_t h = cfg_port_hash(t->seed, (uint32_t)i, name, (uint32_t)strlen(name));
            if (!insert(t, hash, h, index)) {
                return false;
            }
        }
    }
    return true;
}

bool tcfg_port_table(const struct tcfg_system *s, struct tcfg_port_table *t)
{
    size_t ports = 0;

    memset(t, 0, sizeof(*t));
    for (size_t i = 0; i < s->num_partitions; i++) {
        ports += s->partitions[i].num_ports;
    }
    if (ports == 0 || ports >= CFG_PORT_SLOT_EMPTY) {
        return false;
    }
    uint32_t size = CFG_PORT_PROBES;
    while (size < 4 * ports) {
        size *= 2;
    }
    for (; size <= MAX_SIZE; size *= 2) {
        uint32_t *hash = xcalloc(size, sizeof(*hash));
        t->size = size;
        t->tag = xcalloc(size, sizeof(*t->tag));
        t->port = xcalloc(size, sizeof(*t->port));
        for (t->seed = 0; t->seed < SEEDS; t->seed++) {
            if (try_seed(s, t, hash)) {
                free(hash);
                return true;
            }
        }
        free(hash);
        tcfg_port_table_free(t);
    }
    return false;
}

void tcfg_port_table_free(struct tcfg_port_table *t)
{
    free(t->tag);
    free(t->port);
    memset(t, 0, sizeof(*t));
}
