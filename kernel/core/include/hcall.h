/* SPDX-License-Identifier: BSD-2-Clause */
/* Hypercall dispatch. */
#ifndef TESSERA_HCALL_H
#define TESSERA_HCALL_H

#include <stdint.h>

struct partition;

/* A handler's answer when it has done a bounded part of its work and more
 * remains (port copies): the caller is rewound to its trap instruction with
 * its arguments untouched, so it issues the same call again (docs/pv-api.md,
 * "Long copies"). Never a result a partition sees. */
#define HCALL_AGAIN (-0x7fffffff - 1)

/* Runs the hypercall that p's saved context asks for and stores its result
 * there. Unknown numbers return PV_ENOSYS. */
void hcall_dispatch(struct partition *p);

#endif
