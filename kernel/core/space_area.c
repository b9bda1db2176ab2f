/* SPDX-License-Identifier: BSD-2-Clause */
/* The check of an area before it is mapped (space_area.h). */
#include "space_area.h"

/* [first, first + size) inside [lo, hi], with size > 0: the last byte is
 * computed without wrapping past the end of the address space. */
static bool range_inside(arch_addr_t first, arch_size_t size, arch_addr_t lo, arch_addr_t hi)
{
    arch_addr_t last = first + (size - 1);

    return first >= lo && last >= first && last <= hi;
}

bool space_area_fits(const struct cfg_area *a, const struct space_bounds *b)
{
    if ((a->virt | a->phys | a->size) & (b->page - 1) || a->size == 0) {
        return false;
    }
    if (!(a->rights & (CFG_AREA_READ | CFG_AREA_WRITE | CFG_AREA_EXEC))) {
        return false;
    }
    return range_inside(a->virt, a->size, b->virt_first, b->virt_last) &&
           range_inside(a->phys, a->size, b->phys_first, b->phys_last);
}
