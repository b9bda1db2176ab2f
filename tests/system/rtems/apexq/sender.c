/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * APEX queuing discipline (partition QSEND): on QRECV's command, sends three
 * messages to its FIFO port (f1..f3), then three to its PRIORITY port
 * (p1..p3), one at a time: each goes out two major frames after the last,
 * so every arrival is its own port event.
 */
#include <apex.h>
#include <rtems.h>
#include <stdio.h>

static QUEUING_PORT_ID_TYPE fifo, prio, ctl;

static void await(const char *want)
{
    APEX_BYTE buf[8] = {0};
    MESSAGE_SIZE_TYPE len;
    RETURN_CODE_TYPE r;

    RECEIVE_QUEUING_MESSAGE(ctl, INFINITE_TIME_VALUE, buf, &len, &r);
    printf("QSEND: command %.*s (want %s, rc %d)\n", (int)len, (const char *)buf, want, (int)r);
}

static void send_three(QUEUING_PORT_ID_TYPE port, char tag)
{
    char text[3] = {tag, '0', 0};
    RETURN_CODE_TYPE r;

    for (char i = '1'; i <= '3'; i++) {
        rtems_task_wake_after(20);
        text[1] = i;
        SEND_QUEUING_MESSAGE(port, (MESSAGE_ADDR_TYPE)text, 2, 0, &r);
        printf("QSEND: sent %s (rc %d)\n", text, (int)r);
    }
}

rtems_task Init(rtems_task_argument arg)
{
    RETURN_CODE_TYPE r;

    (void)arg;
    printf("QSEND: start\n");
    CREATE_QUEUING_PORT("f_out", 8, 4, SOURCE, FIFO, &fifo, &r);
    CREATE_QUEUING_PORT("p_out", 8, 4, SOURCE, FIFO, &prio, &r);
    CREATE_QUEUING_PORT("ctl_in", 8, 2, DESTINATION, FIFO, &ctl, &r);
    await("fifo");
    send_three(fifo, 'f');
    await("prio");
    send_three(prio, 'p');
    await("end");
    printf("QSEND: done\n");
    rtems_shutdown_executive(0);
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 1000
#define CONFIGURE_MAXIMUM_TASKS         1
#define CONFIGURE_INIT_TASK_PRIORITY    10
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
