/* SPDX-License-Identifier: BSD-2-Clause */
/* Partitions: the kernel's run-time state of each configured partition. */
#ifndef TESSERA_PARTITION_H
#define TESSERA_PARTITION_H

#include <stdint.h>
#include "arch_types.h"
#include "cfg.h"

enum part_state {
    PART_READY,       /* runs whenever one of its windows is active */
    PART_WAIT_WINDOW, /* gave up the rest of its window; ready at the next one */
    PART_HALTED,      /* halted itself */
    PART_STOPPED,     /* stopped by the kernel after a fault */
};

#define CONSOLE_LINE_MAX 160

struct partition {
    const struct cfg_partition *cfg;
    uint32_t index;
    enum part_state state;
    struct arch_context ctx; /* saved user context while not running */
    struct arch_space space; /* the partition's address space */
    uint32_t line_len;       /* console bytes waiting for a newline */
    char line[CONSOLE_LINE_MAX];
};

extern struct partition partitions[];
extern uint32_t num_partitions;

/* Creates the run-time state of every configured partition: address space,
 * image loaded from the pristine ELF copy, context at the entry point. */
void partitions_init(void);

/* True when p can run in its window. */
static inline int partition_runnable(const struct partition *p)
{
    return p->state == PART_READY;
}

/* Stops p after a fault it caused and says why on the console. */
void partition_stop(struct partition *p, const char *why);

/* True while at least one partition has not halted or been stopped. */
int partitions_any_alive(void);

#endif
