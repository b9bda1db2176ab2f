/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * APEX queuing discipline (partition QRECV, tests/system/test_apex_queue.py):
 * tasks of different priorities block in RECEIVE_QUEUING_MESSAGE on a FIFO
 * port and on a PRIORITY port while QSEND sends one message at a time; each
 * task prints what it got. FIFO: longest waiting first. PRIORITY: highest
 * priority first, longest waiting first among equals.
 */
#include <apex.h>
#include <rtems.h>
#include <stdio.h>

#define MS 1000000LL

static QUEUING_PORT_ID_TYPE fifo, prio, ctl, sfifo, sprio;
static rtems_id init_id;

static void check(const char *what, RETURN_CODE_TYPE r)
{
    if (r != NO_ERROR) {
        printf("QRECV: %s failed (%d)\n", what, (int)r);
    }
}

static void command(const char *text)
{
    RETURN_CODE_TYPE r;
    MESSAGE_SIZE_TYPE len = 0;

    while (text[len]) {
        len++;
    }
    SEND_QUEUING_MESSAGE(ctl, (MESSAGE_ADDR_TYPE)text, len, INFINITE_TIME_VALUE, &r);
    check(text, r);
}

/* argument: the port in the low byte, the timeout in ms above (0: none). */
static rtems_task receiver(rtems_task_argument arg)
{
    QUEUING_PORT_ID_TYPE port = (QUEUING_PORT_ID_TYPE)(arg & 0xffu);
    SYSTEM_TIME_TYPE timeout = (arg >> 8) ? (SYSTEM_TIME_TYPE)(arg >> 8) * MS : INFINITE_TIME_VALUE;
    APEX_BYTE buf[16] = {0};
    MESSAGE_SIZE_TYPE len;
    RETURN_CODE_TYPE r;
    rtems_name name = 0;
    char who[5] = {0};

    (void)rtems_object_get_classic_name(rtems_task_self(), &name);
    for (int i = 0; i < 4; i++) {
        who[i] = (char)(name >> (24 - 8 * i));
    }
    RECEIVE_QUEUING_MESSAGE(port, timeout, buf, &len, &r);
    if (r == NO_ERROR) {
        printf("QRECV: %s got %.*s\n", who, (int)len, (const char *)buf);
    } else {
        printf("QRECV: %s %s\n", who, r == TIMED_OUT ? "timed out" : "failed");
    }
    (void)rtems_event_send(init_id, RTEMS_EVENT_0);
    rtems_task_exit();
}

static WAITING_RANGE_TYPE waiting(QUEUING_PORT_ID_TYPE port)
{
    QUEUING_PORT_STATUS_TYPE st;
    RETURN_CODE_TYPE r;

    GET_QUEUING_PORT_STATUS(port, &st, &r);
    return r == NO_ERROR ? st.WAITING_PROCESSES : -1;
}

/* Starts task name at priority, receiving on port, and returns once it
 * waits there (so the order in which tasks start waiting is fixed). */
static void start(char name, rtems_task_priority priority, QUEUING_PORT_ID_TYPE port, int ms)
{
    WAITING_RANGE_TYPE before = waiting(port);
    rtems_id id;

    rtems_task_create(rtems_build_name('R', 'X', '-', name), priority, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, receiver, (rtems_task_argument)port | ((rtems_task_argument)ms << 8));
    while (waiting(port) == before) {
        rtems_task_wake_after(1);
    }
    printf("QRECV: RX-%c (priority %u) waits\n", name, (unsigned)priority);
}

static void await_receivers(int n)
{
    rtems_event_set got;

    while (n-- > 0) {
        rtems_event_receive(RTEMS_EVENT_0, RTEMS_WAIT | RTEMS_EVENT_ANY, RTEMS_NO_TIMEOUT, &got);
    }
}

/* Lets QSEND queue its senders on port, then reads what they send, one
 * message at a time (each read frees the one slot: its own port event). */
static void read_senders(const char *what, QUEUING_PORT_ID_TYPE port)
{
    APEX_BYTE buf[8];
    MESSAGE_SIZE_TYPE len;
    RETURN_CODE_TYPE r;

    command(what);
    rtems_task_wake_after(300);
    for (int i = 0; i < 4; i++) {
        RECEIVE_QUEUING_MESSAGE(port, INFINITE_TIME_VALUE, buf, &len, &r);
        check("receive", r);
        printf("QRECV: %s read %.*s\n", what, (int)len, (const char *)buf);
        rtems_task_wake_after(20);
    }
}

rtems_task Init(rtems_task_argument arg)
{
    RETURN_CODE_TYPE r;

    (void)arg;
    init_id = rtems_task_self();
    printf("QRECV: start\n");
    CREATE_QUEUING_PORT("f_in", 8, 4, DESTINATION, FIFO, &fifo, &r);
    check("create f_in", r);
    CREATE_QUEUING_PORT("p_in", 8, 4, DESTINATION, PRIORITY, &prio, &r);
    check("create p_in", r);
    CREATE_QUEUING_PORT("ctl_out", 8, 2, SOURCE, FIFO, &ctl, &r);
    check("create ctl_out", r);
    CREATE_QUEUING_PORT("sf_in", 8, 1, DESTINATION, FIFO, &sfifo, &r);
    check("create sf_in", r);
    CREATE_QUEUING_PORT("sp_in", 8, 1, DESTINATION, FIFO, &sprio, &r);
    check("create sp_in", r);

    /* FIFO: they start waiting in the order A (30), B (20), C (40). */
    start('A', 30, fifo, 0);
    start('B', 20, fifo, 0);
    start('C', 40, fifo, 0);
    command("fifo");
    await_receivers(3);

    /* PRIORITY: X (30) waits 30 ms and gives up, D (30) waits, F (30) and E
     * (20) start waiting after D: E, then D before F (it waited longer). */
    start('X', 30, prio, 30);
    start('D', 30, prio, 0);
    await_receivers(1);
    start('F', 30, prio, 0);
    start('E', 20, prio, 0);
    command("prio");
    await_receivers(3);

    /* Senders blocked on a full port: FIFO A, B, C; PRIORITY C, A, B. */
    read_senders("sfifo", sfifo);
    read_senders("sprio", sprio);

    command("end");
    printf("QRECV: done\n");
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
