/* SPDX-License-Identifier: BSD-2-Clause */
/* Semaphore manager. */
#ifndef TESSERA_RTEMS_SEM_H
#define TESSERA_RTEMS_SEM_H

#include <rtems/rtems/attr.h>
#include <rtems/rtems/options.h>
#include <rtems/rtems/status.h>
#include <rtems/rtems/types.h>

rtems_status_code rtems_semaphore_create(rtems_name name, uint32_t count,
                                         rtems_attribute attribute_set,
                                         rtems_task_priority priority_ceiling, rtems_id *id);
rtems_status_code rtems_semaphore_ident(rtems_name name, uint32_t node, rtems_id *id);
rtems_status_code rtems_semaphore_delete(rtems_id id);
rtems_status_code rtems_semaphore_obtain(rtems_id id, rtems_option option_set,
                                         rtems_interval timeout);
rtems_status_code rtems_semaphore_release(rtems_id id);
rtems_status_code rtems_semaphore_flush(rtems_id id);
rtems_status_code rtems_semaphore_set_priority(rtems_id semaphore_id, rtems_id scheduler_id,
                                               rtems_task_priority new_priority,
                                               rtems_task_priority *old_priority);

#endif
