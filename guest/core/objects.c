/* SPDX-License-Identifier: BSD-2-Clause */
#include "objects.h"

#include "chain.h"

struct exec_object_info exec_tasks_info;
struct exec_object_info exec_semaphores_info;
struct exec_object_info exec_message_queues_info;
struct exec_object_info exec_timers_info;
struct exec_object_info exec_buffer_pools_info;
struct exec_object_info exec_regions_info;
struct exec_object_info exec_dpmems_info;
struct exec_object_info exec_periods_info;
struct exec_object_info exec_extensions_info;
struct exec_object_info exec_barriers_info;
struct exec_object_info exec_posix_threads_info;

EXEC_OBJECT_FIRST(struct exec_thread, object);
EXEC_OBJECT_FIRST(struct exec_semaphore, object);
EXEC_OBJECT_FIRST(struct exec_message_queue, object);
EXEC_OBJECT_FIRST(struct exec_timer, object);
EXEC_OBJECT_FIRST(struct exec_buffer_pool, object);
EXEC_OBJECT_FIRST(struct exec_region, object);
EXEC_OBJECT_FIRST(struct exec_dpmem, object);
EXEC_OBJECT_FIRST(struct exec_period, object);
EXEC_OBJECT_FIRST(struct exec_extension, object);
EXEC_OBJECT_FIRST(struct exec_barrier, object);

rtems_id exec_object_build_id(uint32_t api, uint32_t the_class, uint32_t index)
{
    return rtems_build_id(api, the_class, EXEC_LOCAL_NODE, index);
}

static struct exec_object *object_at(const struct exec_object_info *info, uint32_t index)
{
    return (struct exec_object *)(void *)((char *)info->blocks +
                                          (size_t)(index - 1) * info->block_size);
}

void exec_object_info_init(struct exec_object_info *info, uint32_t api, uint32_t the_class,
                           void *blocks, uint32_t maximum, size_t block_size)
{
    info->api = api;
    info->the_class = the_class;
    info->maximum = blocks != NULL ? maximum : 0;
    info->block_size = block_size;
    info->blocks = blocks;
    exec_chain_init(&info->inactive);
    for (uint32_t index = 1; index <= info->maximum; index++) {
        struct exec_object *object = object_at(info, index);

        object->id = exec_object_build_id(api, the_class, index);
        object->name = 0;
        object->active = false;
        exec_chain_append(&info->inactive, &object->inactive_node);
    }
}

struct exec_object *exec_object_allocate(struct exec_object_info *info, rtems_name name)
{
    struct exec_node *node = exec_chain_get(&info->inactive);
    struct exec_object *object;

    if (node == NULL) {
        return NULL;
    }
    object = EXEC_CONTAINER_OF(node, struct exec_object, inactive_node);
    object->name = name;
    object->active = true;
    return object;
}

void exec_object_free(struct exec_object_info *info, struct exec_object *object)
{
    object->active = false;
    object->name = 0;
    exec_chain_append(&info->inactive, &object->inactive_node);
}

struct exec_object *exec_object_get(const struct exec_object_info *info, rtems_id id)
{
    uint32_t index = (uint32_t)rtems_object_id_get_index(id);
    struct exec_object *object;

    if (info == NULL || index == 0 || index > info->maximum) {
        return NULL;
    }
    object = object_at(info, index);
    return object->active && object->id == id ? object : NULL;
}

rtems_status_code exec_object_ident(const struct exec_object_info *info, rtems_name name,
                                    uint32_t node, rtems_id *id)
{
    if (id == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (name == 0) {
        return RTEMS_INVALID_NAME;
    }
    if (node != RTEMS_SEARCH_ALL_NODES && node != RTEMS_SEARCH_LOCAL_NODE &&
        node != EXEC_LOCAL_NODE) {
        /* Single node: no other node has anything to find. */
        return RTEMS_INVALID_NAME;
    }
    for (uint32_t index = 1; index <= info->maximum; index++) {
        const struct exec_object *object = object_at(info, index);

        if (object->active && object->name == name) {
            *id = object->id;
            return RTEMS_SUCCESSFUL;
        }
    }
    return RTEMS_INVALID_NAME;
}

struct exec_object_info *exec_object_info_of(rtems_id id)
{
    if ((uint32_t)rtems_object_id_get_node(id) != EXEC_LOCAL_NODE) {
        return NULL;
    }
    if ((uint32_t)rtems_object_id_get_api(id) == OBJECTS_POSIX_API) {
        return rtems_object_id_get_class(id) == EXEC_POSIX_THREADS_CLASS ? &exec_posix_threads_info
                                                                         : NULL;
    }
    if ((uint32_t)rtems_object_id_get_api(id) != OBJECTS_CLASSIC_API) {
        return NULL;
    }
    return exec_object_info_of_class(rtems_object_id_get_class(id));
}

struct exec_object_info *exec_object_info_of_thread(rtems_id id)
{
    struct exec_object_info *info = exec_object_info_of(id);

    return info == &exec_tasks_info || info == &exec_posix_threads_info ? info : NULL;
}

struct exec_object_info *exec_object_info_of_class(int the_class)
{
    switch (the_class) {
    case OBJECTS_RTEMS_TASKS:
        return &exec_tasks_info;
    case OBJECTS_RTEMS_TIMERS:
        return &exec_timers_info;
    case OBJECTS_RTEMS_SEMAPHORES:
        return &exec_semaphores_info;
    case OBJECTS_RTEMS_MESSAGE_QUEUES:
        return &exec_message_queues_info;
    case OBJECTS_RTEMS_PARTITIONS:
        return &exec_buffer_pools_info;
    case OBJECTS_RTEMS_REGIONS:
        return &exec_regions_info;
    case OBJECTS_RTEMS_PORTS:
        return &exec_dpmems_info;
    case OBJECTS_RTEMS_PERIODS:
        return &exec_periods_info;
    case OBJECTS_RTEMS_EXTENSIONS:
        return &exec_extensions_info;
    case OBJECTS_RTEMS_BARRIERS:
        return &exec_barriers_info;
    default:
        return NULL;
    }
}
