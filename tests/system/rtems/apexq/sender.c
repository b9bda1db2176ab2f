/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * APEX queuing discipline (partition QSEND): on QRECV's command, sends three
 * messages to its FIFO port (f1..f3), then three to its PRIORITY port
 * (p1..p3), one at a time: each goes out two major frames after the last,
 * so every arrival is its own port event.
 *
 * Then the same disciplines for senders: it fills a FIFO and a PRIORITY
 * port of depth 1 and starts TX-A (priority 30), TX-B (40) and TX-C (20),
 * each blocked in SEND_QUEUING_MESSAGE before the next starts; QRECV reads
 * one message at a time and prints in which order the letters arrive.
 */
#include <apex.h>
#include <rtems.h>
#include <stdio.h>

static QUEUING_PORT_ID_TYPE fifo, prio, ctl, sfifo, sprio;

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

/* argument: the port in the low byte, the letter to send above. */
static rtems_task sender(rtems_task_argument arg)
{
    char text[2] = {(char)(arg >> 8), 0};
    RETURN_CODE_TYPE r;

    SEND_QUEUING_MESSAGE((QUEUING_PORT_ID_TYPE)(arg & 0xffu), (MESSAGE_ADDR_TYPE)text, 1,
                         INFINITE_TIME_VALUE, &r);
    printf("QSEND: TX-%s sent (rc %d)\n", text, (int)r);
    rtems_task_exit();
}

static WAITING_RANGE_TYPE waiting(QUEUING_PORT_ID_TYPE port)
{
    QUEUING_PORT_STATUS_TYPE st;
    RETURN_CODE_TYPE r;

    GET_QUEUING_PORT_STATUS(port, &st, &r);
    return r == NO_ERROR ? st.WAITING_PROCESSES : -1;
}

/* Starts TX-name at priority and returns once it waits on port. */
static void start_sender(char name, rtems_task_priority priority, QUEUING_PORT_ID_TYPE port)
{
    WAITING_RANGE_TYPE before = waiting(port);
    rtems_id id;

    rtems_task_create(rtems_build_name('T', 'X', '-', name), priority, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, sender, (rtems_task_argument)port | ((rtems_task_argument)name << 8));
    while (waiting(port) == before) {
        rtems_task_wake_after(1);
    }
    printf("QSEND: TX-%c (priority %u) waits\n", name, (unsigned)priority);
}

/* Fills port (depth 1) and queues three senders on it: A, B, C. */
static void fill_and_queue(QUEUING_PORT_ID_TYPE port)
{
    RETURN_CODE_TYPE r;

    SEND_QUEUING_MESSAGE(port, (MESSAGE_ADDR_TYPE) "0", 1, 0, &r);
    printf("QSEND: sent 0 (rc %d)\n", (int)r);
    start_sender('A', 30, port);
    start_sender('B', 40, port);
    start_sender('C', 20, port);
}

rtems_task Init(rtems_task_argument arg)
{
    RETURN_CODE_TYPE r;

    (void)arg;
    printf("QSEND: start\n");
    CREATE_QUEUING_PORT("f_out", 8, 4, SOURCE, FIFO, &fifo, &r);
    CREATE_QUEUING_PORT("p_out", 8, 4, SOURCE, FIFO, &prio, &r);
    CREATE_QUEUING_PORT("ctl_in", 8, 2, DESTINATION, FIFO, &ctl, &r);
    CREATE_QUEUING_PORT("sf_out", 8, 1, SOURCE, FIFO, &sfifo, &r);
    CREATE_QUEUING_PORT("sp_out", 8, 1, SOURCE, PRIORITY, &sprio, &r);
    await("fifo");
    send_three(fifo, 'f');
    await("prio");
    send_three(prio, 'p');
    await("sfifo");
    fill_and_queue(sfifo);
    await("sprio");
    fill_and_queue(sprio);
    await("end");
    printf("QSEND: done\n");
    rtems_shutdown_executive(0);
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 1000
#define CONFIGURE_MAXIMUM_TASKS         5
#define CONFIGURE_INIT_TASK_PRIORITY    10
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
