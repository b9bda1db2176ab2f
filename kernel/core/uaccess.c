/* SPDX-License-Identifier: BSD-2-Clause */
#include <stdbool.h>
#include <stddef.h>
#include "uaccess.h"
#include "pv/abi.h"
#include "arch.h"

/*
 * The one area that can hold va: the last one starting at or below it
 * (areas are sorted by virt and disjoint, checked at boot by
 * uaccess_areas_valid()). A binary search of CFG_MAX_AREAS_LOG_2 steps
 * whatever the number of areas, each step without a branch, so that a
 * pointer check executes the same instructions with 1 area as with 256
 * (tests/system/test_port_costs.py compares them). A step only moves to an
 * index below num_areas; with no area at or below va it stays at area 0,
 * which then does not contain va.
 */
static const struct cfg_area *area_below(const struct cfg_partition *p, arch_addr_t va)
{
    const struct cfg_area *areas = p->areas;
    uint32_t n = p->num_areas, base = 0;

    for (uint32_t step = CFG_MAX_AREAS / 2; step; step >>= 1) {
        uint32_t next = base + (step & -(uint32_t)(base + step < n));

        base += (next - base) & -(uint32_t)(areas[next].virt <= va);
    }
    return &areas[base];
}

int uaccess_range(const struct cfg_partition *p, arch_addr_t va, arch_size_t len, uint32_t rights,
                  arch_addr_t *phys)
{
    const struct cfg_area *a;

    if (len == 0) {
        *phys = 0;
        return 0;
    }
    /* va + len - 1 is the last byte; if it wraps, no area can hold it. */
    if (va + (len - 1) < va || p->num_areas == 0) {
        return PV_EFAULT;
    }
    a = area_below(p, va);
    if (va < a->virt || va - a->virt >= a->size) {
        return PV_EFAULT;
    }
    if (len > a->size - (va - a->virt) || (a->rights & rights) != rights) {
        return PV_EFAULT;
    }
    *phys = a->phys + (va - a->virt);
    return 0;
}

bool uaccess_areas_valid(const struct cfg_partition *p)
{
    if (p->num_areas == 0 || p->num_areas > CFG_MAX_AREAS) {
        return false;
    }
    for (uint32_t i = 0; i < p->num_areas; i++) {
        const struct cfg_area *a = &p->areas[i];

        /* Non-empty and not wrapping (a->virt + a->size may be exactly the
         * end of the address space). */
        if (a->size == 0 || a->virt + (a->size - 1) < a->virt) {
            return false;
        }
        /* Starts after the previous one has ended. */
        if (i && (a->virt <= p->areas[i - 1].virt ||
                  a->virt - p->areas[i - 1].virt < p->areas[i - 1].size)) {
            return false;
        }
    }
    return true;
}

void *uaccess_ptr(const struct cfg_partition *p, arch_addr_t va, arch_size_t len, uint32_t rights)
{
    arch_addr_t phys;

    if (len == 0 || uaccess_range(p, va, len, rights, &phys) != 0) {
        return NULL;
    }
    return arch_phys_to_kernel(phys);
}

/* The long way of uaccess_ptr_cached() (uaccess.h), out of line so that
 * the usual case inlined at its callers stays short. The area remembered is
 * the one uaccess_ptr() accepted va in: the same fixed search finds it. */
__attribute__((noinline)) void *uaccess_ptr_remember(const struct cfg_partition *p,
                                                     struct uaccess_area *last, arch_addr_t va,
                                                     arch_size_t len, uint32_t rights)
{
    void *k = uaccess_ptr(p, va, len, rights);
    const struct cfg_area *a;

    if (!k) {
        return NULL;
    }
    a = area_below(p, va);
    if ((a->rights & (CFG_AREA_READ | CFG_AREA_WRITE)) == (CFG_AREA_READ | CFG_AREA_WRITE)) {
        last->virt = a->virt;
        last->size = a->size;
        last->kernel = arch_phys_to_kernel(a->phys);
    }
    return k;
}
