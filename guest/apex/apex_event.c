/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ARINC 653 events: CREATE_EVENT, SET_EVENT, RESET_EVENT, WAIT_EVENT,
 * GET_EVENT_ID, GET_EVENT_STATUS. An event is created DOWN; SET_EVENT makes
 * it UP and releases every process waiting on it. Ids are index + 1.
 */
#include "apex_impl.h"

struct event {
    struct apex_object obj;
    EVENT_STATE_TYPE state;
};

static struct event events[MAX_NUMBER_OF_EVENTS];
const struct apex_object_table apex_event_table = APEX_OBJECT_TABLE(events);

static struct event *get(EVENT_ID_TYPE id)
{
    return apex_object_get(&apex_event_table, id);
}

void CREATE_EVENT(const char *EVENT_NAME, EVENT_ID_TYPE *EVENT_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct event *e;

    *EVENT_ID = 0;
    *RETURN_CODE = apex_object_create_check(&apex_event_table, EVENT_NAME);
    if (*RETURN_CODE != NO_ERROR) {
        return;
    }
    e = apex_object_free(&apex_event_table);
    if (e == NULL) {
        *RETURN_CODE = INVALID_CONFIG;
        return;
    }
    e->state = DOWN;
    *EVENT_ID = apex_object_add(&apex_event_table, e, EVENT_NAME, FIFO);
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
    while ((p = apex_waitq_head(&e->obj.q)) != NULL) {
        woken[n++] = apex_wake(p);
    }
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

    rc = apex_wait_begin(e != NULL, TIME_OUT);
    if (rc != NO_ERROR) {
        *RETURN_CODE = rc;
        return;
    }
    rtems_interrupt_local_disable(level);
    if (e->state == DOWN) {
        rc = apex_unavailable(TIME_OUT);
        if (rc == NO_ERROR) {
            rc = apex_block(apex_process_self(), &e->obj.q, NULL, 0, TIME_OUT, &level);
        }
    }
    rtems_interrupt_local_enable(level);
    *RETURN_CODE = rc;
}

void GET_EVENT_ID(const char *EVENT_NAME, EVENT_ID_TYPE *EVENT_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    apex_object_get_id(&apex_event_table, EVENT_NAME, EVENT_ID, RETURN_CODE);
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
    EVENT_STATUS->WAITING_PROCESSES = e->obj.q.count;
    *RETURN_CODE = NO_ERROR;
}
