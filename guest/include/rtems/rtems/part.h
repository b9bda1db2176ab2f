/* SPDX-License-Identifier: BSD-2-Clause */
/* Partition manager: pools of fixed-size buffers in application memory. */
#ifndef TESSERA_RTEMS_PART_H
#define TESSERA_RTEMS_PART_H

#include <rtems/rtems/status.h>
#include <rtems/score/cpu.h>
#include <rtems/rtems/types.h>

/* Buffer sizes and the area's start must be multiples of this. */
#define RTEMS_PARTITION_ALIGNMENT CPU_SIZEOF_POINTER

rtems_status_code rtems_partition_create(rtems_name name, void *starting_address, uintptr_t length,
                                         size_t buffer_size, rtems_attribute attribute_set,
                                         rtems_id *id);
rtems_status_code rtems_partition_ident(rtems_name name, uint32_t node, rtems_id *id);
rtems_status_code rtems_partition_delete(rtems_id id);
rtems_status_code rtems_partition_get_buffer(rtems_id id, void **buffer);
rtems_status_code rtems_partition_return_buffer(rtems_id id, void *buffer);

#endif
