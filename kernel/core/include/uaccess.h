/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Validation of pointers that partitions pass to the kernel.
 *
 * A range [va, va + len) is accepted only when it lies entirely inside one
 * configured area of the caller with every requested right; ranges that wrap
 * around the end of the address space are refused. A zero-length range
 * refers to no memory and is accepted whatever va is.
 */
#ifndef TESSERA_UACCESS_H
#define TESSERA_UACCESS_H

#include <stdint.h>
#include "cfg.h"

/* Returns 0 and the physical address of va in *phys, or PV_EFAULT. */
int uaccess_range(const struct cfg_partition *p, arch_addr_t va, arch_size_t len, uint32_t rights,
                  arch_addr_t *phys);

/* Whether p's areas are what uaccess_range() relies on: 1 to
 * CFG_MAX_AREAS of them, none empty or wrapping, sorted by virtual address
 * and disjoint. Checked once at boot. */
int uaccess_areas_valid(const struct cfg_partition *p);

/* Kernel pointer to a validated range, or NULL. Not for len == 0. */
void *uaccess_ptr(const struct cfg_partition *p, arch_addr_t va, arch_size_t len, uint32_t rights);

#endif
