/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Port names: port_hc_open resolves a name through the table tessera-config
 * builds (open addressing, every name within CFG_PORT_PROBES slots of its
 * hash), and the boot check that the table leads to every port and to
 * nothing else (docs/architecture.md, "Ports").
 */
#include <stdbool.h>
#include "port.h"
#include "arch.h"
#include "cfg_state.h"
#include "kprintf.h"
#include "pv/abi.h"
#include "pv/port.h"
#include "uaccess.h"

/* Length of a configured port name, or 0 when it is empty or too long. */
static uint32_t name_length(const char *name)
{
    uint32_t n = 0;

    while (n <= PV_PORT_NAME_MAX && name[n]) {
        n++;
    }
    return n <= PV_PORT_NAME_MAX ? n : 0;
}

/* Port index's slot in the name table, or CFG_PORT_SLOT_EMPTY. */
static uint32_t find_slot(uint32_t hash, uint32_t index)
{
    for (uint32_t k = 0; k < CFG_PORT_PROBES; k++) {
        uint32_t i = (hash + k) & cfg_system.port_slot_mask;

        if (cfg_system.port_slots[i].port == index) {
            return cfg_system.port_slots[i].tag == hash >> 16 ? i : CFG_PORT_SLOT_EMPTY;
        }
    }
    return CFG_PORT_SLOT_EMPTY;
}

/* The name table must lead port_open to every port and to nothing else. */
void ports_check_names(void)
{
    uint32_t mask = cfg_system.port_slot_mask;

    if (cfg_system.num_ports == 0) {
        return;
    }
    /* At most 65,536 slots, a power of two; every port index fits in a slot. */
    if (!cfg_system.port_slots || mask > 0xffffu || (mask & (mask + 1)) ||
        cfg_system.num_ports >= CFG_PORT_SLOT_EMPTY) {
        panic("port name table: bad size");
    }
    for (uint32_t i = 0; i <= mask; i++) {
        uint32_t port = cfg_system.port_slots[i].port;

        if (port != CFG_PORT_SLOT_EMPTY && port >= cfg_system.num_ports) {
            panic("port name table: slot %u names no port", i);
        }
    }
    for (uint32_t i = 0; i < cfg_system.num_ports; i++) {
        const struct cfg_port *port = &cfg_system.ports[i];
        uint32_t len = name_length(port->name);

        if (len == 0 ||
            find_slot(cfg_port_hash(cfg_system.port_hash_seed, port->partition, port->name, len),
                      i) == CFG_PORT_SLOT_EMPTY) {
            panic("port %u: bad name or not in the name table", i);
        }
    }
}

/* Whether configured name (checked at boot: 1..PV_PORT_NAME_MAX characters)
 * is the len bytes at name; reads no byte past either. */
static bool name_equal(const char *configured, const char *name, uint32_t len)
{
    uint32_t i = 0;

    while (i < len && configured[i] && configured[i] == name[i]) {
        i++;
    }
    return i == len && configured[len] == 0;
}

/* At most CFG_PORT_PROBES slots, and a name comparison only where the
 * 16-bit tag matches, so the cost does not depend on the configuration. */
int32_t port_hc_open(struct partition *p)
{
    arch_addr_t va = arch_hcall_arg(p, 0);
    arch_size_t len = arch_hcall_arg(p, 1);
    const char *name;
    uint32_t hash;

    if (len == 0 || len > PV_PORT_NAME_MAX) {
        return PV_EINVAL;
    }
    name = uaccess_ptr(p->cfg, va, len, CFG_AREA_READ);
    if (!name) {
        return PV_EFAULT;
    }
    if (cfg_system.num_ports == 0) {
        return PV_ENOENT;
    }
    hash = cfg_port_hash(cfg_system.port_hash_seed, p->index, name, len);
    for (uint32_t k = 0; k < CFG_PORT_PROBES; k++) {
        const struct cfg_port_slot *s =
            &cfg_system.port_slots[(hash + k) & cfg_system.port_slot_mask];
        const struct cfg_port *port;

        if (s->tag != hash >> 16 || s->port == CFG_PORT_SLOT_EMPTY) {
            continue;
        }
        port = &cfg_system.ports[s->port];
        if (port->partition == p->index && name_equal(port->name, name, len)) {
            return (int32_t)s->port;
        }
    }
    return PV_ENOENT;
}
