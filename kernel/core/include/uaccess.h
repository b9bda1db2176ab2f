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

#include <stdbool.h>
#include <stdint.h>
#include "cfg.h"
#include "uaccess_area.h"

/* Returns 0 and the physical address of va in *phys, or PV_EFAULT. */
int uaccess_range(const struct cfg_partition *p, arch_addr_t va, arch_size_t len, uint32_t rights,
                  arch_addr_t *phys);

/* Whether p's areas are what uaccess_range() relies on: 1 to
 * CFG_MAX_AREAS of them, none empty or wrapping, sorted by virtual address
 * and disjoint. Checked once at boot. */
bool uaccess_areas_valid(const struct cfg_partition *p);

/* Kernel pointer to a validated range, or NULL. Not for len == 0. */
void *uaccess_ptr(const struct cfg_partition *p, arch_addr_t va, arch_size_t len, uint32_t rights);

/* uaccess_ptr() for ranges that usually lie in the area of the previous
 * one (an upcall frame on the partition's stack): if [va, va + len) is
 * inside the area remembered in *last, its kernel address at once; else
 * uaccess_ptr() decides, and the area that holds va is remembered if it is
 * both readable and writable. The answer is always uaccess_ptr()'s: areas
 * are fixed by the configuration and never overlap, so the one area that
 * contains va decides, and a readable and writable one passes every check
 * of rights a caller may ask for here (read or write). *last must be
 * forgotten (size 0) when the partition's areas change (they never do
 * after boot) and starts zeroed. */
void *uaccess_ptr_remember(const struct cfg_partition *p, struct uaccess_area *last, arch_addr_t va,
                           arch_size_t len, uint32_t rights);

static inline void *uaccess_ptr_cached(const struct cfg_partition *p, struct uaccess_area *last,
                                       arch_addr_t va, arch_size_t len, uint32_t rights)
{
    arch_addr_t off = va - last->virt;

    if (off < last->size && len <= last->size - off) {
        return last->kernel + off;
    }
    return uaccess_ptr_remember(p, last, va, len, rights);
}

#endif
