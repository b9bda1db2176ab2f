/* SPDX-License-Identifier: BSD-2-Clause */
/* Hypercall dispatch. */
#ifndef TESSERA_HCALL_H
#define TESSERA_HCALL_H

#include <stdint.h>

struct partition;

/* Runs the hypercall that p's saved context asks for and stores its result
 * there. Unknown numbers return PV_ENOSYS. */
void hcall_dispatch(struct partition *p);

#endif
