/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Pipeline partition SENSOR (1 ms tick): a sampling task publishes the
 * aircraft's altitude every 10 ticks on the sampling port "altitude" (read
 * by CONTROL and MONITOR). The altitude follows a climb, then levels off.
 */
#include "../common/bit.h"

#include <apex.h>
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define SAMPLES 12

static rtems_task sampler(rtems_task_argument arg)
{
    SAMPLING_PORT_ID_TYPE port;
    RETURN_CODE_TYPE rc;
    int32_t altitude = 1000;

    (void)arg;
    CREATE_SAMPLING_PORT("altitude", sizeof(int32_t), SOURCE, 0, &port, &rc);
    if (rc != NO_ERROR) {
        printf("sensor: cannot create port (%d)\n", (int)rc);
        exit(1);
    }
    for (int n = 1; n <= SAMPLES; n++) {
        altitude += n < 8 ? 250 : 0;
        WRITE_SAMPLING_MESSAGE(port, (MESSAGE_ADDR_TYPE)&altitude, sizeof(altitude), &rc);
        printf("sensor: sample %d altitude %" PRId32 " ft\n", n, altitude);
        rtems_task_wake_after(10);
    }
    printf("SENSOR done\n");
    exit(0);
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id;

    (void)arg;
    printf("SENSOR: altitude on sampling port \"altitude\"\n");
    rtems_task_create(rtems_build_name('S', 'M', 'P', 'L'), 10, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, sampler, 0);
    pipeline_start_bit("sensor", 25);
    rtems_task_exit();
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 1000
#define CONFIGURE_MAXIMUM_TASKS         3
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
/* Its tasks in the kernel's trace when the system traces (`make trace`). */
#define CONFIGURE_TESSERA_TRACE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
