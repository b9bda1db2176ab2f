/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Dual-ported memory manager: translates addresses between the internal and
 * the external view of one memory area. An address outside the area is
 * returned unchanged, as in RTEMS.
 */
#include <rtems.h>

#include "directive.h"
#include "objects.h"

#include <port.h>

static struct exec_dpmem *port_lock(rtems_id id, port_isr_level *level)
{
    return EXEC_OBJECT_LOCK(struct exec_dpmem, &exec_ports_info, id, level);
}

rtems_status_code rtems_port_create(rtems_name name, void *internal_start, void *external_start,
                                    uint32_t length, rtems_id *id)
{
    struct exec_dpmem *port;
    port_isr_level level;

    if (name == 0) {
        return RTEMS_INVALID_NAME;
    }
    if (id == NULL || (uintptr_t)internal_start % sizeof(void *) != 0 ||
        (uintptr_t)external_start % sizeof(void *) != 0) {
        return RTEMS_INVALID_ADDRESS;
    }
    port = EXEC_OBJECT_ALLOCATE_LOCK(struct exec_dpmem, &exec_ports_info, name, &level);
    if (port == NULL) {
        return RTEMS_TOO_MANY;
    }
    port->internal = internal_start;
    port->external = external_start;
    port->last_offset = length - 1;
    *id = port->object.id;
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_port_ident(rtems_name name, rtems_id *id)
{
    port_isr_level level = exec_directive_lock();
    rtems_status_code status =
        exec_object_ident(&exec_ports_info, name, RTEMS_SEARCH_ALL_NODES, id);

    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_port_delete(rtems_id id)
{
    struct exec_dpmem *port;
    port_isr_level level;

    port = port_lock(id, &level);
    if (port == NULL) {
        return RTEMS_INVALID_ID;
    }
    exec_object_free(&exec_ports_info, &port->object);
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

/* Maps address from one view (from) to the other (to). */
static rtems_status_code translate(rtems_id id, void *address, void **result, bool to_internal)
{
    const struct exec_dpmem *port;
    const char *from;
    char *to;
    uintptr_t offset;
    port_isr_level level;

    if (result == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    port = port_lock(id, &level);
    if (port == NULL) {
        return RTEMS_INVALID_ID;
    }
    from = to_internal ? port->external : port->internal;
    to = to_internal ? port->internal : port->external;
    /* Below the area the difference wraps around and is out of range too. */
    offset = (uintptr_t)address - (uintptr_t)from;
    *result = offset > port->last_offset ? address : to + offset;
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_port_external_to_internal(rtems_id id, void *external, void **internal)
{
    return translate(id, external, internal, true);
}

rtems_status_code rtems_port_internal_to_external(rtems_id id, void *internal, void **external)
{
    return translate(id, internal, external, false);
}
