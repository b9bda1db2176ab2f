/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Object identifiers and names. An id is encoded as RTEMS encodes it:
 * index bits 0-15, node 16-23, API 24-26, class 27-31.
 */
#ifndef TESSERA_RTEMS_OBJECT_H
#define TESSERA_RTEMS_OBJECT_H

#include <rtems/rtems/status.h>
#include <rtems/rtems/types.h>

#define OBJECTS_INDEX_START_BIT 0U
#define OBJECTS_NODE_START_BIT  16U
#define OBJECTS_API_START_BIT   24U
#define OBJECTS_CLASS_START_BIT 27U
#define OBJECTS_INDEX_MASK      0x0000ffffU
#define OBJECTS_NODE_MASK       0x00ff0000U
#define OBJECTS_API_MASK        0x07000000U
#define OBJECTS_CLASS_MASK      0xf8000000U

enum {
    OBJECTS_NO_API = 0,
    OBJECTS_INTERNAL_API = 1,
    OBJECTS_CLASSIC_API = 2,
    OBJECTS_POSIX_API = 3,
    OBJECTS_FAKE_OBJECTS_API = 7
};

/* Classes of the Classic API. */
enum {
    OBJECTS_RTEMS_TASKS = 1,
    OBJECTS_RTEMS_TIMERS = 2,
    OBJECTS_RTEMS_SEMAPHORES = 3,
    OBJECTS_RTEMS_MESSAGE_QUEUES = 4,
    OBJECTS_RTEMS_PARTITIONS = 5,
    OBJECTS_RTEMS_REGIONS = 6,
    OBJECTS_RTEMS_PORTS = 7,
    OBJECTS_RTEMS_PERIODS = 8,
    OBJECTS_RTEMS_EXTENSIONS = 9,
    OBJECTS_RTEMS_BARRIERS = 10
};

/* Classes of the internal API. */
enum { OBJECTS_INTERNAL_THREADS = 1 };

#define RTEMS_SELF                    RTEMS_ID_NONE
#define RTEMS_WHO_AM_I                0
#define RTEMS_SEARCH_ALL_NODES        0
#define RTEMS_SEARCH_OTHER_NODES      0x7ffffffe
#define RTEMS_SEARCH_LOCAL_NODE       0x7fffffff
#define RTEMS_OBJECT_ID_INITIAL_INDEX 0
#define RTEMS_OBJECT_ID_FINAL_INDEX   0xffffU
#define RTEMS_OBJECT_ID_FINAL         ((rtems_id)~0U)

#define rtems_build_id(_api, _class, _node, _index)                                                \
    ((rtems_id)(((uint32_t)(_class) << OBJECTS_CLASS_START_BIT) |                                  \
                ((uint32_t)(_api) << OBJECTS_API_START_BIT) |                                      \
                ((uint32_t)(_node) << OBJECTS_NODE_START_BIT) |                                    \
                ((uint32_t)(_index) << OBJECTS_INDEX_START_BIT)))

#define RTEMS_OBJECT_ID_INITIAL(_api, _class, _node)                                               \
    rtems_build_id(_api, _class, _node, RTEMS_OBJECT_ID_INITIAL_INDEX)

#define rtems_build_name(_c1, _c2, _c3, _c4)                                                       \
    ((rtems_name)(((uint32_t)(uint8_t)(_c1) << 24) | ((uint32_t)(uint8_t)(_c2) << 16) |            \
                  ((uint32_t)(uint8_t)(_c3) << 8) | (uint32_t)(uint8_t)(_c4)))

#define rtems_object_id_get_api(_id) ((int)(((_id)&OBJECTS_API_MASK) >> OBJECTS_API_START_BIT))
#define rtems_object_id_get_class(_id)                                                             \
    ((int)(((_id)&OBJECTS_CLASS_MASK) >> OBJECTS_CLASS_START_BIT))
#define rtems_object_id_get_node(_id)  ((int)(((_id)&OBJECTS_NODE_MASK) >> OBJECTS_NODE_START_BIT))
#define rtems_object_id_get_index(_id) ((int)((_id)&OBJECTS_INDEX_MASK))
#define rtems_object_id_api_minimum()  OBJECTS_INTERNAL_API
#define rtems_object_id_api_maximum()  OBJECTS_POSIX_API

/* The name of the object id (RTEMS_SELF: the calling task). */
rtems_status_code rtems_object_get_classic_name(rtems_id id, rtems_name *name);

/*
 * Writes the name of id as a NUL-terminated string of at most length - 1
 * characters (non-printable characters become '*'); returns name, or NULL.
 */
char *rtems_object_get_name(rtems_id id, size_t length, char *name);

/*
 * Sets the name of id (RTEMS_SELF: the calling task) from the first four
 * characters of name, padded with spaces.
 */
rtems_status_code rtems_object_set_name(rtems_id id, const char *name);

typedef struct {
    rtems_id minimum_id;
    rtems_id maximum_id;
    uint32_t maximum;
    bool auto_extend;
    uint32_t unallocated;
} rtems_object_api_class_information;

rtems_status_code rtems_object_get_class_information(int the_api, int the_class,
                                                     rtems_object_api_class_information *info);

int rtems_object_api_minimum_class(int api);
int rtems_object_api_maximum_class(int api);
const char *rtems_object_get_api_name(int api);
const char *rtems_object_get_api_class_name(int the_api, int the_class);

static inline uint16_t rtems_object_get_local_node(void)
{
    return 1;
}

#endif
