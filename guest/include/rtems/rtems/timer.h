/* SPDX-License-Identifier: BSD-2-Clause */
/* Timer manager. */
#ifndef TESSERA_RTEMS_TIMER_H
#define TESSERA_RTEMS_TIMER_H

#include <rtems/rtems/attr.h>
#include <rtems/rtems/status.h>
#include <rtems/rtems/types.h>

#define TIMER_CLASS_BIT_TIME_OF_DAY 0x1
#define TIMER_CLASS_BIT_ON_TASK     0x2
#define TIMER_CLASS_BIT_NOT_DORMANT 0x4

typedef enum {
    TIMER_DORMANT = 0,
    TIMER_INTERVAL = TIMER_CLASS_BIT_NOT_DORMANT,
    TIMER_INTERVAL_ON_TASK = TIMER_CLASS_BIT_NOT_DORMANT | TIMER_CLASS_BIT_ON_TASK,
    TIMER_TIME_OF_DAY = TIMER_CLASS_BIT_NOT_DORMANT | TIMER_CLASS_BIT_TIME_OF_DAY,
    TIMER_TIME_OF_DAY_ON_TASK =
        TIMER_CLASS_BIT_NOT_DORMANT | TIMER_CLASS_BIT_TIME_OF_DAY | TIMER_CLASS_BIT_ON_TASK
} Timer_Classes;

typedef struct {
    Timer_Classes the_class;
    rtems_interval initial;
    rtems_interval start_time;
    rtems_interval stop_time;
} rtems_timer_information;

typedef void rtems_timer_service_routine;
typedef rtems_timer_service_routine (*rtems_timer_service_routine_entry)(rtems_id, void *);

#define RTEMS_TIMER_SERVER_DEFAULT_PRIORITY ((rtems_task_priority)-1)

rtems_status_code rtems_timer_create(rtems_name name, rtems_id *id);
rtems_status_code rtems_timer_ident(rtems_name name, rtems_id *id);
rtems_status_code rtems_timer_cancel(rtems_id id);
rtems_status_code rtems_timer_delete(rtems_id id);
rtems_status_code rtems_timer_fire_after(rtems_id id, rtems_interval ticks,
                                         rtems_timer_service_routine_entry routine,
                                         void *user_data);
rtems_status_code rtems_timer_fire_when(rtems_id id, const rtems_time_of_day *wall_time,
                                        rtems_timer_service_routine_entry routine, void *user_data);
rtems_status_code rtems_timer_initiate_server(rtems_task_priority priority, size_t stack_size,
                                              rtems_attribute attribute_set);
rtems_status_code rtems_timer_server_fire_after(rtems_id id, rtems_interval ticks,
                                                rtems_timer_service_routine_entry routine,
                                                void *user_data);
rtems_status_code rtems_timer_server_fire_when(rtems_id id, const rtems_time_of_day *wall_time,
                                               rtems_timer_service_routine_entry routine,
                                               void *user_data);
rtems_status_code rtems_timer_reset(rtems_id id);
rtems_status_code rtems_timer_get_information(rtems_id id, rtems_timer_information *the_info);

#endif
