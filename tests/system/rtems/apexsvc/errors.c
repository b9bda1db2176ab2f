/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Health monitoring of processes (tests/system/test_apex_errors.py): a
 * process that overruns its time capacity (MISS) raises DEADLINE_MISSED,
 * which the partition's table propagates to the error handler process; the
 * handler stops MISS and stops itself. REP (40) then reports an
 * application message and raises an application error, which the
 * restarted handler sees too; BADMEM's memory violation and BADDIV's
 * division by zero reach it with the failed process and address, and the
 * handler stops them. Last, SOFTY overruns its SOFT deadline: the handler
 * hears DEADLINE_MISSED as for MISS's HARD one, reads the deadline type and
 * lets it run on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc.h"

static PROCESS_ID_TYPE miss, rep, badmem, baddiv, softy;
static volatile int handled;

static const char *const codes[] = {"DEADLINE_MISSED", "APPLICATION_ERROR", "NUMERIC_ERROR",
                                    "ILLEGAL_REQUEST", "STACK_OVERFLOW",    "MEMORY_VIOLATION",
                                    "HARDWARE_FAULT",  "POWER_FAIL"};

static const char *who(PROCESS_ID_TYPE id)
{
    return id == miss     ? "MISS"
           : id == rep    ? "REP"
           : id == badmem ? "BADMEM"
           : id == baddiv ? "BADDIV"
           : id == softy  ? "SOFTY"
                          : "?";
}

static void handler(void)
{
    ERROR_STATUS_TYPE es;
    RETURN_CODE_TYPE r;
    PROCESS_ID_TYPE me;

    GET_MY_ID(&me, &r);
    rc("handler_get_my_id", r);
    GET_ERROR_STATUS(&es, &r);
    rc("handler_get_error_status", r);
    printf("HMP: handler %s failed=%s address=%s message '%.*s'\n",
           (unsigned)es.ERROR_CODE < 8 ? codes[es.ERROR_CODE] : "?", who(es.FAILED_PROCESS_ID),
           es.FAILED_ADDRESS ? "set" : "0", (int)es.LENGTH, (const char *)es.MESSAGE);
    if (es.ERROR_CODE == DEADLINE_MISSED) {
        PROCESS_STATUS_TYPE st;

        GET_PROCESS_STATUS(es.FAILED_PROCESS_ID, &st, &r);
        if (r == NO_ERROR && st.ATTRIBUTES.DEADLINE == SOFT) {
            printf("HMP: handler: %s's deadline is SOFT, it runs on\n", who(es.FAILED_PROCESS_ID));
        }
    }
    if (es.ERROR_CODE != APPLICATION_ERROR && es.FAILED_PROCESS_ID != softy) {
        STOP(es.FAILED_PROCESS_ID, &r);
        rc("handler_stop_failed", r);
    }
    GET_ERROR_STATUS(&es, &r);
    rc("handler_drained", r);
    TIMED_WAIT(MS(1), &r);
    rc("handler_timed_wait", r);
    handled++;
    STOP_SELF();
    printf("HMP: handler after STOP_SELF\n");
}

static void miss_body(void)
{
    printf("HMP: MISS overruns its 5 ms\n");
    spin_ns(MS(30));
    printf("HMP: MISS survived\n");
}

/* Outside every area of the partition. */
static volatile int *volatile nowhere = (volatile int *)0x10;
static volatile int zero;

static void badmem_body(void)
{
    printf("HMP: BADMEM writes through a null pointer\n");
    *nowhere = 1;
    printf("HMP: BADMEM survived\n");
}

static void baddiv_body(void)
{
    printf("HMP: BADDIV divides by zero\n");
    zero = 100 / zero;
    printf("HMP: BADDIV survived\n");
}

static void softy_body(void)
{
    printf("HMP: SOFTY overruns its 5 ms\n");
    spin_ns(MS(15));
    printf("HMP: SOFTY survived its missed deadline\n");
}

static void rep_body(void)
{
    static APEX_BYTE text[] = "hello monitor";
    APEX_BYTE big[MAX_ERROR_MESSAGE_SIZE + 1] = {0};
    ERROR_STATUS_TYPE es;
    RETURN_CODE_TYPE r;

    printf("HMP: REP runs, handled %d\n", handled);
    REPORT_APPLICATION_MESSAGE(text, sizeof(text) - 1, &r);
    rc("report_message", r);
    REPORT_APPLICATION_MESSAGE(text, -1, &r);
    rc("report_message_negative", r);
    REPORT_APPLICATION_MESSAGE(big, sizeof(big), &r);
    rc("report_message_too_long", r);
    GET_ERROR_STATUS(&es, &r);
    rc("get_error_status_process", r);
    RAISE_APPLICATION_ERROR(APPLICATION_ERROR, NULL, 5, &r);
    rc("raise_null_message", r);
    RAISE_APPLICATION_ERROR(APPLICATION_ERROR, text, 5, &r);
    rc("raise", r);
    /* BADMEM and BADDIV run now, and fail. */
    TIMED_WAIT(MS(5), &r);
    printf("HMP: handled %d\n", handled);
    START(softy, &r);
    printf("HMP: after SOFTY handled %d\n", handled);
    printf("HMP: done\n");
    exit(0);
}

void errors_role(void)
{
    RETURN_CODE_TYPE r;

    CREATE_ERROR_HANDLER((SYSTEM_ADDRESS_TYPE)NULL, 8192, &r);
    rc("create_error_handler_null_entry", r);
    CREATE_ERROR_HANDLER((SYSTEM_ADDRESS_TYPE)handler, 8192, &r);
    rc("create_error_handler", r);
    miss = make_process("MISS", miss_body, 50, INFINITE_TIME_VALUE, MS(5));
    rep = make_process("REP", rep_body, 40, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    badmem = make_process("BADMEM", badmem_body, 30, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    baddiv = make_process("BADDIV", baddiv_body, 25, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    {
        PROCESS_ATTRIBUTE_TYPE a;

        memset(&a, 0, sizeof(a));
        strcpy(a.NAME, "SOFTY");
        a.ENTRY_POINT = (SYSTEM_ADDRESS_TYPE)softy_body;
        a.STACK_SIZE = 8192;
        a.BASE_PRIORITY = 45;
        a.PERIOD = INFINITE_TIME_VALUE;
        a.TIME_CAPACITY = MS(5);
        a.DEADLINE = SOFT;
        CREATE_PROCESS(&a, &softy, &r);
        rc("create_softy", r);
    }
    START(miss, &r);
    START(rep, &r);
    START(badmem, &r);
    START(baddiv, &r);
}
