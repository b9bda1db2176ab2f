/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Demo partition FUEL: a 10 ms tick. Two pump tasks of different priority
 * share the fuel quantity under a priority-inheritance mutex; a gauge task
 * reads it every 5 ticks. After 6 readings the application exits.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

static rtems_id lock;
static volatile int32_t fuel_kg = 5000;

static rtems_task pump(rtems_task_argument rate)
{
    for (;;) {
        rtems_semaphore_obtain(lock, RTEMS_WAIT, RTEMS_NO_TIMEOUT);
        fuel_kg -= (int32_t)rate;
        rtems_semaphore_release(lock);
        rtems_task_wake_after(2);
    }
}

static rtems_task gauge(rtems_task_argument arg)
{
    (void)arg;
    for (int reading = 1; reading <= 6; reading++) {
        int32_t kg;

        rtems_task_wake_after(5);
        rtems_semaphore_obtain(lock, RTEMS_WAIT, RTEMS_NO_TIMEOUT);
        kg = fuel_kg;
        rtems_semaphore_release(lock);
        printf("gauge: reading %d: %" PRId32 " kg at tick %" PRIu32 "\n", reading, kg,
               rtems_clock_get_ticks_since_boot());
    }
    printf("FUEL done after %" PRIu32 " ticks of 10 ms\n", rtems_clock_get_ticks_since_boot());
    exit(0);
}

static void start(char c, rtems_task_priority prio, rtems_task_entry entry, rtems_task_argument a)
{
    rtems_id id;

    rtems_task_create(rtems_build_name('P', 'U', 'M', c), prio, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, entry, a);
}

rtems_task Init(rtems_task_argument arg)
{
    (void)arg;
    printf("FUEL: RTEMS Classic API on Tessera, tick %" PRIu32 " us\n",
           rtems_configuration_get_microseconds_per_tick());
    rtems_semaphore_create(rtems_build_name('F', 'U', 'E', 'L'), 1,
                           RTEMS_BINARY_SEMAPHORE | RTEMS_PRIORITY | RTEMS_INHERIT_PRIORITY, 0,
                           &lock);
    start('1', 20, pump, 3);
    start('2', 30, pump, 5);
    start('G', 10, gauge, 0);
    rtems_task_exit();
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 10000
#define CONFIGURE_MAXIMUM_TASKS         4
#define CONFIGURE_MAXIMUM_SEMAPHORES    1
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
