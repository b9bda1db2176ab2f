/* SPDX-License-Identifier: BSD-2-Clause */
/* Read access to the configuration that <rtems/confdefs.h> generated. */
#include <rtems.h>
#include <tessera/exec_types.h>

#include "workspace.h"

const rtems_api_configuration_table *rtems_configuration_get_rtems_api_configuration(void)
{
    return &exec_config.api;
}

uint32_t rtems_configuration_get_microseconds_per_tick(void)
{
    return exec_config.microseconds_per_tick;
}

uint32_t rtems_configuration_get_milliseconds_per_tick(void)
{
    return exec_config.microseconds_per_tick / 1000u;
}

uint32_t rtems_configuration_get_nanoseconds_per_tick(void)
{
    return exec_config.microseconds_per_tick * 1000u;
}

uint32_t rtems_configuration_get_ticks_per_timeslice(void)
{
    return exec_config.ticks_per_timeslice;
}

uint32_t rtems_configuration_get_maximum_tasks(void)
{
    return exec_config.api.maximum_tasks;
}

uint32_t rtems_configuration_get_maximum_semaphores(void)
{
    return exec_config.api.maximum_semaphores;
}

uint32_t rtems_configuration_get_maximum_message_queues(void)
{
    return exec_config.api.maximum_message_queues;
}

uint32_t rtems_configuration_get_maximum_timers(void)
{
    return exec_config.api.maximum_timers;
}

uint32_t rtems_configuration_get_maximum_partitions(void)
{
    return exec_config.api.maximum_partitions;
}

uint32_t rtems_configuration_get_maximum_regions(void)
{
    return exec_config.api.maximum_regions;
}

uint32_t rtems_configuration_get_maximum_ports(void)
{
    return exec_config.api.maximum_ports;
}

uint32_t rtems_configuration_get_maximum_periods(void)
{
    return exec_config.api.maximum_periods;
}

uint32_t rtems_configuration_get_maximum_barriers(void)
{
    return exec_config.api.maximum_barriers;
}

uint32_t rtems_configuration_get_maximum_extensions(void)
{
    return exec_config.maximum_extensions;
}

uint32_t rtems_configuration_get_number_of_device_drivers(void)
{
    return exec_config.number_of_drivers;
}

rtems_driver_address_table *rtems_configuration_get_device_driver_table(void)
{
    return exec_config.drivers;
}

uintptr_t rtems_configuration_get_work_space_size(void)
{
    return exec_config.workspace_size;
}

rtems_stack_allocate_hook rtems_configuration_get_stack_allocate_hook(void)
{
    return exec_workspace_allocate;
}
