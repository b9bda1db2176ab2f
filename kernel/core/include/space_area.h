/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The one check of a configured area before an arch maps it
 * (arch_space_build()): the configuration compiler writes only areas that
 * pass it, so the kernel's answer matters for a table nobody checked - and
 * one source serves every arch, tested on the host.
 */
#ifndef TESSERA_SPACE_AREA_H
#define TESSERA_SPACE_AREA_H

#include <stdbool.h>
#include "cfg.h"

/* Where an arch may map a partition's area: the first and the last byte
 * of the virtual and the physical range it may lie in, and the page size
 * every start and size is a multiple of. */
struct space_bounds {
    arch_addr_t virt_first, virt_last;
    arch_addr_t phys_first, phys_last;
    arch_size_t page;
};

/* a is page aligned (start, physical start, size), not empty, has a right
 * (read, write or execute), and lies within b in both ranges without
 * wrapping around the end of the address space. */
bool space_area_fits(const struct cfg_area *a, const struct space_bounds *b);

#endif
