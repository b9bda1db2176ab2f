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

static struct exec_dpmem *dpmem_lock(rtems_id id, port_isr_level *level)
{
    return EXEC_OBJECT_LOCK(struct exec_dpmem, &exec_dpmems_info, id, level);
}

rtems_status_code rtems_port_create(rtems_name name, void *internal_start, void *external_start,
                                    uint32_t length, rtems_id *id)
{
    struct exec_dpmem *dpmem;
    port_isr_level level;

    if (name == 0) {
        return RTEMS_INVALID_NAME;
    }
    if (id == NULL || (uintptr_t)internal_start % sizeof(void *) != 0 ||
        (uintptr_t)external_start % sizeof(void *) != 0) {
        return RTEMS_INVALID_ADDRESS;
    }
    dpmem = EXEC_OBJECT_ALLOCATE_LOCK(struct exec_dpmem, &exec_dpmems_info, name, &level);
    if (dpmem == NULL) {
        return RTEMS_TOO_MANY;
    }
    dpmem->internal = internal_start;
    dpmem->external = external_start;
    dpmem->last_offset = length - 1;
    *id = dpmem->object.id;
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_port_ident(rtems_name name, rtems_id *id)
{
    port_isr_level level = exec_directive_lock();
    rtems_status_code status =
        exec_object_ident(&exec_dpmems_info, name, RTEMS_SEARCH_ALL_NODES, id);

    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_port_delete(rtems_id id)
{
    struct exec_dpmem *dpmem;
    port_isr_level level;

    dpmem = dpmem_lock(id, &level);
    if (dpmem == NULL) {
        return RTEMS_INVALID_ID;
    }
    exec_object_free(&exec_dpmems_info, &dpmem->object);
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

/* Maps address from one view (from) to the other (to). */
static rtems_status_code translate(rtems_id id, void *address, void **result, bool to_internal)
{
    const struct exec_dpmem *dpmem;
    const char *from;
    char *to;
    uintptr_t offset;
    port_isr_level level;

    if (result == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    dpmem = dpmem_lock(id, &level);
    if (dpmem == NULL) {
        return RTEMS_INVALID_ID;
    }
    from = to_internal ? dpmem->external : dpmem->internal;
    to = to_internal ? dpmem->internal : dpmem->external;
    /* Below the area the difference wraps around and is out of range too. */
    offset = (uintptr_t)address - (uintptr_t)from;
    *result = offset > dpmem->last_offset ? address : to + offset;
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
