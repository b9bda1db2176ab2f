/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Inter-partition communication: ARINC 653 sampling and queuing ports over
 * the channels of the configuration. Messages are copied by the kernel
 * between the partitions' validated buffers and the channel's static
 * buffer; nothing is shared between partitions directly.
 */
#ifndef TESSERA_PORT_H
#define TESSERA_PORT_H

#include <stdint.h>
#include "partition.h"

struct partition;

/* Checks the port and channel tables the kernel relies on; panics on an
 * inconsistent table (it comes from the system image, not a partition). */
void ports_init(void);

/* Checks the port name table (port_names.c), from ports_init(). */
void ports_check_names(void);

/* A module reset: every channel is empty from now on and no port event is
 * owed. Constant time: each channel is emptied the first time a port
 * operation touches it afterwards; a copy under way is dropped by the
 * partition's own reset (partition_sync). */
void ports_reset(void);

/* True while a module reset this CPU has begun has not been begun by every
 * CPU yet (ports_reset not called for it): a partition restarted by it
 * waits before it runs (kernel.c), so that no partition of the new
 * generation touches a channel that one of the old may still use. Always
 * false on one CPU. */
bool ports_reset_pending(void);

/* p's window begins: raises PV_IRQ_PORT in p if a message arrived for one
 * of its ports since p last ran (constant time). */
void ports_window_start(struct partition *p);

/* A hypercall nr of p begins: the progress of an unfinished port copy of p
 * survives only the same call again (port.c). Inline: every hypercall
 * passes here. */
static inline void ports_hcall_entry(struct partition *p, arch_word_t nr)
{
    if (p->port_call != nr) {
        p->port_call = 0;
    }
}

/* The port hypercalls (docs/pv-api.md). */
int32_t port_hc_open(struct partition *p);
int32_t port_hc_write(struct partition *p);
int32_t port_hc_read(struct partition *p);
int32_t port_hc_status(struct partition *p);
int32_t port_hc_clear(struct partition *p);

#endif
