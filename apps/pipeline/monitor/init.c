/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Pipeline partition MONITOR (10 ms tick): an actuator task waits (with a
 * timeout) for commands on the queuing port "commands" and applies them,
 * while a watch task checks every 3 ticks that the altitude it sees on its
 * own destination of the sampling channel is still fresh.
 */
#include <apex.h>
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static SAMPLING_PORT_ID_TYPE altitude_port;

static rtems_task watch(rtems_task_argument arg)
{
    (void)arg;
    for (;;) {
        int32_t altitude = 0;
        MESSAGE_SIZE_TYPE len;
        VALIDITY_TYPE valid;
        RETURN_CODE_TYPE rc;

        rtems_task_wake_after(3);
        READ_SAMPLING_MESSAGE(altitude_port, (MESSAGE_ADDR_TYPE)&altitude, &len, &valid, &rc);
        if (rc == NO_ERROR && valid != VALID) {
            printf("monitor: altitude data (%" PRId32 " ft) is stale\n", altitude);
        }
    }
}

static rtems_task actuator(rtems_task_argument arg)
{
    QUEUING_PORT_ID_TYPE command_port;
    RETURN_CODE_TYPE rc;
    int applied = 0;

    (void)arg;
    CREATE_QUEUING_PORT("commands", 32, 4, DESTINATION, FIFO, &command_port, &rc);
    for (;;) {
        char cmd[32];
        MESSAGE_SIZE_TYPE len;

        RECEIVE_QUEUING_MESSAGE(command_port, 1000000000LL, (MESSAGE_ADDR_TYPE)cmd, &len, &rc);
        if (rc == TIMED_OUT) {
            printf("monitor: no command for 1 s\n");
            continue;
        }
        if (rc != NO_ERROR || strcmp(cmd, "end") == 0) {
            break;
        }
        printf("monitor: applying \"%s\"\n", cmd);
        applied++;
    }
    printf("MONITOR done: %d commands applied\n", applied);
    exit(0);
}

rtems_task Init(rtems_task_argument arg)
{
    RETURN_CODE_TYPE rc;
    rtems_id id;

    (void)arg;
    printf("MONITOR: commands in, altitude watched\n");
    CREATE_SAMPLING_PORT("altitude_watch", sizeof(int32_t), DESTINATION, 200000000LL,
                         &altitude_port, &rc);
    rtems_task_create(rtems_build_name('A', 'C', 'T', 'U'), 10, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, actuator, 0);
    rtems_task_create(rtems_build_name('W', 'T', 'C', 'H'), 20, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, watch, 0);
    rtems_task_exit();
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 10000
#define CONFIGURE_MAXIMUM_TASKS         3
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
/* Its tasks in the kernel's trace when the system traces (`make trace`). */
#define CONFIGURE_TESSERA_TRACE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
