/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Errors that go to the partition level, and the warm start after one
 * (tests/system/test_apex_restart.py). RST: WORKER raises an application
 * error, its error handler reads it and raises one itself, which the
 * partition level answers by the configuration's fatal-error action, a
 * warm restart; in WARM_START (role RSTW) Init creates the handler, the
 * processes and the objects again, and the new handler serves WORKER's
 * next error. NOH: without an error handler, a propagated error goes to the
 * partition level at once (fatal-error: halt).
 */
#include <stdio.h>
#include <stdlib.h>

#include "svc.h"

static PROCESS_ID_TYPE worker, perio;
static volatile int perio_jobs;
static bool warm;

static const char *const modes[] = {"IDLE", "COLD_START", "WARM_START", "NORMAL"};
static const char *const starts[] = {"NORMAL_START", "PARTITION_RESTART", "HM_MODULE_RESTART",
                                     "HM_PARTITION_RESTART"};

static void handler(void)
{
    static APEX_BYTE own[] = "handler's own";
    ERROR_STATUS_TYPE es;
    RETURN_CODE_TYPE r;

    GET_ERROR_STATUS(&es, &r);
    rc("handler_get_error_status", r);
    printf("%s: handler: error %d from %s: '%.*s'\n", role, (int)es.ERROR_CODE,
           es.FAILED_PROCESS_ID == worker ? "WORKER" : "?", (int)es.LENGTH,
           (const char *)es.MESSAGE);
    if (!warm) {
        printf("%s: handler raises an error itself\n", role);
        RAISE_APPLICATION_ERROR(APPLICATION_ERROR, own, sizeof(own) - 1, &r);
        printf("%s: handler survived its own error\n", role);
    }
    STOP_SELF();
}

static void perio_body(void)
{
    RETURN_CODE_TYPE r;

    for (;;) {
        perio_jobs++;
        PERIODIC_WAIT(&r);
    }
}

static void worker_body(void)
{
    static APEX_BYTE first[] = "first", second[] = "second";
    RETURN_CODE_TYPE r;

    TIMED_WAIT(MS(50), &r);
    printf("%s: WORKER runs, PERIO released %s\n", role, perio_jobs > 1 ? "periodically" : "NOT");
    RAISE_APPLICATION_ERROR(APPLICATION_ERROR, warm ? second : first,
                            warm ? sizeof(second) - 1 : sizeof(first) - 1, &r);
    rc("worker_raise", r);
    printf("%s: WORKER carries on\n", role);
    if (warm) {
        printf("%s: done\n", role);
        exit(0);
    }
    STOP_SELF();
}

void restart_role(void)
{
    PARTITION_STATUS_TYPE st;
    SEMAPHORE_ID_TYPE sem;
    BUFFER_ID_TYPE buf;
    RETURN_CODE_TYPE r;

    GET_PARTITION_STATUS(&st, &r);
    warm = st.OPERATING_MODE == WARM_START;
    if (warm) {
        role = "RSTW";
    }
    printf("%s: mode %s start condition %s\n", role,
           (unsigned)st.OPERATING_MODE < 4 ? modes[st.OPERATING_MODE] : "?",
           (unsigned)st.START_CONDITION < 4 ? starts[st.START_CONDITION] : "?");
    CREATE_ERROR_HANDLER((SYSTEM_ADDRESS_TYPE)handler, 8192, &r);
    rc("create_error_handler", r);
    worker = make_process("WORKER", worker_body, 50, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    perio = make_process("PERIO", perio_body, 60, MS(20), MS(5));
    CREATE_SEMAPHORE("S", 0, 1, FIFO, &sem, &r);
    rc("create_semaphore", r);
    CREATE_BUFFER("B", 64, 8, FIFO, &buf, &r);
    rc("create_buffer", r);
    START(worker, &r);
    rc("start_worker", r);
    START(perio, &r);
    rc("start_perio", r);
}

static void noh_body(void)
{
    static APEX_BYTE text[] = "nobody handles";
    RETURN_CODE_TYPE r;

    printf("NOH: P raises an application error, without an error handler\n");
    RAISE_APPLICATION_ERROR(APPLICATION_ERROR, text, sizeof(text) - 1, &r);
    printf("NOH: P carried on\n");
    exit(0);
}

void nohandler_role(void)
{
    RETURN_CODE_TYPE r;
    PROCESS_ID_TYPE p = make_process("P", noh_body, 50, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);

    START(p, &r);
    rc("start_p", r);
}
