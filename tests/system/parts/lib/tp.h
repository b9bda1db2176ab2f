/* SPDX-License-Identifier: BSD-2-Clause */
/* Helpers for the small test partitions (not part of the pv API). */
#ifndef TP_H
#define TP_H

#include <stdint.h>
#include <pv/pv.h>

int tp_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
uint64_t tp_now(void);

/* Entry point of every test partition; id is the configured partition id. */
void pv_main(uint32_t id);

#endif
