/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Demo partition NAV: a 1 ms tick. A sensor task samples every 20 ticks and
 * hands each fix to a filter task through a message queue; the filter keeps
 * a running average. After 8 fixes both report and the application exits.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define FIXES 8

static rtems_id fixes;

static rtems_task sensor(rtems_task_argument arg)
{
    (void)arg;
    for (int32_t n = 1; n <= FIXES; n++) {
        int32_t fix = 1000 + 37 * n % 101;

        rtems_task_wake_after(20);
        printf("sensor: fix %" PRId32 " = %" PRId32 " at tick %" PRIu32 "\n", n, fix,
               rtems_clock_get_ticks_since_boot());
        rtems_message_queue_send(fixes, &fix, sizeof(fix));
    }
    rtems_task_exit();
}

static rtems_task filter(rtems_task_argument arg)
{
    int32_t sum = 0;

    (void)arg;
    for (int32_t n = 1; n <= FIXES; n++) {
        int32_t fix;
        size_t size;

        rtems_message_queue_receive(fixes, &fix, &size, RTEMS_WAIT, RTEMS_NO_TIMEOUT);
        sum += fix;
        printf("filter: average of %" PRId32 " fixes = %" PRId32 "\n", n, sum / n);
    }
    printf("NAV done after %" PRIu32 " ticks of 1 ms\n", rtems_clock_get_ticks_since_boot());
    exit(0);
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id;

    (void)arg;
    printf("NAV: RTEMS Classic API on Tessera, tick %" PRIu32 " us\n",
           rtems_configuration_get_microseconds_per_tick());
    rtems_message_queue_create(rtems_build_name('F', 'I', 'X', 'Q'), 4, sizeof(int32_t), RTEMS_FIFO,
                               &fixes);
    rtems_task_create(rtems_build_name('F', 'I', 'L', 'T'), 10, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, filter, 0);
    rtems_task_create(rtems_build_name('S', 'E', 'N', 'S'), 5, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, sensor, 0);
    rtems_task_exit();
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK  1000
#define CONFIGURE_MAXIMUM_TASKS          3
#define CONFIGURE_MAXIMUM_MESSAGE_QUEUES 1
#define CONFIGURE_MESSAGE_BUFFER_MEMORY  CONFIGURE_MESSAGE_BUFFERS_FOR_QUEUE(4, sizeof(int32_t))
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
