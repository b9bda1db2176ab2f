/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Demo partition CABIN: a 2 ms tick. A timer fires every 15 ticks and sends
 * an event to a controller task, which toggles the cabin lights. After 5
 * events the application exits.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

static rtems_id controller_id;

static rtems_timer_service_routine tick_timer(rtems_id timer, void *arg)
{
    (void)arg;
    rtems_event_send(controller_id, RTEMS_EVENT_1);
    rtems_timer_reset(timer);
}

static rtems_task controller(rtems_task_argument arg)
{
    (void)arg;
    for (int n = 1; n <= 5; n++) {
        rtems_event_set got;

        rtems_event_receive(RTEMS_EVENT_1, RTEMS_EVENT_ALL | RTEMS_WAIT, RTEMS_NO_TIMEOUT, &got);
        /* Each event toggles the lights; they start off. */
        printf("controller: event %d, lights %s at tick %" PRIu32 "\n", n, n % 2 ? "on" : "off",
               rtems_clock_get_ticks_since_boot());
    }
    printf("CABIN done after %" PRIu32 " ticks of 2 ms\n", rtems_clock_get_ticks_since_boot());
    exit(0);
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id timer;

    (void)arg;
    printf("CABIN: RTEMS Classic API on Tessera, tick %" PRIu32 " us\n",
           rtems_configuration_get_microseconds_per_tick());
    rtems_task_create(rtems_build_name('C', 'T', 'R', 'L'), 10, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &controller_id);
    rtems_task_start(controller_id, controller, 0);
    rtems_timer_create(rtems_build_name('T', 'M', 'R', '1'), &timer);
    rtems_timer_fire_after(timer, 15, tick_timer, NULL);
    rtems_task_exit();
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 2000
#define CONFIGURE_MAXIMUM_TASKS         2
#define CONFIGURE_MAXIMUM_TIMERS        1
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
