/* SPDX-License-Identifier: BSD-2-Clause */
/* Basic types of the Classic API. */
#ifndef TESSERA_RTEMS_TYPES_H
#define TESSERA_RTEMS_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t rtems_id;
typedef uint32_t rtems_name;
typedef uint32_t rtems_interval;
typedef uint32_t rtems_task_priority;
typedef uint32_t rtems_attribute;
typedef uint32_t rtems_option;
typedef uint32_t rtems_mode;
typedef uint32_t rtems_event_set;
typedef uintptr_t rtems_task_argument;
typedef void rtems_task;
typedef rtems_task (*rtems_task_entry)(rtems_task_argument);
typedef uint32_t rtems_vector_number;
typedef uint32_t rtems_interrupt_level;
typedef uint32_t rtems_fatal_code;
typedef uint32_t rtems_boolean;

#define RTEMS_ID_NONE    ((rtems_id)0)
#define RTEMS_NO_TIMEOUT ((rtems_interval)0)

typedef struct {
    uint32_t year;
    uint32_t month;
    uint32_t day;
    uint32_t hour;
    uint32_t minute;
    uint32_t second;
    uint32_t ticks;
} rtems_time_of_day;

#endif
