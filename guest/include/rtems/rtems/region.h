/* SPDX-License-Identifier: BSD-2-Clause */
/* Region manager: variable-size segments from application memory. */
#ifndef TESSERA_RTEMS_REGION_H
#define TESSERA_RTEMS_REGION_H

#include <rtems/rtems/options.h>
#include <rtems/rtems/status.h>
#include <rtems/rtems/types.h>

typedef struct {
    uint64_t lifetime_allocated;
    uint64_t lifetime_freed;
    uintptr_t size;
    uintptr_t free_size;
    uintptr_t min_free_size;
    uint32_t free_blocks;
    uint32_t max_free_blocks;
    uint32_t used_blocks;
    uint32_t max_search;
    uint32_t searches;
    uint32_t allocs;
    uint32_t failed_allocs;
    uint32_t frees;
    uint32_t resizes;
} Heap_Statistics;

typedef struct {
    uintptr_t number;
    uintptr_t largest;
    uintptr_t total;
} Heap_Information;

typedef struct {
    Heap_Information Free;
    Heap_Information Used;
    Heap_Statistics Stats;
} Heap_Information_block;

rtems_status_code rtems_region_create(rtems_name name, void *starting_address, uintptr_t length,
                                      uintptr_t page_size, rtems_attribute attribute_set,
                                      rtems_id *id);
rtems_status_code rtems_region_ident(rtems_name name, rtems_id *id);
rtems_status_code rtems_region_delete(rtems_id id);
rtems_status_code rtems_region_extend(rtems_id id, void *starting_address, uintptr_t length);
rtems_status_code rtems_region_get_segment(rtems_id id, uintptr_t size, rtems_option option_set,
                                           rtems_interval timeout, void **segment);
rtems_status_code rtems_region_return_segment(rtems_id id, void *segment);
rtems_status_code rtems_region_resize_segment(rtems_id id, void *segment, uintptr_t size,
                                              uintptr_t *old_size);
rtems_status_code rtems_region_get_information(rtems_id id, Heap_Information_block *the_info);
rtems_status_code rtems_region_get_free_information(rtems_id id, Heap_Information_block *the_info);
rtems_status_code rtems_region_get_segment_size(rtems_id id, void *segment, uintptr_t *size);

#endif
