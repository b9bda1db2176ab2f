/* SPDX-License-Identifier: BSD-2-Clause */
/* Read access to the application configuration (see <rtems/confdefs.h>). */
#ifndef TESSERA_RTEMS_CONFIG_H
#define TESSERA_RTEMS_CONFIG_H

#include <rtems/io.h>
#include <rtems/rtems/tasks.h>
#include <rtems/rtems/types.h>
#include <rtems/score/cpu.h>

typedef struct {
    uint32_t maximum_tasks;
    bool notepads_enabled;
    uint32_t maximum_timers;
    uint32_t maximum_semaphores;
    uint32_t maximum_message_queues;
    uint32_t maximum_partitions;
    uint32_t maximum_regions;
    uint32_t maximum_ports;
    uint32_t maximum_periods;
    uint32_t maximum_barriers;
    uint32_t number_of_initialization_tasks;
    const rtems_initialization_tasks_table *User_initialization_tasks_table;
} rtems_api_configuration_table;

const rtems_api_configuration_table *rtems_configuration_get_rtems_api_configuration(void);
uint32_t rtems_configuration_get_microseconds_per_tick(void);
uint32_t rtems_configuration_get_milliseconds_per_tick(void);
uint32_t rtems_configuration_get_nanoseconds_per_tick(void);
uint32_t rtems_configuration_get_ticks_per_timeslice(void);
uint32_t rtems_configuration_get_maximum_tasks(void);
uint32_t rtems_configuration_get_maximum_semaphores(void);
uint32_t rtems_configuration_get_maximum_message_queues(void);
uint32_t rtems_configuration_get_maximum_timers(void);
uint32_t rtems_configuration_get_maximum_partitions(void);
uint32_t rtems_configuration_get_maximum_regions(void);
uint32_t rtems_configuration_get_maximum_ports(void);
uint32_t rtems_configuration_get_maximum_periods(void);
uint32_t rtems_configuration_get_maximum_barriers(void);
uint32_t rtems_configuration_get_maximum_extensions(void);
uint32_t rtems_configuration_get_number_of_device_drivers(void);
rtems_driver_address_table *rtems_configuration_get_device_driver_table(void);
/* Bytes of the executive's workspace (object storage and task stacks). */
uintptr_t rtems_configuration_get_work_space_size(void);

/* Task stacks come from the workspace; this allocates one, as RTEMS's hook. */
typedef void *(*rtems_stack_allocate_hook)(size_t bytes);
rtems_stack_allocate_hook rtems_configuration_get_stack_allocate_hook(void);

/* Both supported CPUs (x86 x87/SSE, LEON3 FPU) have floating-point hardware. */
#define RTEMS_HAS_HARDWARE_FP CPU_HARDWARE_FP

#endif
