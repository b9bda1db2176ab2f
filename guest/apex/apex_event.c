/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ARINC 653 events: CREATE_EVENT, SET_EVENT, RESET_EVENT, WAIT_EVENT,
 * GET_EVENT_ID, GET_EVENT_STATUS. An event is created DOWN; SET_EVENT makes
 * it UP and releases every process waiting on it. Ids are index + 1.
 */
#include "apex_impl.h"

struct event {
    bool used;
    EVENT_NAME_TYPE name;
    EVENT_STATE_TYPE state;
    struct apex_waitq q;
};

static struct event events[MAX_NUMBER_OF_EVENTS];

static struct event *get(EVENT_ID_TYPE id)
{
    if (id < 1 || id > MAX_NUMBER_OF_EVENTS || !events[id - 1].used)
        return NULL;
    return &events[id - 1];
}

static EVENT_ID_TYPE find(const char *name)
{
    for (int i = 0; i < MAX_NUMBER_OF_EVENTS; i++) {
        if (events[i].used && apex_name_eq(events[i].name, name))
            return i + 1;
    }
    return 0;
}

void CREATE_EVENT(const char *EVENT_NAME, EVENT_ID_TYPE *EVENT_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    int i;

    *EVENT_ID = 0;
    if (!apex_initialising()) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    if (find(EVENT_NAME)) {
        *RETURN_CODE = NO_ACTION;
        return;
    }
    for (i = 0; i < MAX_NUMBER_OF_EVENTS && events[i].used; i++) {
    }
    if (i == MAX_NUMBER_OF_EVENTS) {
        *RETURN_CODE = INVALID_CONFIG;
        return;
    }
    apex_name_copy(events[i].name, EVENT_NAME);
    events[i].state = DOWN;
    events[i].q.discipline = FIFO;
    events[i].q.count = 0;
    events[i].used = true;
    *EVENT_ID = i + 1;
    *RETURN_CODE = NO_ERROR;
}

void SET_EVENT(EVENT_ID_TYPE EVENT_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct event *e = get(EVENT_ID);
    rtems_id woken[MAX_NUMBER_OF_PROCESSES];
    rtems_interrupt_level level;
    struct apex_process *p;
    int n = 0;

    if (e == NULL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    rtems_interrupt_local_disable(level);
    e->state = UP;
    while ((p = apex_waitq_head(&e->q)) != NULL)
        woken[n++] = apex_wake(p);
    rtems_interrupt_local_enable(level);
    apex_notify(woken, n);
    *RETURN_CODE = NO_ERROR;
}

void RESET_EVENT(EVENT_ID_TYPE EVENT_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct event *e = get(EVENT_ID);

    if (e == NULL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    e->state = DOWN;
    *RETURN_CODE = NO_ERROR;
}

void WAIT_EVENT(EVENT_ID_TYPE EVENT_ID, SYSTEM_TIME_TYPE TIME_OUT, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct event *e = get(EVENT_ID);
    rtems_interrupt_level level;
    RETURN_CODE_TYPE rc;

    if (e == NULL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    rc = apex_wait_check(TIME_OUT);
    if (rc != NO_ERROR) {
        *RETURN_CODE = rc;
        return;
    }
    rtems_interrupt_local_disable(level);
    if (e->state == DOWN) {
        rc = apex_unavailable(TIME_OUT);
        if (rc == NO_ERROR)
            rc = apex_block(apex_process_self(), &e->q, NULL, 0, TIME_OUT, &level);
    }
    rtems_interrupt_local_enable(level);
    *RETURN_CODE = rc;
}

void GET_EVENT_ID(const char *EVENT_NAME, EVENT_ID_TYPE *EVENT_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    *EVENT_ID = find(EVENT_NAME);
    *RETURN_CODE = *EVENT_ID ? NO_ERROR : INVALID_CONFIG;
}

void GET_EVENT_STATUS(EVENT_ID_TYPE EVENT_ID, EVENT_STATUS_TYPE *EVENT_STATUS,
                      RETURN_CODE_TYPE *RETURN_CODE)
{
    struct event *e = get(EVENT_ID);

    if (e == NULL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    EVENT_STATUS->EVENT_STATE = e->state;
    EVENT_STATUS->WAITING_PROCESSES = e->q.count;
    *RETURN_CODE = NO_ERROR;
}
