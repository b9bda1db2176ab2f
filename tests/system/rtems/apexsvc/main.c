/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The APEX service tests' partition: the Init task picks the role by the
 * partition id (1 process, 2 time, 3 intra-partition, 4 health monitor,
 * 5 and 6 errors at the partition level, 7 partition-level actions per
 * error),
 * creates its objects and processes in COLD_START, then sets NORMAL and
 * stops itself (STOP_SELF). The role's driver process ends the partition.
 */
#include <pv/pv.h>
#include <rtems.h>
#include <stdio.h>
#include <string.h>

#include "svc.h"

const char *role = "?";

static const char *const names[] = {"NO_ERROR",      "NO_ACTION",      "NOT_AVAILABLE",
                                    "INVALID_PARAM", "INVALID_CONFIG", "INVALID_MODE",
                                    "TIMED_OUT"};

const char *rc_name(RETURN_CODE_TYPE code)
{
    return (unsigned)code < 7 ? names[code] : "?";
}

void rc(const char *what, RETURN_CODE_TYPE code)
{
    printf("%s rc %s = %s\n", role, what, rc_name(code));
}

PROCESS_ID_TYPE make_process(const char *name, void (*entry)(void), PRIORITY_TYPE priority,
                             SYSTEM_TIME_TYPE period, SYSTEM_TIME_TYPE capacity)
{
    PROCESS_ATTRIBUTE_TYPE a;
    PROCESS_ID_TYPE id = 0;
    RETURN_CODE_TYPE r;
    char what[48];

    memset(&a, 0, sizeof(a));
    strncpy(a.NAME, name, sizeof(a.NAME));
    a.ENTRY_POINT = (SYSTEM_ADDRESS_TYPE)entry;
    a.STACK_SIZE = 8192;
    a.BASE_PRIORITY = priority;
    a.PERIOD = period;
    a.TIME_CAPACITY = capacity;
    a.DEADLINE = HARD;
    CREATE_PROCESS(&a, &id, &r);
    snprintf(what, sizeof(what), "create_%s", name);
    rc(what, r);
    return id;
}

SYSTEM_TIME_TYPE now(void)
{
    SYSTEM_TIME_TYPE t;
    RETURN_CODE_TYPE r;

    GET_TIME(&t, &r);
    return t;
}

void spin_ns(SYSTEM_TIME_TYPE ns)
{
    SYSTEM_TIME_TYPE end = now() + ns;

    while (now() < end) {
    }
}

rtems_task Init(rtems_task_argument arg)
{
    PARTITION_STATUS_TYPE st;
    RETURN_CODE_TYPE r;

    (void)arg;
    if (pv_shared()->partition_id == 7) {
        escalate_early();
    }
    GET_PARTITION_STATUS(&st, &r);
    switch (st.IDENTIFIER) {
    case 1:
        role = "PROC";
        process_role();
        break;
    case 2:
        role = "TIME";
        time_role();
        break;
    case 3:
        role = "INTRA";
        intra_role();
        break;
    case 4:
        role = "HMP";
        errors_role();
        break;
    case 5:
        role = "RST";
        restart_role();
        break;
    case 6:
        role = "NOH";
        nohandler_role();
        break;
    case 7:
        role = "PLV";
        escalate_role();
        break;
    default:
        break;
    }
    printf("%s: NORMAL\n", role);
    SET_PARTITION_MODE(NORMAL, &r);
    GET_PARTITION_STATUS(&st, &r);
    printf("%s: Init stops itself in mode %d\n", role, (int)st.OPERATING_MODE);
    STOP_SELF();
}

/* Init, the processes (at most 12 in a role), the error handler. */
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 1000
#define CONFIGURE_MAXIMUM_TASKS         14
#define CONFIGURE_EXTRA_TASK_STACKS     (14 * 8192)
#define CONFIGURE_INIT_TASK_PRIORITY    1
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
