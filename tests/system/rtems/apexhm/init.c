/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * APEX health-monitor services and the pv port's health-monitor mapping
 * (tests/system/test_apex_hm.py). One image, its role chosen by the
 * partition's configured id:
 *   1 LOG    application-error and deadline-missed logged: RAISE_APPLICATION_
 *            ERROR and SET_PARTITION_MODE return codes, a deadline miss;
 *   2 PROP   the same errors and memory-violation propagated: an error
 *            handler task sees each; a faulting task is suspended while
 *            another task keeps printing;
 *   3 FATAL  fatal-error cold-restarts it once: rtems_fatal, then the start
 *            condition, then a stack overflow (the restart limit halts it).
 * Every line starts with the role's name; "NAME rc CALL = CODE" lines are
 * the return codes the test checks.
 */
#include <apex.h>
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const rc_names[] = {"NO_ERROR",      "NO_ACTION",      "NOT_AVAILABLE",
                                       "INVALID_PARAM", "INVALID_CONFIG", "INVALID_MODE",
                                       "TIMED_OUT"};
static const char *const code_names[] = {"DEADLINE_MISSED", "APPLICATION_ERROR", "NUMERIC_ERROR",
                                         "ILLEGAL_REQUEST", "STACK_OVERFLOW",    "MEMORY_VIOLATION",
                                         "HARDWARE_FAULT",  "POWER_FAIL"};
static const char *const mode_names[] = {"IDLE", "COLD_START", "WARM_START", "NORMAL"};
static const char *const start_names[] = {"NORMAL_START", "PARTITION_RESTART", "HM_MODULE_RESTART",
                                          "HM_PARTITION_RESTART"};

static const char *role = "?";
static rtems_id init_id, bad_id, tick_id;

static void rc(const char *what, RETURN_CODE_TYPE code)
{
    printf("%s rc %s = %s\n", role, what, (unsigned)code < 7 ? rc_names[code] : "?");
}

static PARTITION_STATUS_TYPE status(void)
{
    PARTITION_STATUS_TYPE st;
    RETURN_CODE_TYPE r;

    GET_PARTITION_STATUS(&st, &r);
    rc("partition_status", r);
    printf("%s: status id=%d mode=%s start=%s period=%lld duration=%lld lock=%d\n", role,
           (int)st.IDENTIFIER, mode_names[st.OPERATING_MODE & 3],
           start_names[st.START_CONDITION & 3], (long long)st.PERIOD, (long long)st.DURATION,
           (int)st.LOCK_LEVEL);
    return st;
}

static const char *who(PROCESS_ID_TYPE id)
{
    rtems_id t = (rtems_id)id;

    return t == init_id ? "Init" : t == bad_id ? "BAD" : t == tick_id ? "TICK" : "?";
}

/* Runs ticks clock ticks without blocking. */
static void spin(rtems_interval ticks)
{
    rtems_interval start = rtems_clock_get_ticks_since_boot();

    while (rtems_clock_get_ticks_since_boot() - start < ticks) {
    }
}

/* Misses one deadline of a 2-tick period; returns the period's id. */
static rtems_id miss_deadline(void)
{
    rtems_id period;
    rtems_status_code sc;

    rtems_rate_monotonic_create(rtems_build_name('P', 'E', 'R', '1'), &period);
    rtems_rate_monotonic_period(period, 2);
    spin(5);
    sc = rtems_rate_monotonic_period(period, 2);
    printf("%s: period 0x%08x %s\n", role, (unsigned)period,
           sc == RTEMS_TIMEOUT ? "TIMEOUT" : rtems_status_text(sc));
    rtems_rate_monotonic_delete(period);
    return period;
}

/* ---- LOG ---- */

static void log_role(void)
{
    APEX_BYTE text[MAX_ERROR_MESSAGE_SIZE + 1] = "logged";
    ERROR_STATUS_TYPE es;
    RETURN_CODE_TYPE r;

    status();
    GET_ERROR_STATUS(&es, &r);
    rc("get_status_no_handler", r);
    RAISE_APPLICATION_ERROR(DEADLINE_MISSED, text, 6, &r);
    rc("raise_wrong_code", r);
    RAISE_APPLICATION_ERROR(APPLICATION_ERROR, text, -1, &r);
    rc("raise_negative_length", r);
    RAISE_APPLICATION_ERROR(APPLICATION_ERROR, text, MAX_ERROR_MESSAGE_SIZE + 1, &r);
    rc("raise_too_long", r);
    RAISE_APPLICATION_ERROR(APPLICATION_ERROR, text, 6, &r);
    rc("raise_logged", r);
    printf("LOG: carried on\n");
    SET_PARTITION_MODE((OPERATING_MODE_TYPE)7, &r);
    rc("mode_invalid", r);
    SET_PARTITION_MODE(WARM_START, &r);
    rc("mode_warm_from_cold", r);
    SET_PARTITION_MODE(NORMAL, &r);
    rc("mode_normal", r);
    SET_PARTITION_MODE(NORMAL, &r);
    rc("mode_normal_again", r);
    CREATE_ERROR_HANDLER((SYSTEM_ADDRESS_TYPE)log_role, 8192, &r);
    rc("create_handler_in_normal", r);
    {
        SAMPLING_PORT_ID_TYPE late;

        CREATE_SAMPLING_PORT("late", 4, SOURCE, 0, &late, &r);
        rc("create_port_in_normal", r);
    }
    status();
    miss_deadline();
    printf("LOG: done\n");
}

/* ---- PROP ---- */

static void error_handler(void)
{
    ERROR_STATUS_TYPE es;
    RETURN_CODE_TYPE r;

    for (;;) {
        GET_ERROR_STATUS(&es, &r);
        if (r != NO_ERROR) {
            break;
        }
        printf("PROP: handler: %s failed=%s address=%s message '%.*s'\n",
               (unsigned)es.ERROR_CODE < 8 ? code_names[es.ERROR_CODE] : "?",
               who(es.FAILED_PROCESS_ID), es.FAILED_ADDRESS ? "set" : "0", (int)es.LENGTH,
               (const char *)es.MESSAGE);
    }
    rc("get_status_drained", r);
}

static rtems_task tick(rtems_task_argument arg)
{
    (void)arg;
    for (int n = 1; n <= 40; n++) {
        rtems_task_wake_after(4);
        printf("PROP: tick %d\n", n);
    }
    rtems_task_exit();
}

/* Outside every area of the partition; on a 64-bit arch above 4 GiB, so
 * that an address cut to 32 bits on its way to the error handler shows
 * (tests/system/test_apex_hm.py). */
#if UINTPTR_MAX > 0xffffffffu
#define NOWHERE 0x150000010u
#else
#define NOWHERE 0x10u
#endif
static volatile int *volatile nowhere = (volatile int *)NOWHERE;

static rtems_task bad(rtems_task_argument arg)
{
    (void)arg;
    rtems_task_wake_after(10);
    printf("PROP: BAD writes through a null pointer\n");
    *nowhere = 1;
    printf("PROP: BAD survived\n");
    rtems_task_exit();
}

static void prop_role(void)
{
    static APEX_BYTE text[] = "hello handler";
    ERROR_STATUS_TYPE es;
    RETURN_CODE_TYPE r;

    GET_ERROR_STATUS(&es, &r);
    rc("get_status_no_handler", r);
    CREATE_ERROR_HANDLER((SYSTEM_ADDRESS_TYPE)error_handler, 8192, &r);
    rc("create_handler", r);
    CREATE_ERROR_HANDLER((SYSTEM_ADDRESS_TYPE)error_handler, 8192, &r);
    rc("create_handler_again", r);
    GET_ERROR_STATUS(&es, &r);
    rc("get_status_not_handler", r);
    SET_PARTITION_MODE(NORMAL, &r);
    rc("mode_normal", r);
    RAISE_APPLICATION_ERROR(APPLICATION_ERROR, text, sizeof(text) - 1, &r);
    rc("raise_propagated", r);
    rtems_task_wake_after(2);
    miss_deadline();
    rtems_task_wake_after(2);
    rtems_task_create(rtems_build_name('T', 'I', 'C', 'K'), 20, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &tick_id);
    rtems_task_create(rtems_build_name('B', 'A', 'D', ' '), 15, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &bad_id);
    rtems_task_start(tick_id, tick, 0);
    rtems_task_start(bad_id, bad, 0);
    rtems_task_wake_after(200);
    printf("PROP: BAD %s\n",
           rtems_task_is_suspended(bad_id) == RTEMS_ALREADY_SUSPENDED ? "suspended" : "running");
    printf("PROP: done\n");
}

/* ---- FATAL ---- */

static volatile uintptr_t deepest;

/* Recurses until its frame lies below limit, then lets another thread run:
 * the switch finds the stack overrun. */
static void dig(uintptr_t limit)
{
    volatile char frame[32];

    frame[0] = 0;
    deepest = (uintptr_t)frame;
    if ((uintptr_t)frame > limit) {
        dig(limit);
    } else {
        rtems_task_wake_after(1);
    }
    frame[1] = frame[0];
}

#define DIG_STACK 16384u

static rtems_task digger(rtems_task_argument arg)
{
    volatile char top;

    (void)arg;
    /* The area's lowest 576 bytes hold the thread's context (unused FPU
     * image for this task); stop about 400 bytes above the area's start. */
    dig((uintptr_t)&top - DIG_STACK + 500u);
    printf("FATAL: overrun not detected\n");
    rtems_task_exit();
}

static void fatal_role(void)
{
    PARTITION_STATUS_TYPE st = status();
    rtems_id id;

    if (st.START_CONDITION == NORMAL_START) {
        printf("FATAL: calling rtems_fatal\n");
        rtems_fatal(RTEMS_FATAL_SOURCE_APPLICATION, 0x1234);
    }
    printf("FATAL: restarted, now overrunning a stack\n");
    rtems_task_create(rtems_build_name('D', 'I', 'G', ' '), 5, DIG_STACK, RTEMS_DEFAULT_MODES,
                      RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, digger, 0);
    rtems_task_wake_after(20);
    printf("FATAL: survived\n");
}

rtems_task Init(rtems_task_argument arg)
{
    PARTITION_STATUS_TYPE st;
    RETURN_CODE_TYPE r;

    (void)arg;
    init_id = rtems_task_self();
    GET_PARTITION_STATUS(&st, &r);
    switch (st.IDENTIFIER) {
    case 1:
        role = "LOG";
        log_role();
        break;
    case 2:
        role = "PROP";
        prop_role();
        break;
    case 3:
        role = "FATAL";
        fatal_role();
        break;
    default:
        break;
    }
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 1000
#define CONFIGURE_MAXIMUM_TASKS         4
#define CONFIGURE_MAXIMUM_PERIODS       1
#define CONFIGURE_INIT_TASK_PRIORITY    10
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
