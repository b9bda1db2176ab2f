/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Initialization: builds the executive from the configuration, creates the
 * idle thread and the initialization tasks, starts the tick and the first
 * thread.
 */
#include <rtems.h>

#include "chain.h"
#include "clock_impl.h"
#include "dispatch.h"
#include "extension.h"
#include "io_impl.h"
#include "objects.h"
#include "scheduler.h"
#include "task.h"
#include "thread.h"
#include "thread_start.h"
#include "watchdog.h"
#include "workspace.h"

#include <port.h>
#include <string.h>

static void *default_idle_body(uintptr_t arg)
{
    (void)arg;
    for (;;) {
        port_idle();
    }
    return NULL;
}

static rtems_task idle_entry(rtems_task_argument arg)
{
    void *(*body)(uintptr_t) =
        exec_config.idle_body != NULL ? exec_config.idle_body : default_idle_body;

    (void)body((uintptr_t)arg);
    rtems_fatal(INTERNAL_ERROR_CORE, INTERNAL_ERROR_THREAD_EXITTED);
}

static void create_idle(void)
{
    struct exec_thread *t = &exec_idle_thread;

    memset(t, 0, sizeof(*t));
    t->object.id = exec_object_build_id(OBJECTS_INTERNAL_API, OBJECTS_INTERNAL_THREADS, 1);
    t->object.name = rtems_build_name('I', 'D', 'L', 'E');
    t->object.active = true;
    exec_chain_init(&t->held_mutexes);
    exec_watchdog_init(&t->timer, exec_thread_timeout);
    t->stack_area = exec_config.idle_stack;
    t->stack_size = exec_config.idle_stack_size;
    t->initial_priority = EXEC_PRIORITY_LEVELS - 1;
    t->initial_modes = RTEMS_PREEMPT;
    t->entry = idle_entry;
    t->context = port_context_init(t->stack_area, t->stack_size, false, exec_thread_entry);
    if (t->stack_area == NULL || t->context == NULL) {
        rtems_fatal(INTERNAL_ERROR_CORE, INTERNAL_ERROR_IDLE_THREAD_CREATE_FAILED);
    }
    /* Idle is never in the ready queues: it runs when they are empty. */
    t->real_priority = t->initial_priority;
    t->priority = t->initial_priority;
    t->preemptible = true;
    /* As in RTEMS, the idle thread is created and started with no executing thread. */
    (void)exec_ext_thread_create(exec_executing, t);
    exec_ext_thread_start(exec_executing, t);
}

static void create_init_tasks(void)
{
    const rtems_api_configuration_table *api = &exec_config.api;

    for (uint32_t i = 0; i < api->number_of_initialization_tasks; i++) {
        const rtems_initialization_tasks_table *it = &api->User_initialization_tasks_table[i];
        rtems_id id;
        rtems_status_code status;

        status = rtems_task_create(it->name, it->initial_priority, it->stack_size, it->mode_set,
                                   it->attribute_set, &id);
        if (status == RTEMS_SUCCESSFUL) {
            status = rtems_task_start(id, it->entry_point, it->argument);
        }
        if (status != RTEMS_SUCCESSFUL) {
            rtems_fatal(INTERNAL_ERROR_RTEMS_API, INTERNAL_ERROR_RTEMS_INIT_TASK_CREATE_FAILED);
        }
    }
}

_Noreturn void exec_boot(void)
{
    exec_dispatch_disable_level = 1;
    exec_isr_nest_level = 0;
    exec_workspace_init(exec_config.workspace, exec_config.workspace_size);
    exec_tasks_init();
    exec_object_info_init(&exec_tasks_info, OBJECTS_CLASSIC_API, OBJECTS_RTEMS_TASKS,
                          exec_config.tasks, exec_config.api.maximum_tasks,
                          sizeof(struct exec_thread));
    exec_object_info_init(&exec_semaphores_info, OBJECTS_CLASSIC_API, OBJECTS_RTEMS_SEMAPHORES,
                          exec_config.semaphores, exec_config.api.maximum_semaphores,
                          sizeof(struct exec_semaphore));
    exec_object_info_init(&exec_message_queues_info, OBJECTS_CLASSIC_API,
                          OBJECTS_RTEMS_MESSAGE_QUEUES, exec_config.message_queues,
                          exec_config.api.maximum_message_queues,
                          sizeof(struct exec_message_queue));
    exec_object_info_init(&exec_timers_info, OBJECTS_CLASSIC_API, OBJECTS_RTEMS_TIMERS,
                          exec_config.timers, exec_config.api.maximum_timers,
                          sizeof(struct exec_timer));
    exec_object_info_init(&exec_buffer_pools_info, OBJECTS_CLASSIC_API, OBJECTS_RTEMS_PARTITIONS,
                          exec_config.buffer_pools, exec_config.api.maximum_partitions,
                          sizeof(struct exec_buffer_pool));
    exec_object_info_init(&exec_regions_info, OBJECTS_CLASSIC_API, OBJECTS_RTEMS_REGIONS,
                          exec_config.regions, exec_config.api.maximum_regions,
                          sizeof(struct exec_region));
    exec_object_info_init(&exec_dpmems_info, OBJECTS_CLASSIC_API, OBJECTS_RTEMS_PORTS,
                          exec_config.dpmems, exec_config.api.maximum_ports,
                          sizeof(struct exec_dpmem));
    exec_object_info_init(&exec_periods_info, OBJECTS_CLASSIC_API, OBJECTS_RTEMS_PERIODS,
                          exec_config.periods, exec_config.api.maximum_periods,
                          sizeof(struct exec_period));
    exec_object_info_init(&exec_barriers_info, OBJECTS_CLASSIC_API, OBJECTS_RTEMS_BARRIERS,
                          exec_config.barriers, exec_config.api.maximum_barriers,
                          sizeof(struct exec_barrier));
    exec_object_info_init(&exec_extensions_info, OBJECTS_CLASSIC_API, OBJECTS_RTEMS_EXTENSIONS,
                          exec_config.extensions, exec_config.maximum_extensions,
                          sizeof(struct exec_extension));
    exec_extensions_init();
    exec_sched_init();
    exec_clock_init();
    create_idle();
    exec_executing = &exec_idle_thread;
    exec_sched_set_running(exec_executing);
    /* As in RTEMS: after the idle thread, before the initialization tasks. */
    exec_io_initialize_all();
    create_init_tasks();
    if (exec_config.posix_initialize != NULL) {
        /* As RTEMS: the POSIX initialization threads after the Classic ones. */
        exec_config.posix_initialize();
    }
    if (exec_config.clock_driver) {
        port_tick_start(exec_config.microseconds_per_tick);
    }
    exec_dispatch_disable_level = 0;
    exec_dispatch_abandon();
}
