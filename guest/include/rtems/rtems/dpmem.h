/* SPDX-License-Identifier: BSD-2-Clause */
/* Dual-ported memory manager: address translation between two views. */
#ifndef TESSERA_RTEMS_DPMEM_H
#define TESSERA_RTEMS_DPMEM_H

#include <rtems/rtems/status.h>
#include <rtems/rtems/types.h>

rtems_status_code rtems_port_create(rtems_name name, void *internal_start, void *external_start,
                                    uint32_t length, rtems_id *id);
rtems_status_code rtems_port_ident(rtems_name name, rtems_id *id);
rtems_status_code rtems_port_delete(rtems_id id);
rtems_status_code rtems_port_external_to_internal(rtems_id id, void *external, void **internal);
rtems_status_code rtems_port_internal_to_external(rtems_id id, void *internal, void **external);

#endif
