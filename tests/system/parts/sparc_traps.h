/* SPDX-License-Identifier: BSD-2-Clause */
/* What sparc_traps.c and sparc_traps_actions.c share: the partitions from
 * id 201 up each do one forbidden thing. */
#ifndef SPARC_TRAPS_H
#define SPARC_TRAPS_H

#include <stdint.h>

#define US 1000u

/* Either fn, which must not return (the kernel stops the partition), or
 * ret, whose result the partition prints before it halts. */
struct sparc_traps_action {
    const char *what;
    void (*fn)(void);
    int32_t (*ret)(void);
};

extern const struct sparc_traps_action sparc_traps_actions[];
extern const uint32_t sparc_traps_num_actions;

#endif
