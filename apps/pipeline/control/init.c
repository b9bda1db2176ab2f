/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Pipeline partition CONTROL (2 ms tick): a control task reads the latest
 * altitude every 5 ticks and, when it changed, sends a pitch command on the
 * queuing port "commands" to MONITOR - blocking only itself if the queue is
 * full. It stops once the altitude has been level for a while.
 */
#include "../common/bit.h"

#include <apex.h>
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define TARGET_FT 2500

static rtems_task controller(rtems_task_argument arg)
{
    SAMPLING_PORT_ID_TYPE altitude_port;
    QUEUING_PORT_ID_TYPE command_port;
    RETURN_CODE_TYPE rc;
    int32_t last = 0;
    int level = 0;

    (void)arg;
    CREATE_SAMPLING_PORT("altitude", sizeof(int32_t), DESTINATION, 100000000LL, &altitude_port,
                         &rc);
    CREATE_QUEUING_PORT("commands", 32, 4, SOURCE, FIFO, &command_port, &rc);
    while (level < 6) {
        int32_t altitude = 0;
        MESSAGE_SIZE_TYPE len;
        VALIDITY_TYPE valid;

        rtems_task_wake_after(5);
        READ_SAMPLING_MESSAGE(altitude_port, (MESSAGE_ADDR_TYPE)&altitude, &len, &valid, &rc);
        if (rc != NO_ERROR || valid != VALID || altitude == last) {
            level += rc == NO_ERROR && altitude == last;
            continue;
        }
        char cmd[32];
        int pitch = altitude < TARGET_FT ? 5 : altitude > TARGET_FT ? -2 : 0;
        int n = snprintf(cmd, sizeof(cmd), "pitch %+d at %" PRId32 " ft", pitch, altitude);

        SEND_QUEUING_MESSAGE(command_port, (MESSAGE_ADDR_TYPE)cmd, n + 1, INFINITE_TIME_VALUE, &rc);
        printf("control: altitude %" PRId32 " ft -> \"%s\"\n", altitude, cmd);
        last = altitude;
        level = 0;
    }
    SEND_QUEUING_MESSAGE(command_port, (MESSAGE_ADDR_TYPE) "end", 4, INFINITE_TIME_VALUE, &rc);
    printf("CONTROL done\n");
    exit(0);
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id;

    (void)arg;
    printf("CONTROL: altitude in, commands out\n");
    rtems_task_create(rtems_build_name('C', 'T', 'R', 'L'), 10, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, controller, 0);
    pipeline_start_bit("control", 15);
    rtems_task_exit();
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 2000
#define CONFIGURE_MAXIMUM_TASKS         3
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
/* Its tasks in the kernel's trace when the system traces (`make trace`). */
#define CONFIGURE_TESSERA_TRACE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
