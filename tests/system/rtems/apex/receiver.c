/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * APEX receiver (partition RECV): every return code of the destination
 * services, a task blocked in RECEIVE while another task of the partition
 * keeps printing, FIFO order, sampling validity expiring, and clearing.
 * It paces SEND through the ack channel.
 */
#include <apex.h>
#include <rtems.h>
#include <stdio.h>

#define MS 1000000LL

static const char *const names[] = {"NO_ERROR",      "NO_ACTION",      "NOT_AVAILABLE",
                                    "INVALID_PARAM", "INVALID_CONFIG", "INVALID_MODE",
                                    "TIMED_OUT"};

static void rc(const char *what, RETURN_CODE_TYPE code)
{
    printf("RECV rc %s = %s\n", what, (unsigned)code < 7 ? names[code] : "?");
}

static SAMPLING_PORT_ID_TYPE s;
static QUEUING_PORT_ID_TYPE q, ack;

static void command(const char *text)
{
    RETURN_CODE_TYPE r;
    MESSAGE_SIZE_TYPE len = 0;

    while (text[len]) {
        len++;
    }
    SEND_QUEUING_MESSAGE(ack, (MESSAGE_ADDR_TYPE)text, len, INFINITE_TIME_VALUE, &r);
    rc(text, r);
}

static void receive(const char *what, SYSTEM_TIME_TYPE timeout)
{
    APEX_BYTE buf[16] = {0};
    MESSAGE_SIZE_TYPE len;
    RETURN_CODE_TYPE r;

    RECEIVE_QUEUING_MESSAGE(q, timeout, buf, &len, &r);
    rc(what, r);
    if (r == NO_ERROR) {
        printf("RECV: got %.*s\n", (int)len, (const char *)buf);
    }
}

static void sample(const char *what)
{
    APEX_BYTE buf[8] = {0};
    SAMPLING_PORT_STATUS_TYPE st;
    MESSAGE_SIZE_TYPE len;
    VALIDITY_TYPE v;
    RETURN_CODE_TYPE r;

    READ_SAMPLING_MESSAGE(s, buf, &len, &v, &r);
    rc(what, r);
    GET_SAMPLING_PORT_STATUS(s, &st, &r);
    printf("RECV: sample %.*s %s, status %s\n", (int)len, (const char *)buf,
           v == VALID ? "VALID" : "INVALID", st.LAST_MSG_VALIDITY == VALID ? "VALID" : "INVALID");
}

static RETURN_CODE_TYPE isr_rc = NO_ERROR;

/* A timer routine runs in interrupt context, where nothing may wait. */
static rtems_timer_service_routine in_isr(rtems_id timer, void *arg)
{
    APEX_BYTE buf[16];
    MESSAGE_SIZE_TYPE len;

    (void)timer;
    (void)arg;
    RECEIVE_QUEUING_MESSAGE(q, 5 * MS, buf, &len, &isr_rc);
}

static void errors(void)
{
    QUEUING_PORT_STATUS_TYPE st;
    APEX_BYTE buf[16] = {0};
    MESSAGE_SIZE_TYPE len;
    rtems_id timer;
    VALIDITY_TYPE v;
    RETURN_CODE_TYPE r;

    CREATE_SAMPLING_PORT("s_in", 8, DESTINATION, 10 * MS, &s, &r), rc("create_refresh", r);
    CREATE_SAMPLING_PORT("s_in", 8, DESTINATION, 20 * MS, &s, &r), rc("create_sampling", r);
    CREATE_QUEUING_PORT("q_in", 16, 2, DESTINATION, 7, &q, &r), rc("create_discipline", r);
    CREATE_QUEUING_PORT("q_in", 16, 2, DESTINATION, FIFO, &q, &r), rc("create_queuing", r);
    CREATE_QUEUING_PORT("ack_out", 16, 2, SOURCE, FIFO, &ack, &r), rc("create_ack", r);
    sample("read_never_written");
    READ_SAMPLING_MESSAGE(99, buf, &len, &v, &r), rc("read_bad_id", r);
    WRITE_SAMPLING_MESSAGE(s, buf, 4, &r), rc("write_on_destination", r);
    SEND_QUEUING_MESSAGE(q, buf, 4, 0, &r), rc("send_on_destination", r);
    receive("receive_empty_no_wait", 0);
    RECEIVE_QUEUING_MESSAGE(99, 0, buf, &len, &r), rc("receive_bad_id", r);
    RECEIVE_QUEUING_MESSAGE(q, -2, buf, &len, &r), rc("receive_bad_timeout", r);
    rtems_timer_create(rtems_build_name('T', 'I', 'M', '1'), &timer);
    rtems_timer_fire_after(timer, 1, in_isr, NULL);
    rtems_task_wake_after(3);
    rc("receive_in_isr", isr_rc);
    GET_QUEUING_PORT_STATUS(q, &st, &r), rc("queuing_status", r);
    printf("RECV: q_in %d of %d, size %d, dir %d, waiting %d\n", (int)st.NB_MESSAGE,
           (int)st.MAX_NB_MESSAGE, (int)st.MAX_MESSAGE_SIZE, (int)st.PORT_DIRECTION,
           (int)st.WAITING_PROCESSES);
}

/* Runs while Init waits in RECEIVE: the wait blocks Init only. */
static rtems_task ticker(rtems_task_argument arg)
{
    (void)arg;
    for (int n = 1; n <= 5; n++) {
        rtems_task_wake_after(2);
        printf("RECV: tick %d\n", n);
    }
    rtems_task_exit();
}

static void timed_out(void)
{
    rtems_interval t0 = rtems_clock_get_ticks_since_boot();

    receive("receive_timeout_20ms", 20 * MS);
    printf("RECV: timed out after %u ms\n", (unsigned)(rtems_clock_get_ticks_since_boot() - t0));
}

static void clear(void)
{
    QUEUING_PORT_STATUS_TYPE st = {0};
    RETURN_CODE_TYPE r;

    command("clear");
    for (int i = 0; i < 200 && st.NB_MESSAGE < 2; i++) {
        rtems_task_wake_after(1);
        GET_QUEUING_PORT_STATUS(q, &st, &r);
    }
    printf("RECV: %d waiting before clear\n", (int)st.NB_MESSAGE);
    CLEAR_QUEUING_PORT(q, &r), rc("clear_destination", r);
    CLEAR_QUEUING_PORT(ack, &r), rc("clear_source", r);
    CLEAR_QUEUING_PORT(99, &r), rc("clear_bad_id", r);
    receive("receive_after_clear", 0);
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id;

    (void)arg;
    printf("RECV: start\n");
    errors();
    timed_out();
    rtems_task_create(rtems_build_name('T', 'I', 'C', 'K'), 20, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, ticker, 0);
    printf("RECV: waiting for m1\n");
    command("go");
    receive("receive_m1", 1000 * MS);
    sample("read_fresh");
    receive("receive_m2", 0);
    receive("receive_m3", 1000 * MS);
    receive("receive_m4", 1000 * MS);
    rtems_task_wake_after(30);
    sample("read_stale");
    clear();
    command("end");
    printf("RECV: done\n");
    rtems_shutdown_executive(0);
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 1000
#define CONFIGURE_MAXIMUM_TASKS         2
#define CONFIGURE_MAXIMUM_TIMERS        1
#define CONFIGURE_INIT_TASK_PRIORITY    10
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
