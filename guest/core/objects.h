/* SPDX-License-Identifier: BSD-2-Clause */
/* Object tables: id allocation, id and name lookup. */
#ifndef TESSERA_EXEC_OBJECTS_H
#define TESSERA_EXEC_OBJECTS_H

#include <stddef.h>

#include <tessera/exec_types.h>

/* The node of every object: Tessera runs one node per partition. */
#define EXEC_LOCAL_NODE 1u

/* Asserts that a control block type begins with its struct exec_object
 * (member: the path to it, e.g. object or thread.object): lookups
 * (directive.h's EXEC_OBJECT_LOCK) and exec_object_allocate() cast the one
 * into the other. Every control block type has its assert (objects.c). */
#define EXEC_OBJECT_FIRST(type, member)                                                            \
    _Static_assert(offsetof(type, member) == 0, #type " begins with its struct exec_object")

/* One class of objects in a statically allocated table. */
struct exec_object_info {
    uint32_t api;
    uint32_t the_class;
    uint32_t maximum;
    size_t block_size;
    void *blocks; /* maximum control blocks of block_size bytes */
    struct exec_chain inactive;
};

rtems_id exec_object_build_id(uint32_t api, uint32_t the_class, uint32_t index);

/* Sets up the table; every object inactive, handed out in index order. */
void exec_object_info_init(struct exec_object_info *info, uint32_t api, uint32_t the_class,
                           void *blocks, uint32_t maximum, size_t block_size);

/* Takes an inactive object (least recently freed first), or NULL. */
struct exec_object *exec_object_allocate(struct exec_object_info *info, rtems_name name);

void exec_object_free(struct exec_object_info *info, struct exec_object *object);

/* The active object with this id, or NULL. */
struct exec_object *exec_object_get(const struct exec_object_info *info, rtems_id id);

/*
 * Classic "ident": the first active object named name (lowest index).
 * node is RTEMS_SEARCH_* or a node number.
 */
rtems_status_code exec_object_ident(const struct exec_object_info *info, rtems_name name,
                                    uint32_t node, rtems_id *id);

/* Tables of the Classic API classes this executive implements. */
extern struct exec_object_info exec_tasks_info;
extern struct exec_object_info exec_semaphores_info;
extern struct exec_object_info exec_message_queues_info;
extern struct exec_object_info exec_timers_info;
extern struct exec_object_info exec_buffer_pools_info;
extern struct exec_object_info exec_regions_info;
extern struct exec_object_info exec_dpmems_info;
extern struct exec_object_info exec_periods_info;
extern struct exec_object_info exec_extensions_info;
extern struct exec_object_info exec_barriers_info;
/*
 * POSIX threads (guest/posix): tasks with ids of the POSIX API, set up by
 * exec_config.posix_initialize; empty without it.
 */
#define EXEC_POSIX_THREADS_CLASS 1
extern struct exec_object_info exec_posix_threads_info;

/* The table an id belongs to, or NULL. */
struct exec_object_info *exec_object_info_of(rtems_id id);

/* The table of a thread's id (Classic task or POSIX thread), or NULL. */
struct exec_object_info *exec_object_info_of_thread(rtems_id id);

/* The table of a Classic API class (OBJECTS_RTEMS_*), or NULL. */
struct exec_object_info *exec_object_info_of_class(int the_class);

#endif
