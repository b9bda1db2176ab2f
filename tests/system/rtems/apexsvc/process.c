/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Process management (tests/system/test_apex_process.py): CREATE_PROCESS
 * and its errors, START/DELAYED_START before and after NORMAL, STOP,
 * STOP_SELF, SUSPEND, SUSPEND_SELF, RESUME, SET_PRIORITY, GET_PROCESS_ID,
 * GET_PROCESS_STATUS, GET_MY_ID, LOCK/UNLOCK_PREEMPTION. DRIVER (100)
 * runs the scenario; WORKER (50), LOW (10), HIGH (200), DELAY (90), PER
 * (periodic) are its subjects.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc.h"

static PROCESS_ID_TYPE driver, worker, low, high, delay, per, portw, portr;
static QUEUING_PORT_ID_TYPE loop_out, loop_in;
static volatile int worker_count, worker_starts;
static volatile SYSTEM_TIME_TYPE delay_started_at;

static const char *const states[] = {"DORMANT", "READY", "RUNNING", "WAITING"};

static void status(const char *what, PROCESS_ID_TYPE id)
{
    PROCESS_STATUS_TYPE st;
    RETURN_CODE_TYPE r;

    GET_PROCESS_STATUS(id, &st, &r);
    if (r != NO_ERROR) {
        rc(what, r);
        return;
    }
    printf("%s: status %s %s prio=%d base=%d\n", role, what, st.ATTRIBUTES.NAME,
           (int)st.CURRENT_PRIORITY, (int)st.ATTRIBUTES.BASE_PRIORITY);
    printf("%s: state %s = %s\n", role, what,
           (unsigned)st.PROCESS_STATE < 4 ? states[st.PROCESS_STATE] : "?");
}

static void worker_body(void)
{
    RETURN_CODE_TYPE r;
    PROCESS_STATUS_TYPE st;

    worker_starts++;
    GET_PROCESS_STATUS(worker, &st, &r);
    printf("PROC: WORKER start %d prio %d\n", worker_starts, (int)st.CURRENT_PRIORITY);
    if (worker_starts == 1) {
        SUSPEND_SELF(INFINITE_TIME_VALUE, &r);
        rc("worker_suspend_self_resumed", r);
        SUSPEND_SELF(MS(5), &r);
        rc("worker_suspend_self_timeout", r);
        SUSPEND_SELF(0, &r);
        rc("worker_suspend_self_zero", r);
        SUSPEND_SELF(-5, &r);
        rc("worker_suspend_self_bad_time", r);
    }
    for (;;) {
        TIMED_WAIT(MS(1), &r);
        worker_count++;
    }
}

static void low_body(void)
{
    printf("PROC: LOW runs and stops itself\n");
    STOP_SELF();
    printf("PROC: LOW after STOP_SELF\n");
}

static void high_body(void)
{
    printf("PROC: HIGH ran\n");
}

static void delay_body(void)
{
    delay_started_at = now();
    printf("PROC: DELAY runs\n");
}

static void per_body(void)
{
    RETURN_CODE_TYPE r;

    SUSPEND_SELF(MS(1), &r);
    rc("per_suspend_self", r);
    for (;;) {
        PERIODIC_WAIT(&r);
    }
}

/* Waits on loop_in for ever; PORTW is stopped while it waits. */
static void port_body(void)
{
    APEX_BYTE msg[8];
    MESSAGE_SIZE_TYPE len = 0;
    RETURN_CODE_TYPE r;
    PROCESS_ID_TYPE me = 0;

    GET_MY_ID(&me, &r);
    RECEIVE_QUEUING_MESSAGE(loop_in, INFINITE_TIME_VALUE, msg, &len, &r);
    printf("PROC: %s received %.*s %s\n", me == portw ? "PORTW" : "PORTR", (int)len,
           (const char *)msg, rc_name(r));
}

/* A process stopped while it waits on a port leaves the port's queue: the
 * next receiver gets the message. */
static void port_waits(void)
{
    QUEUING_PORT_STATUS_TYPE qs;
    APEX_BYTE msg[8];
    MESSAGE_SIZE_TYPE len;
    LOCK_LEVEL_TYPE level;
    RETURN_CODE_TYPE r;

    START(portw, &r);
    TIMED_WAIT(MS(2), &r);
    status("portw_waiting", portw);
    GET_QUEUING_PORT_STATUS(loop_in, &qs, &r);
    printf("PROC: loop_in waiting %d\n", (int)qs.WAITING_PROCESSES);
    STOP(portw, &r);
    rc("stop_port_waiter", r);
    GET_QUEUING_PORT_STATUS(loop_in, &qs, &r);
    printf("PROC: loop_in waiting after STOP %d\n", (int)qs.WAITING_PROCESSES);
    START(portr, &r);
    TIMED_WAIT(MS(2), &r);
    SEND_QUEUING_MESSAGE(loop_out, (MESSAGE_ADDR_TYPE) "ping", 4, 0, &r);
    rc("send_loop", r);
    TIMED_WAIT(MS(5), &r);
    LOCK_PREEMPTION(&level, &r);
    RECEIVE_QUEUING_MESSAGE(loop_in, MS(1), msg, &len, &r);
    rc("receive_port_locked", r);
    UNLOCK_PREEMPTION(&level, &r);
}

static void counter_frozen(const char *what, bool want_frozen)
{
    RETURN_CODE_TYPE r;
    int before = worker_count;

    TIMED_WAIT(MS(10), &r);
    printf("PROC: WORKER %s: %s\n", what,
           (worker_count == before) == want_frozen ? "as expected" : "WRONG");
}

static void preemption(void)
{
    PARTITION_STATUS_TYPE ps;
    LOCK_LEVEL_TYPE level = -1;
    RETURN_CODE_TYPE r;

    LOCK_PREEMPTION(&level, &r);
    rc("lock", r);
    printf("PROC: lock level %d\n", (int)level);
    LOCK_PREEMPTION(&level, &r);
    printf("PROC: lock level %d\n", (int)level);
    START(high, &r);
    rc("start_high_locked", r);
    GET_PARTITION_STATUS(&ps, &r);
    printf("PROC: partition lock level %d\n", (int)ps.LOCK_LEVEL);
    TIMED_WAIT(MS(1), &r);
    rc("timed_wait_locked", r);
    printf("PROC: locked section ends\n");
    UNLOCK_PREEMPTION(&level, &r);
    rc("unlock", r);
    printf("PROC: unlock level %d\n", (int)level);
    UNLOCK_PREEMPTION(&level, &r);
    printf("PROC: unlock level %d\n", (int)level);
    UNLOCK_PREEMPTION(&level, &r);
    rc("unlock_unlocked", r);
    for (int i = 0; i < MAX_LOCK_LEVEL; i++) {
        LOCK_PREEMPTION(&level, &r);
    }
    printf("PROC: lock level %d\n", (int)level);
    LOCK_PREEMPTION(&level, &r);
    rc("lock_beyond_max", r);
    for (int i = 0; i < MAX_LOCK_LEVEL; i++) {
        UNLOCK_PREEMPTION(&level, &r);
    }
    printf("PROC: unlock level %d\n", (int)level);
}

static void driver_body(void)
{
    PROCESS_ID_TYPE me = 0;
    RETURN_CODE_TYPE r;
    SYSTEM_TIME_TYPE t0;

    printf("PROC: DRIVER runs\n");
    GET_MY_ID(&me, &r);
    rc("get_my_id", r);
    printf("PROC: my id %s\n", me == driver ? "matches" : "WRONG");
    {
        PROCESS_ATTRIBUTE_TYPE a;
        PROCESS_ID_TYPE id;

        memset(&a, 0, sizeof(a));
        strcpy(a.NAME, "LATECOMER");
        a.ENTRY_POINT = (SYSTEM_ADDRESS_TYPE)driver_body;
        a.STACK_SIZE = 8192;
        a.BASE_PRIORITY = 10;
        a.PERIOD = INFINITE_TIME_VALUE;
        a.TIME_CAPACITY = INFINITE_TIME_VALUE;
        CREATE_PROCESS(&a, &id, &r);
        rc("create_process_normal", r);
    }
    status("self", driver);
    status("per_started", per);
    START(worker, &r);
    rc("start_worker", r);
    status("worker_started", worker);
    SET_PRIORITY(worker, 150, &r);
    rc("set_priority_worker", r);
    printf("PROC: DRIVER after SET_PRIORITY\n");
    status("worker_self_suspended", worker);
    SUSPEND(worker, &r);
    rc("suspend_self_suspended", r);
    RESUME(worker, &r);
    rc("resume_worker", r);
    printf("PROC: DRIVER after RESUME\n");
    TIMED_WAIT(MS(20), &r);
    counter_frozen("counts", false);
    SUSPEND(worker, &r);
    rc("suspend_worker", r);
    status("worker_suspended", worker);
    counter_frozen("frozen while suspended", true);
    SUSPEND(worker, &r);
    rc("suspend_again", r);
    RESUME(worker, &r);
    rc("resume_suspended", r);
    counter_frozen("counts after RESUME", false);
    RESUME(worker, &r);
    rc("resume_not_suspended", r);
    SUSPEND(driver, &r);
    rc("suspend_self", r);
    SUSPEND(per, &r);
    rc("suspend_periodic", r);
    SUSPEND(low, &r);
    rc("suspend_dormant", r);
    SUSPEND(12345, &r);
    rc("suspend_bad_id", r);
    RESUME(low, &r);
    rc("resume_dormant", r);
    RESUME(driver, &r);
    rc("resume_self", r);
    RESUME(per, &r);
    rc("resume_periodic", r);
    SET_PRIORITY(12345, 20, &r);
    rc("set_priority_bad_id", r);
    SET_PRIORITY(worker, MIN_PRIORITY_VALUE - 1, &r);
    rc("set_priority_too_low", r);
    SET_PRIORITY(worker, MAX_PRIORITY_VALUE + 1, &r);
    rc("set_priority_too_high", r);
    SET_PRIORITY(low, 20, &r);
    rc("set_priority_dormant", r);
    STOP(worker, &r);
    rc("stop_worker", r);
    status("worker_stopped", worker);
    counter_frozen("frozen while stopped", true);
    STOP(worker, &r);
    rc("stop_dormant", r);
    STOP(driver, &r);
    rc("stop_self", r);
    STOP(12345, &r);
    rc("stop_bad_id", r);
    START(worker, &r);
    rc("restart_worker", r);
    status("worker_restarted", worker);
    TIMED_WAIT(MS(5), &r);
    START(low, &r);
    rc("start_low", r);
    TIMED_WAIT(MS(5), &r);
    status("low_stopped_itself", low);
    START(12345, &r);
    rc("start_bad_id", r);
    t0 = now();
    DELAYED_START(delay, MS(15), &r);
    rc("delayed_start", r);
    status("delay_pending", delay);
    DELAYED_START(delay, MS(15), &r);
    rc("delayed_start_again", r);
    TIMED_WAIT(MS(30), &r);
    printf("PROC: DELAY started %s its delay\n",
           delay_started_at - t0 >= MS(15) ? "after" : "BEFORE");
    status("delay_returned", delay);
    preemption();
    status("high_returned", high);
    port_waits();
    printf("PROC: done\n");
    exit(0);
}

static void create_errors(void)
{
    PROCESS_ATTRIBUTE_TYPE a;
    PROCESS_ID_TYPE id;
    RETURN_CODE_TYPE r;
    static const struct {
        const char *what;
        PRIORITY_TYPE prio;
        STACK_SIZE_TYPE stack;
        SYSTEM_TIME_TYPE period, capacity;
        int deadline;
        bool no_entry;
    } bad[] = {
        {"create_prio_low", 0, 8192, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE, HARD, false},
        {"create_prio_high", 240, 8192, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE, HARD, false},
        {"create_stack_zero", 10, 0, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE, HARD, false},
        {"create_stack_too_big", 10, 2 * 1024 * 1024, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE,
         HARD, false},
        {"create_period_zero", 10, 8192, 0, MS(1), HARD, false},
        {"create_capacity_zero", 10, 8192, INFINITE_TIME_VALUE, 0, HARD, false},
        {"create_capacity_over_period", 10, 8192, MS(10), MS(11), HARD, false},
        {"create_periodic_no_capacity", 10, 8192, MS(10), INFINITE_TIME_VALUE, HARD, false},
        {"create_bad_deadline", 10, 8192, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE, 7, false},
        {"create_no_entry", 10, 8192, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE, HARD, true},
    };

    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        memset(&a, 0, sizeof(a));
        strcpy(a.NAME, "BAD");
        a.ENTRY_POINT = bad[i].no_entry ? NULL : (SYSTEM_ADDRESS_TYPE)high_body;
        a.STACK_SIZE = bad[i].stack;
        a.BASE_PRIORITY = bad[i].prio;
        a.PERIOD = bad[i].period;
        a.TIME_CAPACITY = bad[i].capacity;
        a.DEADLINE = (DEADLINE_TYPE)bad[i].deadline;
        CREATE_PROCESS(&a, &id, &r);
        rc(bad[i].what, r);
    }
}

void process_role(void)
{
    PROCESS_ID_TYPE id;
    RETURN_CODE_TYPE r;
    LOCK_LEVEL_TYPE level;
    char name[MAX_NAME_LENGTH];
    int fill = 0;

    create_errors();
    driver = make_process("DRIVER", driver_body, 100, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    {
        PROCESS_ATTRIBUTE_TYPE a;

        memset(&a, 0, sizeof(a));
        strcpy(a.NAME, "DRIVER");
        a.ENTRY_POINT = (SYSTEM_ADDRESS_TYPE)driver_body;
        a.STACK_SIZE = 8192;
        a.BASE_PRIORITY = 100;
        a.PERIOD = INFINITE_TIME_VALUE;
        a.TIME_CAPACITY = INFINITE_TIME_VALUE;
        CREATE_PROCESS(&a, &id, &r);
        rc("create_process_again", r);
        printf("PROC: the second DRIVER's id is %s\n", id == NULL_PROCESS_ID ? "null" : "set");
    }
    worker = make_process("WORKER", worker_body, 50, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    low = make_process("LOW", low_body, 10, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    high = make_process("HIGH", high_body, 200, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    delay = make_process("DELAY", delay_body, 90, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    per = make_process("PER", per_body, 120, MS(20), MS(10));
    portw = make_process("PORTW", port_body, 60, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    portr = make_process("PORTR", port_body, 55, INFINITE_TIME_VALUE, INFINITE_TIME_VALUE);
    CREATE_QUEUING_PORT("loop_out", 8, 2, SOURCE, FIFO, &loop_out, &r);
    rc("create_loop_out", r);
    CREATE_QUEUING_PORT("loop_in", 8, 2, DESTINATION, FIFO, &loop_in, &r);
    rc("create_loop_in", r);
    /* RTEMS tasks run out (CONFIGURE_MAXIMUM_TASKS) before the table. */
    do {
        PROCESS_ATTRIBUTE_TYPE a;

        memset(&a, 0, sizeof(a));
        snprintf(name, sizeof(name), "FILL%d", fill++);
        strcpy(a.NAME, name);
        a.ENTRY_POINT = (SYSTEM_ADDRESS_TYPE)high_body;
        a.STACK_SIZE = 8192;
        a.BASE_PRIORITY = 1;
        a.PERIOD = INFINITE_TIME_VALUE;
        a.TIME_CAPACITY = INFINITE_TIME_VALUE;
        CREATE_PROCESS(&a, &id, &r);
    } while (r == NO_ERROR && fill < 40);
    rc("create_beyond_tasks", r);
    printf("PROC: created %d FILL processes\n", fill - 1);
    GET_PROCESS_ID("WORKER", &id, &r);
    rc("get_process_id", r);
    printf("PROC: WORKER id %s\n", id == worker ? "matches" : "WRONG");
    GET_PROCESS_ID("NOBODY", &id, &r);
    rc("get_process_id_unknown", r);
    status("worker_created", worker);
    GET_PROCESS_STATUS(12345, NULL, &r);
    rc("get_process_status_bad_id", r);
    GET_MY_ID(&id, &r);
    rc("get_my_id_init", r);
    START(driver, &r);
    rc("start_driver_cold", r);
    status("driver_pending", driver);
    START(driver, &r);
    rc("start_driver_again", r);
    DELAYED_START(per, MS(20), &r);
    rc("delayed_start_beyond_period", r);
    DELAYED_START(per, -1, &r);
    rc("delayed_start_negative", r);
    DELAYED_START(12345, MS(1), &r);
    rc("delayed_start_bad_id", r);
    DELAYED_START(per, MS(5), &r);
    rc("delayed_start_per", r);
    LOCK_PREEMPTION(&level, &r);
    rc("lock_cold_start", r);
    SUSPEND_SELF(MS(1), &r);
    rc("suspend_self_init", r);
}
