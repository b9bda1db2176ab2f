/* SPDX-License-Identifier: BSD-2-Clause */
/* Barrier manager: tasks wait until released, manually or by count. */
#ifndef TESSERA_RTEMS_BARRIER_H
#define TESSERA_RTEMS_BARRIER_H

#include <rtems/rtems/attr.h>
#include <rtems/rtems/status.h>
#include <rtems/rtems/types.h>

rtems_status_code rtems_barrier_create(rtems_name name, rtems_attribute attribute_set,
                                       uint32_t maximum_waiters, rtems_id *id);
rtems_status_code rtems_barrier_ident(rtems_name name, rtems_id *id);
rtems_status_code rtems_barrier_delete(rtems_id id);
rtems_status_code rtems_barrier_wait(rtems_id id, rtems_interval timeout);
rtems_status_code rtems_barrier_release(rtems_id id, uint32_t *released);
rtems_status_code rtems_barrier_get_number_waiting(rtems_id id, uint32_t *waiting);

#endif
