/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Region manager: segments from a heap over application memory. A task that
 * finds no segment may wait (FIFO or by priority); whenever memory comes back
 * (return, shrinking resize) the waiters are served in queue order until the
 * first one that still does not fit, as in RTEMS.
 */
#include <rtems.h>

#include "dispatch.h"
#include "heap.h"
#include "objects.h"
#include "thread.h"
#include "threadq.h"

#include <port.h>

static struct exec_region *region_get(rtems_id id)
{
    return (struct exec_region *)(void *)exec_object_get(&exec_regions_info, id);
}

rtems_status_code rtems_region_create(rtems_name name, void *starting_address, uintptr_t length,
                                      uintptr_t page_size, rtems_attribute attribute_set,
                                      rtems_id *id)
{
    struct exec_region *r;
    port_isr_level level;

    if (name == 0) {
        return RTEMS_INVALID_NAME;
    }
    if (id == NULL || starting_address == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    level = port_interrupt_disable();
    r = (struct exec_region *)(void *)exec_object_allocate(&exec_regions_info, name);
    if (r == NULL) {
        port_interrupt_restore(level);
        return RTEMS_TOO_MANY;
    }
    r->maximum_segment_size = exec_heap_init(&r->heap, starting_address, length, page_size);
    if (r->maximum_segment_size == 0) {
        exec_object_free(&exec_regions_info, &r->object);
        port_interrupt_restore(level);
        return RTEMS_INVALID_SIZE;
    }
    r->attributes = attribute_set;
    exec_tq_init(&r->waiters, (attribute_set & RTEMS_PRIORITY) ? EXEC_TQ_PRIORITY : EXEC_TQ_FIFO);
    *id = r->object.id;
    port_interrupt_restore(level);
    return RTEMS_SUCCESSFUL;
}

rtems_status_code rtems_region_ident(rtems_name name, rtems_id *id)
{
    port_isr_level level = port_interrupt_disable();
    rtems_status_code status =
        exec_object_ident(&exec_regions_info, name, RTEMS_SEARCH_LOCAL_NODE, id);

    port_interrupt_restore(level);
    return status;
}

rtems_status_code rtems_region_delete(rtems_id id)
{
    struct exec_region *r;
    port_isr_level level = port_interrupt_disable();

    r = region_get(id);
    if (r == NULL) {
        port_interrupt_restore(level);
        return RTEMS_INVALID_ID;
    }
    if (r->heap.stats.used_blocks != 0) {
        port_interrupt_restore(level);
        return RTEMS_RESOURCE_IN_USE;
    }
    exec_object_free(&exec_regions_info, &r->object);
    port_interrupt_restore(level);
    return RTEMS_SUCCESSFUL;
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

    if (starting_address == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    level = port_interrupt_disable();
    r = region_get(id);
    if (r == NULL) {
        port_interrupt_restore(level);
        return RTEMS_INVALID_ID;
    }
    added = exec_heap_extend(&r->heap, starting_address, length);
    if (added == 0) {
        port_interrupt_restore(level);
        return RTEMS_INVALID_ADDRESS;
    }
    r->maximum_segment_size += added;
    port_interrupt_restore(level);
    return RTEMS_SUCCESSFUL;
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
    level = port_interrupt_disable();
    r = region_get(id);
    if (r == NULL) {
        port_interrupt_restore(level);
        return RTEMS_INVALID_ID;
    }
    if (size > r->maximum_segment_size) {
        port_interrupt_restore(level);
        return RTEMS_INVALID_SIZE;
    }
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
    port_interrupt_restore(level);
    return status;
}

rtems_status_code rtems_region_return_segment(rtems_id id, void *segment)
{
    struct exec_region *r;
    port_isr_level level = port_interrupt_disable();

    r = region_get(id);
    if (r == NULL) {
        port_interrupt_restore(level);
        return RTEMS_INVALID_ID;
    }
    if (!exec_heap_free(&r->heap, segment)) {
        port_interrupt_restore(level);
        return RTEMS_INVALID_ADDRESS;
    }
    process_queue(r);
    port_interrupt_restore(level);
    return RTEMS_SUCCESSFUL;
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
    level = port_interrupt_disable();
    r = region_get(id);
    if (r == NULL) {
        port_interrupt_restore(level);
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
    port_interrupt_restore(level);
    return status;
}

static rtems_status_code information(rtems_id id, Heap_Information_block *info, bool used_too)
{
    struct exec_region *r;
    port_isr_level level;

    if (info == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    level = port_interrupt_disable();
    r = region_get(id);
    if (r == NULL) {
        port_interrupt_restore(level);
        return RTEMS_INVALID_ID;
    }
    exec_heap_information(&r->heap, info);
    if (!used_too) {
        info->Used = (Heap_Information){0};
    }
    port_interrupt_restore(level);
    return RTEMS_SUCCESSFUL;
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
    level = port_interrupt_disable();
    r = region_get(id);
    if (r == NULL) {
        port_interrupt_restore(level);
        return RTEMS_INVALID_ID;
    }
    found = exec_heap_size_of(&r->heap, segment, size);
    port_interrupt_restore(level);
    return found ? RTEMS_SUCCESSFUL : RTEMS_INVALID_ADDRESS;
}
