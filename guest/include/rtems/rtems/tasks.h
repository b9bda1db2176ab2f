/* SPDX-License-Identifier: BSD-2-Clause */
/* Task manager. */
#ifndef TESSERA_RTEMS_TASKS_H
#define TESSERA_RTEMS_TASKS_H

#include <rtems/rtems/attr.h>
#include <rtems/rtems/modes.h>
#include <rtems/rtems/object.h>
#include <rtems/rtems/status.h>
#include <rtems/rtems/types.h>

/*
 * Stack constants depend on the port, which supplies <tessera/port_limits.h>
 * on the include path of applications. The core is built once for all ports
 * of an architecture (TESSERA_EXEC_CORE), so it must not use them: it gets
 * the minimum stack size from the configuration instead.
 */
#ifndef TESSERA_EXEC_CORE
#include <tessera/port_limits.h>

#define RTEMS_MINIMUM_STACK_SIZE     TESSERA_PORT_MINIMUM_STACK_SIZE
#define RTEMS_TASK_STORAGE_ALIGNMENT TESSERA_PORT_STACK_ALIGNMENT
#define RTEMS_TASK_STORAGE_SIZE(_size, _attributes)                                                \
    (((size_t)(_size) + RTEMS_TASK_STORAGE_ALIGNMENT - 1) &                                        \
     ~((size_t)RTEMS_TASK_STORAGE_ALIGNMENT - 1))
#endif
#define RTEMS_CONFIGURED_MINIMUM_STACK_SIZE 0

#define RTEMS_CURRENT_PRIORITY 0
#define RTEMS_NO_PRIORITY      RTEMS_CURRENT_PRIORITY
#define RTEMS_MINIMUM_PRIORITY 1
rtems_task_priority exec_maximum_priority(void);
#define RTEMS_MAXIMUM_PRIORITY exec_maximum_priority()

/* rtems_task_wake_after() interval that only yields the processor. */
#define RTEMS_YIELD_PROCESSOR ((rtems_interval)0)

typedef struct {
    rtems_name name;
    rtems_task_priority initial_priority;
    void *storage_area;
    size_t storage_size;
    size_t maximum_thread_local_storage_size;
    void (*storage_free)(void *);
    rtems_mode initial_modes;
    rtems_attribute attributes;
} rtems_task_config;

typedef struct {
    rtems_name name;
    size_t stack_size;
    rtems_task_priority initial_priority;
    rtems_attribute attribute_set;
    rtems_task_entry entry_point;
    rtems_mode mode_set;
    rtems_task_argument argument;
} rtems_initialization_tasks_table;

rtems_status_code rtems_task_create(rtems_name name, rtems_task_priority initial_priority,
                                    size_t stack_size, rtems_mode initial_modes,
                                    rtems_attribute attribute_set, rtems_id *id);
rtems_status_code rtems_task_construct(const rtems_task_config *config, rtems_id *id);
rtems_status_code rtems_task_ident(rtems_name name, uint32_t node, rtems_id *id);
rtems_id rtems_task_self(void);
rtems_status_code rtems_task_start(rtems_id id, rtems_task_entry entry_point,
                                   rtems_task_argument argument);
rtems_status_code rtems_task_restart(rtems_id id, rtems_task_argument argument);
rtems_status_code rtems_task_delete(rtems_id id);
#ifdef __cplusplus
[[noreturn]] void rtems_task_exit(void);
#else
_Noreturn void rtems_task_exit(void);
#endif
rtems_status_code rtems_task_suspend(rtems_id id);
rtems_status_code rtems_task_resume(rtems_id id);
rtems_status_code rtems_task_is_suspended(rtems_id id);
rtems_status_code rtems_task_set_priority(rtems_id id, rtems_task_priority new_priority,
                                          rtems_task_priority *old_priority);
rtems_status_code rtems_task_get_priority(rtems_id task_id, rtems_id scheduler_id,
                                          rtems_task_priority *priority);
rtems_status_code rtems_task_mode(rtems_mode mode_set, rtems_mode mask,
                                  rtems_mode *previous_mode_set);
rtems_status_code rtems_task_wake_after(rtems_interval ticks);
rtems_status_code rtems_task_wake_when(const rtems_time_of_day *time_buffer);

/* The one scheduler instance ("UPD "): priority-based, uniprocessor. */
rtems_status_code rtems_scheduler_ident(rtems_name name, rtems_id *id);
rtems_status_code rtems_task_get_scheduler(rtems_id task_id, rtems_id *scheduler_id);

#endif
