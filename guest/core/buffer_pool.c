/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Partition manager: RTEMS's "partitions" are pools of fixed-size buffers,
 * here struct exec_buffer_pool - in Tessera a partition is the ARINC 653
 * one, so only the RTEMS API keeps the word. The free buffers are chained
 * through their own first bytes (so a buffer holds at least one chain node
 * and is pointer-aligned), handed out from the head and returned to the
 * tail, as in RTEMS.
 */
#include <rtems.h>

#include "chain.h"
#include "directive.h"
#include "objects.h"

#include <port.h>

static struct exec_buffer_pool *buffer_pool_lock(rtems_id id, port_isr_level *level)
{
    return EXEC_OBJECT_LOCK(struct exec_buffer_pool, &exec_buffer_pools_info, id, level);
}

static rtems_status_code check_create(rtems_name name, const void *starting_address,
                                      uintptr_t length, size_t buffer_size, const rtems_id *id)
{
    if (name == 0) {
        return RTEMS_INVALID_NAME;
    }
    if (id == NULL || starting_address == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (length == 0 || buffer_size == 0 || length < buffer_size ||
        buffer_size % sizeof(void *) != 0 || buffer_size < sizeof(struct exec_node)) {
        return RTEMS_INVALID_SIZE;
    }
    if ((uintptr_t)starting_address % sizeof(void *) != 0) {
        return RTEMS_INVALID_ADDRESS;
    }
    return RTEMS_SUCCESSFUL;
}

rtems_status_code rtems_partition_create(rtems_name name, void *starting_address, uintptr_t length,
                                         size_t buffer_size, rtems_attribute attribute_set,
                                         rtems_id *id)
{
    struct exec_buffer_pool *pool;
    rtems_status_code status = check_create(name, starting_address, length, buffer_size, id);
    port_isr_level level;

    if (status != RTEMS_SUCCESSFUL) {
        return status;
    }
    pool =
        EXEC_OBJECT_ALLOCATE_LOCK(struct exec_buffer_pool, &exec_buffer_pools_info, name, &level);
    if (pool == NULL) {
        return RTEMS_TOO_MANY;
    }
    pool->attributes = attribute_set;
    pool->base = starting_address;
    pool->limit = pool->base + length - 1;
    pool->buffer_size = buffer_size;
    pool->used = 0;
    exec_chain_init(&pool->free_buffers);
    for (uintptr_t i = 0; i < length / buffer_size; i++) {
        exec_chain_append(&pool->free_buffers,
                          (struct exec_node *)(void *)(pool->base + i * buffer_size));
    }
    *id = pool->object.id;
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_partition_ident(rtems_name name, uint32_t node, rtems_id *id)
{
    port_isr_level level = exec_directive_lock();
    rtems_status_code status = exec_object_ident(&exec_buffer_pools_info, name, node, id);

    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_partition_delete(rtems_id id)
{
    struct exec_buffer_pool *pool;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    pool = buffer_pool_lock(id, &level);
    if (pool == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (pool->used != 0) {
        status = RTEMS_RESOURCE_IN_USE;
    } else {
        exec_object_free(&exec_buffer_pools_info, &pool->object);
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_partition_get_buffer(rtems_id id, void **buffer)
{
    struct exec_buffer_pool *pool;
    struct exec_node *node;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    if (buffer == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    pool = buffer_pool_lock(id, &level);
    if (pool == NULL) {
        return RTEMS_INVALID_ID;
    }
    node = exec_chain_get(&pool->free_buffers);
    if (node == NULL) {
        status = RTEMS_UNSATISFIED;
    } else {
        pool->used++;
        *buffer = node;
    }
    return exec_directive_unlock(level, status);
}

static bool is_buffer_begin(const struct exec_buffer_pool *pool, const char *buffer)
{
    return buffer >= pool->base && buffer <= pool->limit &&
           (size_t)(buffer - pool->base) % pool->buffer_size == 0;
}

rtems_status_code rtems_partition_return_buffer(rtems_id id, void *buffer)
{
    struct exec_buffer_pool *pool;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    pool = buffer_pool_lock(id, &level);
    if (pool == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (!is_buffer_begin(pool, buffer)) {
        status = RTEMS_INVALID_ADDRESS;
    } else {
        exec_chain_append(&pool->free_buffers, (struct exec_node *)buffer);
        pool->used--;
    }
    return exec_directive_unlock(level, status);
}
