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

/* The outputs of a call shaped (first, buf, max, status) that copies
 * records out of a kernel log (hm_log_read, trace_read): *max, argument 2
 * clamped to cap; *buf, argument 1 checked writable for *max records of
 * record_size (NULL when *max is 0); *status, argument 3 checked writable
 * for status_size (NULL when the argument is 0). Returns 0, or PV_EFAULT
 * when a pointer is not the caller's to write. */
int32_t hcall_log_read_outputs(struct partition *p, uint32_t cap, uint32_t record_size,
                               uint32_t status_size, uint32_t *max, void **buf, void **status);

#endif
