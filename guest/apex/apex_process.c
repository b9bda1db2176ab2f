/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ARINC 653 processes on RTEMS tasks: CREATE_PROCESS, GET_PROCESS_ID,
 * GET_PROCESS_STATUS, GET_MY_ID, and the partition's transition to NORMAL
 * that releases the processes started while it initialised.
 *
 * A process is an RTEMS task created at CREATE_PROCESS and left dormant;
 * its first START starts the task, later STARTs restart it; STOP suspends
 * it for good (until the next START). The task runs process_body(), which
 * waits for the release point and calls ENTRY_POINT; a process whose
 * ENTRY_POINT returns stops itself.
 */
#include <string.h>

#include "apex_impl.h"

struct apex_process apex_processes[MAX_NUMBER_OF_PROCESSES];

/* RTEMS rounds smaller stacks up; larger ones would not fit a partition. */
#define APEX_MAX_STACK_SIZE (1024u * 1024u)

bool apex_name_eq(const char *a, const char *b)
{
    return strncmp(a, b, MAX_NAME_LENGTH) == 0;
}

void apex_name_copy(char *to, const char *from)
{
    size_t n = strnlen(from, MAX_NAME_LENGTH);

    memset(to, 0, MAX_NAME_LENGTH);
    memcpy(to, from, n);
}

bool apex_initialising(void)
{
    apex_start_check();
    return pv_shared()->mode != PV_MODE_NORMAL;
}

void apex_processes_reset(void)
{
    memset(apex_processes, 0, sizeof(apex_processes));
    apex_lock_level = 0;
}

struct apex_process *apex_process_get(PROCESS_ID_TYPE id)
{
    if (id == NULL_PROCESS_ID) {
        return NULL;
    }
    for (int i = 0; i < MAX_NUMBER_OF_PROCESSES; i++) {
        if (apex_processes[i].used && (PROCESS_ID_TYPE)apex_processes[i].task == id) {
            return &apex_processes[i];
        }
    }
    return NULL;
}

struct apex_process *apex_process_self(void)
{
    return apex_process_get((PROCESS_ID_TYPE)rtems_task_self());
}

bool apex_may_block(void)
{
    return apex_process_self() != NULL && apex_lock_level == 0;
}

static struct apex_process *by_name(const char *name)
{
    for (int i = 0; i < MAX_NUMBER_OF_PROCESSES; i++) {
        if (apex_processes[i].used && apex_name_eq(apex_processes[i].attr.NAME, name)) {
            return &apex_processes[i];
        }
    }
    return NULL;
}

static struct apex_process *free_slot(void)
{
    for (int i = 0; i < MAX_NUMBER_OF_PROCESSES; i++) {
        if (!apex_processes[i].used) {
            return &apex_processes[i];
        }
    }
    return NULL;
}

/* The first four characters name the RTEMS task (for monitors). */
static rtems_name task_name(const char *name)
{
    char c[4] = {' ', ' ', ' ', ' '};

    for (int i = 0; i < 4 && name[i]; i++) {
        c[i] = name[i];
    }
    return rtems_build_name(c[0], c[1], c[2], c[3]);
}

static RETURN_CODE_TYPE check_attributes(const PROCESS_ATTRIBUTE_TYPE *a)
{
    bool periodic = a->PERIOD != INFINITE_TIME_VALUE;

    if (a->ENTRY_POINT == NULL || a->STACK_SIZE == 0 || a->STACK_SIZE > APEX_MAX_STACK_SIZE) {
        return INVALID_PARAM;
    }
    if (a->BASE_PRIORITY < MIN_PRIORITY_VALUE || a->BASE_PRIORITY > MAX_PRIORITY_VALUE) {
        return INVALID_PARAM;
    }
    if (periodic && a->PERIOD <= 0) {
        return INVALID_PARAM;
    }
    if (a->TIME_CAPACITY != INFINITE_TIME_VALUE && a->TIME_CAPACITY <= 0) {
        return INVALID_PARAM;
    }
    /* A periodic process must finish each job within its period. */
    if (periodic && (a->TIME_CAPACITY == INFINITE_TIME_VALUE || a->TIME_CAPACITY > a->PERIOD)) {
        return INVALID_PARAM;
    }
    if (a->DEADLINE != SOFT && a->DEADLINE != HARD) {
        return INVALID_PARAM;
    }
    return NO_ERROR;
}

/* ARINC 653: a periodic process's period is a whole number of the
 * partition's periods (the configuration's major frame). */
static bool period_fits(const PROCESS_ATTRIBUTE_TYPE *a)
{
    struct apex_schedule s;

    if (a->PERIOD == INFINITE_TIME_VALUE) {
        return true;
    }
    apex_schedule_read(&s);
    return s.period != 0 && (uint64_t)a->PERIOD % s.period == 0;
}

static rtems_task process_body(rtems_task_argument index)
{
    struct apex_process *p = &apex_processes[index];

    apex_sleep_until(p, p->release);
    ((void (*)(void))p->attr.ENTRY_POINT)();
    STOP_SELF();
}

/* Starts (or restarts) p's task at its base priority. */
void apex_process_launch(struct apex_process *p)
{
    rtems_task_priority old;

    p->priority = p->attr.BASE_PRIORITY;
    (void)rtems_task_set_priority(p->task, APEX_RTEMS_PRIORITY(p->priority), &old);
    if (!p->ever_started) {
        p->ever_started = true;
        (void)rtems_task_start(p->task, process_body, (rtems_task_argument)(p - apex_processes));
    } else {
        (void)rtems_task_restart(p->task, (rtems_task_argument)(p - apex_processes));
    }
}

void CREATE_PROCESS(PROCESS_ATTRIBUTE_TYPE *ATTRIBUTES, PROCESS_ID_TYPE *PROCESS_ID,
                    RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_process *p;
    RETURN_CODE_TYPE rc;
    rtems_id task;

    *PROCESS_ID = NULL_PROCESS_ID;
    if (!apex_initialising()) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    if (by_name(ATTRIBUTES->NAME) != NULL) {
        *RETURN_CODE = NO_ACTION;
        return;
    }
    rc = check_attributes(ATTRIBUTES);
    if (rc == NO_ERROR && !period_fits(ATTRIBUTES)) {
        rc = INVALID_CONFIG;
    }
    if (rc != NO_ERROR) {
        *RETURN_CODE = rc;
        return;
    }
    p = free_slot();
    if (p == NULL ||
        rtems_task_create(task_name(ATTRIBUTES->NAME),
                          APEX_RTEMS_PRIORITY(ATTRIBUTES->BASE_PRIORITY), ATTRIBUTES->STACK_SIZE,
                          RTEMS_PREEMPT | RTEMS_NO_TIMESLICE | RTEMS_INTERRUPT_LEVEL(0),
                          RTEMS_FLOATING_POINT, &task) != RTEMS_SUCCESSFUL) {
        *RETURN_CODE = INVALID_CONFIG;
        return;
    }
    memset(p, 0, sizeof(*p));
    p->attr = *ATTRIBUTES;
    apex_name_copy(p->attr.NAME, ATTRIBUTES->NAME);
    p->task = task;
    p->priority = ATTRIBUTES->BASE_PRIORITY;
    p->dormant = true;
    apex_deadline_init(p);
    p->used = true;
    *PROCESS_ID = (PROCESS_ID_TYPE)task;
    *RETURN_CODE = NO_ERROR;
}

void apex_processes_normal(void)
{
    bool any = false;

    for (int i = 0; i < MAX_NUMBER_OF_PROCESSES; i++) {
        struct apex_process *p = &apex_processes[i];

        if (!p->used) {
            continue;
        }
        any = true;
        if (p->start_pending) {
            p->start_pending = false;
            p->release = apex_release_base(p) + p->delay;
            p->blocked = p->delay > 0;
            apex_deadline_arm(p, p->release);
            apex_process_launch(p);
        }
    }
    /* ARINC 653: the initialisation ends with NORMAL. The task that set it
     * (RTEMS's Init) carries on below every process. */
    if (any && apex_process_self() == NULL && rtems_task_self() != apex_error_handler_task()) {
        rtems_task_priority old;

        (void)rtems_task_set_priority(RTEMS_SELF, RTEMS_MAXIMUM_PRIORITY, &old);
    }
}

void GET_PROCESS_ID(const char *PROCESS_NAME, PROCESS_ID_TYPE *PROCESS_ID,
                    RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_process *p = by_name(PROCESS_NAME);

    *PROCESS_ID = p ? (PROCESS_ID_TYPE)p->task : NULL_PROCESS_ID;
    *RETURN_CODE = p ? NO_ERROR : INVALID_CONFIG;
}

void GET_MY_ID(PROCESS_ID_TYPE *PROCESS_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_process *p = apex_process_self();

    *PROCESS_ID = p ? (PROCESS_ID_TYPE)p->task : NULL_PROCESS_ID;
    *RETURN_CODE = p ? NO_ERROR : INVALID_MODE;
}

static PROCESS_STATE_TYPE state_of(const struct apex_process *p)
{
    if (p->dormant) {
        return DORMANT;
    }
    if (p->task == rtems_task_self()) {
        return RUNNING;
    }
    if (p->start_pending || p->blocked || p->suspended || p->wq != NULL ||
        rtems_task_is_suspended(p->task) == RTEMS_ALREADY_SUSPENDED) {
        return WAITING;
    }
    return READY;
}

void GET_PROCESS_STATUS(PROCESS_ID_TYPE PROCESS_ID, PROCESS_STATUS_TYPE *PROCESS_STATUS,
                        RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_process *p = apex_process_get(PROCESS_ID);

    if (p == NULL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    PROCESS_STATUS->ATTRIBUTES = p->attr;
    PROCESS_STATUS->CURRENT_PRIORITY = p->priority;
    PROCESS_STATUS->PROCESS_STATE = state_of(p);
    PROCESS_STATUS->DEADLINE_TIME =
        p->deadline_tick ? apex_ticks_to_ns(p->deadline_tick) : INFINITE_TIME_VALUE;
    *RETURN_CODE = NO_ERROR;
}
