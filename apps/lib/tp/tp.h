/* SPDX-License-Identifier: BSD-2-Clause */
/* "Tiny partition" helpers for bare pv partitions without an RTOS: the
 * demo of the kernel alone and the system tests (not part of the pv API). */
#ifndef TP_H
#define TP_H

#include <stdint.h>
#include <pv/pv.h>

int tp_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
uint64_t tp_now(void);

/* Entry point of every test partition; id is the configured partition id. */
void pv_main(uint32_t id);

#endif
