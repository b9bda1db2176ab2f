/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Message storage of buffers and blackboards: carved once from a static
 * pool while the partition initialises (objects are never deleted), so
 * that no APEX object needs the RTEMS workspace.
 */
#include "apex_impl.h"

static uint32_t pool[APEX_STORAGE_SIZE / sizeof(uint32_t)];
static size_t used;

void *apex_storage_alloc(size_t size)
{
    size_t words = (size + sizeof(uint32_t) - 1) / sizeof(uint32_t);
    void *p;

    if (words > sizeof(pool) / sizeof(pool[0]) - used) {
        return NULL;
    }
    p = &pool[used];
    used += words;
    return p;
}

void apex_storage_reset(void)
{
    used = 0;
}
