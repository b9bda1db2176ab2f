/* SPDX-License-Identifier: BSD-2-Clause */
#include "uaccess.h"
#include "pv/abi.h"
#include "arch.h"

int uaccess_range(const struct cfg_partition *p, uint32_t va, uint32_t len, uint32_t rights,
                  uint32_t *phys)
{
    if (len == 0) {
        *phys = 0;
        return 0;
    }
    /* va + len - 1 is the last byte; if it wraps, no area can hold it. */
    if (va + (len - 1) < va)
        return PV_EFAULT;
    for (uint32_t i = 0; i < p->num_areas; i++) {
        const struct cfg_area *a = &p->areas[i];

        if (va < a->virt || va - a->virt >= a->size)
            continue;
        /* Only one area can contain va; decide here. */
        if (len > a->size - (va - a->virt) || (a->rights & rights) != rights)
            return PV_EFAULT;
        *phys = a->phys + (va - a->virt);
        return 0;
    }
    return PV_EFAULT;
}

void *uaccess_ptr(const struct cfg_partition *p, uint32_t va, uint32_t len, uint32_t rights)
{
    uint32_t phys;

    if (len == 0 || uaccess_range(p, va, len, rights, &phys) != 0)
        return 0;
    return arch_phys_to_kernel(phys);
}
