/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The Tessera para-virtualization ABI: hypercall numbers and error codes.
 *
 * This file is the binary contract between the kernel and every guest, on
 * every architecture. Numbers never change meaning once released; new calls
 * take new numbers. docs/pv-api.md describes each call.
 */
#ifndef PV_ABI_H
#define PV_ABI_H

/* Hypercall numbers. */
#define PV_HC_CONSOLE_WRITE 0 /* (const char *buf, uint32_t len) -> bytes written */
#define PV_HC_TIME_GET      1 /* (uint64_t *out_ns) -> 0 */
#define PV_HC_IDLE          2 /* () -> 0 when the partition runs again */
#define PV_HC_HALT_SELF     3 /* () -> does not return */
#define PV_HC_COUNT         4 /* number of defined hypercalls; the dispatch table size */

/* Error codes: every hypercall returns a non-negative value on success and
 * one of these on failure. */
#define PV_OK       0
#define PV_ENOSYS   (-1) /* unknown hypercall number */
#define PV_EFAULT   (-2) /* a pointer argument is outside the caller's areas or lacks the right */
#define PV_EINVAL   (-3) /* an argument has a value the call does not accept */
#define PV_EPERM    (-4) /* the caller's partition class may not make this call */
#define PV_ENOENT   (-5) /* the named object (partition, port, timer) does not exist */
#define PV_EAGAIN   (-6) /* the operation would block and the caller asked not to */
#define PV_ETIMEOUT (-7) /* a blocking operation's deadline passed */
#define PV_ESTATE   (-8) /* the object is in a state that does not allow the operation */
#define PV_ERANGE   (-9) /* a length or size exceeds the configured maximum */

/* The largest console write the kernel accepts in one call. */
#define PV_CONSOLE_WRITE_MAX 4096u

#endif
