/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Region manager: segments from a heap over application memory. A task that
 * finds no segment may wait (FIFO or by priority); whenever memory comes back
 * (return, shrinking resize) the waiters are served in queue order until the
 * first one that still does not fit, as in RTEMS.
 */
#include <rtems.h>

#include "directive.h"
#include "dispatch.h"
#include "heap.h"
#include "objects.h"
#include "thread.h"
#include "threadq.h"

#include <port.h>

static struct exec_region *region_lock(rtems_id id, port_isr_level *level)
{
    return EXEC_OBJECT_LOCK(struct exec_region, &exec_regions_info, id, level);
}

rtems_status_code rtems_region_create(rtems_name name, void *starting_address, uintptr_t length,
                                      uintptr_t page_size, rtems_attribute attribute_set,
                                      rtems_id *id)
{
    struct exec_region *r;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    if (name == 0) {
        return RTEMS_INVALID_NAME;
    }
    if (id == NULL || starting_address == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    r = EXEC_OBJECT_ALLOCATE_LOCK(struct exec_region, &exec_regions_info, name, &level);
    if (r == NULL) {
        return RTEMS_TOO_MANY;
    }
    r->maximum_segment_size = exec_heap_init(&r->heap, starting_address, length, page_size);
    if (r->maximum_segment_size == 0) {
        exec_object_free(&exec_regions_info, &r->object);
        status = RTEMS_INVALID_SIZE;
    } else {
        r->attributes = attribute_set;
        exec_tq_init(&r->waiters,
                     (attribute_set & RTEMS_PRIORITY) ? EXEC_TQ_PRIORITY : EXEC_TQ_FIFO);
        *id = r->object.id;
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_region_ident(rtems_name name, rtems_id *id)
{
    port_isr_level level = exec_directive_lock();
    rtems_status_code status =
        exec_object_ident(&exec_regions_info, name, RTEMS_SEARCH_LOCAL_NODE, id);

    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_region_delete(rtems_id id)
{
    struct exec_region *r;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    r = region_lock(id, &level);
    if (r == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (r->heap.stats.used_blocks != 0) {
        status = RTEMS_RESOURCE_IN_USE;
    } else {
        exec_object_free(&exec_regions_info, &r->object);
    }
    return exec_directive_unlock(level, status);
}

/* Hands segments to waiters in queue order while they fit. */
static void process_queue(struct exec_region *r)
{
    struct exec_thread *t;

    while ((t = exec_tq_first(&r->waiters)) != NULL) {
        void *segment = exec_heap_allocate(&r->heap, t->wait.size);

        if (segment == NULL) {
            break;
        }
        *(void **)t->wait.buffer = segment;
        exec_thread_unblock(t, RTEMS_SUCCESSFUL);
    }
    exec_dispatch();
}

rtems_status_code rtems_region_extend(rtems_id id, void *starting_address, uintptr_t length)
{
    struct exec_region *r;
    uintptr_t added;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    if (starting_address == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    r = region_lock(id, &level);
    if (r == NULL) {
        return RTEMS_INVALID_ID;
    }
    added = exec_heap_extend(&r->heap, starting_address, length);
    if (added == 0) {
        status = RTEMS_INVALID_ADDRESS;
    } else {
        r->maximum_segment_size += added;
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_region_get_segment(rtems_id id, uintptr_t size, rtems_option option_set,
                                           rtems_interval timeout, void **segment)
{
    struct exec_region *r;
    struct exec_thread *executing;
    rtems_status_code status;
    void *p;
    port_isr_level level;

    if (segment == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (size == 0) {
        return RTEMS_INVALID_SIZE;
    }
    r = region_lock(id, &level);
    if (r == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (size > r->maximum_segment_size) {
        status = RTEMS_INVALID_SIZE;
    } else {
        p = exec_heap_allocate(&r->heap, size);
        if (p != NULL) {
            *segment = p;
            status = RTEMS_SUCCESSFUL;
        } else if (option_set & RTEMS_NO_WAIT) {
            status = RTEMS_UNSATISFIED;
        } else {
            executing = exec_executing;
            exec_thread_block(executing, &r->waiters, EXEC_STATE_BLOCKED, timeout);
            executing->wait.size = size;
            executing->wait.buffer = segment;
            exec_dispatch();
            status = executing->wait.status;
        }
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_region_return_segment(rtems_id id, void *segment)
{
    struct exec_region *r;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    r = region_lock(id, &level);
    if (r == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (!exec_heap_free(&r->heap, segment)) {
        status = RTEMS_INVALID_ADDRESS;
    } else {
        process_queue(r);
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_region_resize_segment(rtems_id id, void *segment, uintptr_t size,
                                              uintptr_t *old_size)
{
    struct exec_region *r;
    rtems_status_code status = RTEMS_SUCCESSFUL;
    port_isr_level level;

    if (old_size == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    r = region_lock(id, &level);
    if (r == NULL) {
        return RTEMS_INVALID_ID;
    }
    switch (exec_heap_resize(&r->heap, segment, size, old_size)) {
    case EXEC_HEAP_RESIZED:
        process_queue(r);
        break;
    case EXEC_HEAP_RESIZE_UNSATISFIED:
        status = RTEMS_UNSATISFIED;
        break;
    default:
        status = RTEMS_INVALID_ADDRESS;
        break;
    }
    return exec_directive_unlock(level, status);
}

static rtems_status_code information(rtems_id id, Heap_Information_block *info, bool used_too)
{
    struct exec_region *r;
    port_isr_level level;

    if (info == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    r = region_lock(id, &level);
    if (r == NULL) {
        return RTEMS_INVALID_ID;
    }
    exec_heap_information(&r->heap, info);
    if (!used_too) {
        info->Used = (Heap_Information){0};
    }
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_region_get_information(rtems_id id, Heap_Information_block *the_info)
{
    return information(id, the_info, true);
}

rtems_status_code rtems_region_get_free_information(rtems_id id, Heap_Information_block *the_info)
{
    return information(id, the_info, false);
}

rtems_status_code rtems_region_get_segment_size(rtems_id id, void *segment, uintptr_t *size)
{
    struct exec_region *r;
    bool found;
    port_isr_level level;

    if (segment == NULL || size == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    r = region_lock(id, &level);
    if (r == NULL) {
        return RTEMS_INVALID_ID;
    }
    found = exec_heap_size_of(&r->heap, segment, size);
    return exec_directive_unlock(level, found ? RTEMS_SUCCESSFUL : RTEMS_INVALID_ADDRESS);
}
