/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A flight-control process set on ARINC 653 APEX (system apex-demo).
 *
 *   SENSORS  periodic 20 ms, capacity 4 ms: samples the pitch attitude and
 *            displays it on the ATTITUDE blackboard;
 *   LAW      periodic 20 ms, capacity 8 ms: reads ATTITUDE, computes the
 *            elevator command and sends it to the COMMANDS buffer; its fifth
 *            job takes 12 ms (a planted overrun) and misses its deadline;
 *   ACTUATOR aperiodic: applies each command from COMMANDS; after the
 *            twelfth it ends the demo;
 *   error handler: on DEADLINE_MISSED stops the failed process and starts
 *            it again (its next job is a fresh one).
 *
 * Integer arithmetic only: the pitch in centidegrees, the command in
 * centidegrees of elevator.
 */
#include <apex.h>
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JOB_PERIOD 20000000LL /* ns */
#define N_COMMANDS 12
#define GAIN       2 /* elevator per unit of pitch error, negated */

struct attitude {
    int32_t sample;
    int32_t pitch; /* centidegrees */
};

struct command {
    int32_t sample;
    int32_t elevator; /* centidegrees */
};

static BLACKBOARD_ID_TYPE attitude_board;
static BUFFER_ID_TYPE command_buffer;
static PROCESS_ID_TYPE sensors, law, actuator;
static volatile bool overran;

static SYSTEM_TIME_TYPE now(void)
{
    SYSTEM_TIME_TYPE t;
    RETURN_CODE_TYPE r;

    GET_TIME(&t, &r);
    return t;
}

/* A gust, then the aircraft settles: a fixed, repeatable pitch trace. */
static int32_t pitch_at(int32_t sample)
{
    static const int32_t trace[] = {0, 150, 320, 410, 380, 300, 210, 130, 70, 30, 10, 0};

    return trace[sample % (int32_t)(sizeof(trace) / sizeof(trace[0]))];
}

static void sensors_body(void)
{
    RETURN_CODE_TYPE r;

    for (int32_t n = 0;; n++) {
        struct attitude a = {n, pitch_at(n)};

        DISPLAY_BLACKBOARD(attitude_board, (MESSAGE_ADDR_TYPE)&a, sizeof(a), &r);
        PERIODIC_WAIT(&r);
    }
}

static void law_body(void)
{
    struct attitude a = {0, 0};
    MESSAGE_SIZE_TYPE len;
    RETURN_CODE_TYPE r;

    for (;;) {
        READ_BLACKBOARD(attitude_board, 0, (MESSAGE_ADDR_TYPE)&a, &len, &r);
        if (r == NO_ERROR) {
            struct command c = {a.sample, -GAIN * a.pitch};

            if (a.sample == 4 && !overran) {
                SYSTEM_TIME_TYPE end = now() + 12000000LL;

                overran = true;
                printf("LAW: sample %d: re-trimming takes 12 ms\n", (int)a.sample);
                while (now() < end) {
                }
            }
            SEND_BUFFER(command_buffer, (MESSAGE_ADDR_TYPE)&c, sizeof(c), 0, &r);
        }
        PERIODIC_WAIT(&r);
    }
}

static void actuator_body(void)
{
    struct command c = {0, 0};
    MESSAGE_SIZE_TYPE len;
    RETURN_CODE_TYPE r;

    for (int applied = 1; applied <= N_COMMANDS; applied++) {
        RECEIVE_BUFFER(command_buffer, INFINITE_TIME_VALUE, (MESSAGE_ADDR_TYPE)&c, &len, &r);
        printf("ACTUATOR: sample %d pitch %d elevator %d\n", (int)c.sample, (int)pitch_at(c.sample),
               (int)c.elevator);
    }
    printf("FCS: %d commands applied, done\n", N_COMMANDS);
    exit(0);
}

static void error_handler(void)
{
    ERROR_STATUS_TYPE e;
    RETURN_CODE_TYPE r;

    for (GET_ERROR_STATUS(&e, &r); r == NO_ERROR; GET_ERROR_STATUS(&e, &r)) {
        if (e.ERROR_CODE == DEADLINE_MISSED) {
            printf("HANDLER: %s missed its deadline: restarting it\n",
                   e.FAILED_PROCESS_ID == law ? "LAW" : "a process");
            STOP(e.FAILED_PROCESS_ID, &r);
            START(e.FAILED_PROCESS_ID, &r);
        } else {
            printf("HANDLER: error %d\n", (int)e.ERROR_CODE);
        }
    }
    STOP_SELF();
}

static PROCESS_ID_TYPE create(const char *name, void (*entry)(void), PRIORITY_TYPE priority,
                              SYSTEM_TIME_TYPE period, SYSTEM_TIME_TYPE capacity)
{
    PROCESS_ATTRIBUTE_TYPE a;
    PROCESS_ID_TYPE id;
    RETURN_CODE_TYPE r;

    memset(&a, 0, sizeof(a));
    strncpy(a.NAME, name, sizeof(a.NAME) - 1);
    a.ENTRY_POINT = (SYSTEM_ADDRESS_TYPE)entry;
    a.STACK_SIZE = 8192;
    a.BASE_PRIORITY = priority;
    a.PERIOD = period;
    a.TIME_CAPACITY = capacity;
    a.DEADLINE = HARD;
    CREATE_PROCESS(&a, &id, &r);
    if (r != NO_ERROR) {
        printf("FCS: CREATE_PROCESS %s: %d\n", name, (int)r);
    }
    START(id, &r);
    return id;
}

rtems_task Init(rtems_task_argument arg)
{
    RETURN_CODE_TYPE r;

    (void)arg;
    CREATE_ERROR_HANDLER((SYSTEM_ADDRESS_TYPE)error_handler, 8192, &r);
    CREATE_BLACKBOARD("ATTITUDE", sizeof(struct attitude), &attitude_board, &r);
    CREATE_BUFFER("COMMANDS", sizeof(struct command), 4, FIFO, &command_buffer, &r);
    sensors = create("SENSORS", sensors_body, 30, JOB_PERIOD, 4000000LL);
    law = create("LAW", law_body, 20, JOB_PERIOD, 8000000LL);
    actuator = create("ACTUATOR", actuator_body, 10, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    printf("FCS: processes created, going NORMAL\n");
    SET_PARTITION_MODE(NORMAL, &r);
    STOP_SELF();
}

/* Init, three processes, the error handler. */
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 1000
#define CONFIGURE_MAXIMUM_TASKS         5
#define CONFIGURE_EXTRA_TASK_STACKS     (5 * 8192)
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
