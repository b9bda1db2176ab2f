/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * APEX sender (partition SEND): every return code of the source-side
 * services, then the traffic RECV checks. Each "rc" line names a call and
 * its return code; tests/system/test_apex.py holds the expected codes.
 * RECV paces the phases through the ack channel, so no phase depends on
 * how the windows fall.
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
    printf("SEND rc %s = %s\n", what, (unsigned)code < 7 ? names[code] : "?");
}

static QUEUING_PORT_ID_TYPE q, ack;
static SAMPLING_PORT_ID_TYPE s;

static void send(const char *what, const char *text, SYSTEM_TIME_TYPE timeout)
{
    RETURN_CODE_TYPE r;
    MESSAGE_SIZE_TYPE len = 0;

    while (text[len]) {
        len++;
    }
    SEND_QUEUING_MESSAGE(q, (MESSAGE_ADDR_TYPE)text, len, timeout, &r);
    rc(what, r);
}

/* Waits for RECV's next command. */
static void await(void)
{
    APEX_BYTE buf[16] = {0};
    MESSAGE_SIZE_TYPE len;
    RETURN_CODE_TYPE r;

    RECEIVE_QUEUING_MESSAGE(ack, INFINITE_TIME_VALUE, buf, &len, &r);
    printf("SEND: command %.*s (%s)\n", (int)len, (const char *)buf, names[r]);
}

static void errors(void)
{
    SAMPLING_PORT_ID_TYPE id;
    SAMPLING_PORT_STATUS_TYPE sst;
    QUEUING_PORT_STATUS_TYPE qst;
    APEX_BYTE buf[32] = {0};
    MESSAGE_SIZE_TYPE len;
    VALIDITY_TYPE v;
    RETURN_CODE_TYPE r;

    CREATE_SAMPLING_PORT("s_out", 8, SOURCE, 0, &s, &r), rc("create_sampling", r);
    CREATE_SAMPLING_PORT("s_out", 8, SOURCE, 0, &id, &r), rc("create_sampling_again", r);
    CREATE_SAMPLING_PORT("", 8, SOURCE, 0, &id, &r), rc("create_sampling_empty_name", r);
    CREATE_SAMPLING_PORT("nope", 8, SOURCE, 0, &id, &r), rc("create_sampling_unknown", r);
    CREATE_SAMPLING_PORT("q_out", 16, SOURCE, 0, &id, &r), rc("create_sampling_wrong_kind", r);
    CREATE_QUEUING_PORT("q_out", 16, 3, SOURCE, FIFO, &q, &r), rc("create_queuing_depth", r);
    CREATE_QUEUING_PORT("q_out", 32, 2, SOURCE, FIFO, &q, &r), rc("create_queuing_size", r);
    CREATE_QUEUING_PORT("q_out", 16, 2, DESTINATION, FIFO, &q, &r), rc("create_queuing_dir", r);
    CREATE_QUEUING_PORT("q_out", 16, 2, SOURCE, FIFO, &q, &r), rc("create_queuing", r);
    CREATE_QUEUING_PORT("q_out", 16, 2, SOURCE, FIFO, &id, &r), rc("create_queuing_again", r);
    CREATE_QUEUING_PORT("ack_in", 16, 2, DESTINATION, FIFO, &ack, &r), rc("create_ack", r);
    GET_QUEUING_PORT_ID("q_out", &id, &r), rc(id == q ? "get_queuing_id" : "get_queuing_id_bad", r);
    GET_QUEUING_PORT_ID("ack_out", &id, &r), rc("get_queuing_id_unknown", r);
    GET_SAMPLING_PORT_ID("s_out", &id, &r), rc(id == s ? "get_sampling_id" : "get_id_bad", r);
    GET_SAMPLING_PORT_ID("s_in", &id, &r), rc("get_sampling_id_unknown", r);
    WRITE_SAMPLING_MESSAGE(99, buf, 4, &r), rc("write_bad_id", r);
    WRITE_SAMPLING_MESSAGE(s, buf, 0, &r), rc("write_empty", r);
    WRITE_SAMPLING_MESSAGE(s, buf, 9, &r), rc("write_too_long", r);
    READ_SAMPLING_MESSAGE(s, buf, &len, &v, &r), rc("read_on_source", r);
    GET_SAMPLING_PORT_STATUS(99, &sst, &r), rc("sampling_status_bad_id", r);
    GET_SAMPLING_PORT_STATUS(s, &sst, &r), rc("sampling_status", r);
    SEND_QUEUING_MESSAGE(ack, buf, 4, 0, &r), rc("send_on_destination", r);
    SEND_QUEUING_MESSAGE(99, buf, 4, 0, &r), rc("send_bad_id", r);
    SEND_QUEUING_MESSAGE(q, buf, 0, 0, &r), rc("send_empty", r);
    SEND_QUEUING_MESSAGE(q, buf, 17, 0, &r), rc("send_too_long", r);
    SEND_QUEUING_MESSAGE(q, buf, 4, -2, &r), rc("send_bad_timeout", r);
    RECEIVE_QUEUING_MESSAGE(q, 0, buf, &len, &r), rc("receive_on_source", r);
    RECEIVE_QUEUING_MESSAGE(ack, 0, buf, &len, &r), rc("receive_empty_no_wait", r);
    CLEAR_QUEUING_PORT(q, &r), rc("clear_source", r);
    CLEAR_QUEUING_PORT(99, &r), rc("clear_bad_id", r);
    GET_QUEUING_PORT_STATUS(99, &qst, &r), rc("queuing_status_bad_id", r);
    GET_QUEUING_PORT_STATUS(q, &qst, &r), rc("queuing_status", r);
    printf("SEND: q_out max %d size %d dir %d\n", (int)qst.MAX_NB_MESSAGE,
           (int)qst.MAX_MESSAGE_SIZE, (int)qst.PORT_DIRECTION);
}

rtems_task Init(rtems_task_argument arg)
{
    RETURN_CODE_TYPE r;

    (void)arg;
    printf("SEND: start\n");
    errors();
    await(); /* go: RECV has seen the sampling port empty */
    WRITE_SAMPLING_MESSAGE(s, (MESSAGE_ADDR_TYPE) "alt1", 4, &r);
    rc("write", r);
    /* Let RECV sit blocked in RECEIVE for a window of its own. */
    rtems_task_wake_after(12);
    send("send_m1", "m1", 0);
    send("send_m2", "m2", 0);
    send("send_full_no_wait", "m3", 0);
    send("send_full_2ms", "m3", 2 * MS);
    printf("SEND: blocking on a full queue\n");
    send("send_m3_blocking", "m3", INFINITE_TIME_VALUE);
    printf("SEND: m3 sent after blocking\n");
    send("send_m4", "m4", 1000 * MS);
    await(); /* clear */
    send("send_c1", "c1", 0);
    send("send_c2", "c2", 0);
    await(); /* end */
    printf("SEND: done\n");
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
