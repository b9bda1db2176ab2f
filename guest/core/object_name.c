/* SPDX-License-Identifier: BSD-2-Clause */
/* Object services: names of objects, APIs and classes. */
#include <rtems.h>

#include "directive.h"
#include "dispatch.h"
#include "objects.h"

#include <port.h>

/* Name of the object id (tasks include the idle thread), false if none. */
static bool lookup_name(rtems_id id, rtems_name *name)
{
    const struct exec_object *object;
    struct exec_object_info *info;

    if (id == RTEMS_SELF) {
        id = exec_executing->object.id;
    }
    if (id == exec_idle_thread.object.id) {
        *name = exec_idle_thread.object.name;
        return true;
    }
    info = exec_object_info_of(id);
    object = exec_object_get(info, id);
    if (object == NULL) {
        return false;
    }
    *name = object->name;
    return true;
}

rtems_status_code rtems_object_get_classic_name(rtems_id id, rtems_name *name)
{
    port_isr_level level;
    bool found;

    if (name == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    level = exec_directive_lock();
    found = lookup_name(id, name);
    return exec_directive_unlock(level, found ? RTEMS_SUCCESSFUL : RTEMS_INVALID_ID);
}

char *rtems_object_get_name(rtems_id id, size_t length, char *name)
{
    rtems_name n;
    char c[4];
    size_t out = 0;

    if (length == 0 || name == NULL || rtems_object_get_classic_name(id, &n) != RTEMS_SUCCESSFUL) {
        return NULL;
    }
    rtems_name_to_characters(n, &c[0], &c[1], &c[2], &c[3]);
    for (size_t i = 0; i < 4 && out + 1 < length && c[i] != '\0'; i++) {
        name[out++] = (c[i] >= 0x20 && c[i] < 0x7f) ? c[i] : '*';
    }
    name[out] = '\0';
    return name;
}

int rtems_object_api_minimum_class(int api)
{
    return api == OBJECTS_INTERNAL_API || api == OBJECTS_CLASSIC_API ? 1 : -1;
}

int rtems_object_api_maximum_class(int api)
{
    switch (api) {
    case OBJECTS_INTERNAL_API:
        return OBJECTS_INTERNAL_THREADS;
    case OBJECTS_CLASSIC_API:
        return OBJECTS_RTEMS_BARRIERS;
    default:
        return 0;
    }
}

const char *rtems_object_get_api_name(int api)
{
    switch (api) {
    case OBJECTS_INTERNAL_API:
        return "Internal";
    case OBJECTS_CLASSIC_API:
        return "Classic";
    case OBJECTS_POSIX_API:
        return "POSIX";
    default:
        return "BAD API";
    }
}

const char *rtems_object_get_api_class_name(int the_api, int the_class)
{
    static const char *const classic[] = {
        "Task",   "Timer", "Semaphore", "Message Queue", "Partition",
        "Region", "Port",  "Period",    "Extension",     "Barrier",
    };

    if (the_api == OBJECTS_INTERNAL_API) {
        return the_class == OBJECTS_INTERNAL_THREADS ? "Thread" : "BAD CLASS";
    }
    if (the_api == OBJECTS_CLASSIC_API) {
        return the_class >= 1 && the_class <= OBJECTS_RTEMS_BARRIERS ? classic[the_class - 1]
                                                                     : "BAD CLASS";
    }
    return "BAD API";
}

rtems_status_code rtems_object_set_name(rtems_id id, const char *name)
{
    struct exec_object *object;
    char c[4] = {' ', ' ', ' ', ' '};
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    if (name == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    for (size_t i = 0; i < sizeof(c) && name[i] != '\0'; i++) {
        c[i] = name[i];
    }
    level = exec_directive_lock();
    if (id == RTEMS_SELF) {
        id = exec_executing->object.id;
    }
    object = id == exec_idle_thread.object.id ? &exec_idle_thread.object
                                              : exec_object_get(exec_object_info_of(id), id);
    if (object == NULL) {
        status = RTEMS_INVALID_ID;
    } else {
        object->name = rtems_build_name(c[0], c[1], c[2], c[3]);
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_object_get_class_information(int the_api, int the_class,
                                                     rtems_object_api_class_information *info)
{
    const struct exec_object_info *table;
    uint32_t unallocated = 0;
    port_isr_level level;

    if (info == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (the_api == OBJECTS_INTERNAL_API && the_class == OBJECTS_INTERNAL_THREADS) {
        info->minimum_id = exec_object_build_id(OBJECTS_INTERNAL_API, OBJECTS_INTERNAL_THREADS, 1);
        info->maximum_id = info->minimum_id;
        info->maximum = 1;
        info->auto_extend = false;
        info->unallocated = 0;
        return RTEMS_SUCCESSFUL;
    }
    table = the_api == OBJECTS_CLASSIC_API ? exec_object_info_of_class(the_class) : NULL;
    if (table == NULL) {
        return RTEMS_INVALID_NUMBER;
    }
    level = exec_directive_lock();
    for (const struct exec_node *n = table->inactive.head.next; n != &table->inactive.head;
         n = n->next) {
        unallocated++;
    }
    info->minimum_id = exec_object_build_id((uint32_t)the_api, (uint32_t)the_class, 1);
    info->maximum_id = exec_object_build_id((uint32_t)the_api, (uint32_t)the_class, table->maximum);
    info->maximum = table->maximum;
    info->auto_extend = false;
    info->unallocated = unallocated;
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}
