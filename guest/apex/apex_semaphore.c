/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ARINC 653 counting semaphores: CREATE_SEMAPHORE, WAIT_SEMAPHORE,
 * SIGNAL_SEMAPHORE, GET_SEMAPHORE_ID, GET_SEMAPHORE_STATUS. SIGNAL with
 * processes waiting hands the unit straight to the head of the queue (the
 * value stays 0). Ids are index + 1.
 */
#include "apex_impl.h"

struct semaphore {
    bool used;
    SEMAPHORE_NAME_TYPE name;
    SEMAPHORE_VALUE_TYPE value, max;
    struct apex_waitq q;
};

static struct semaphore sems[MAX_NUMBER_OF_SEMAPHORES];

static struct semaphore *get(SEMAPHORE_ID_TYPE id)
{
    if (id < 1 || id > MAX_NUMBER_OF_SEMAPHORES || !sems[id - 1].used)
        return NULL;
    return &sems[id - 1];
}

static SEMAPHORE_ID_TYPE find(const char *name)
{
    for (int i = 0; i < MAX_NUMBER_OF_SEMAPHORES; i++) {
        if (sems[i].used && apex_name_eq(sems[i].name, name))
            return i + 1;
    }
    return 0;
}

void CREATE_SEMAPHORE(const char *SEMAPHORE_NAME, SEMAPHORE_VALUE_TYPE CURRENT_VALUE,
                      SEMAPHORE_VALUE_TYPE MAXIMUM_VALUE,
                      QUEUING_DISCIPLINE_TYPE QUEUING_DISCIPLINE, SEMAPHORE_ID_TYPE *SEMAPHORE_ID,
                      RETURN_CODE_TYPE *RETURN_CODE)
{
    int i;

    *SEMAPHORE_ID = 0;
    if (!apex_initialising()) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    if (find(SEMAPHORE_NAME)) {
        *RETURN_CODE = NO_ACTION;
        return;
    }
    if (CURRENT_VALUE < 0 || MAXIMUM_VALUE < 1 || MAXIMUM_VALUE > MAX_SEMAPHORE_VALUE ||
        CURRENT_VALUE > MAXIMUM_VALUE ||
        (QUEUING_DISCIPLINE != FIFO && QUEUING_DISCIPLINE != PRIORITY)) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    for (i = 0; i < MAX_NUMBER_OF_SEMAPHORES && sems[i].used; i++) {
    }
    if (i == MAX_NUMBER_OF_SEMAPHORES) {
        *RETURN_CODE = INVALID_CONFIG;
        return;
    }
    apex_name_copy(sems[i].name, SEMAPHORE_NAME);
    sems[i].value = CURRENT_VALUE;
    sems[i].max = MAXIMUM_VALUE;
    sems[i].q.discipline = QUEUING_DISCIPLINE;
    sems[i].q.count = 0;
    sems[i].used = true;
    *SEMAPHORE_ID = i + 1;
    *RETURN_CODE = NO_ERROR;
}

void WAIT_SEMAPHORE(SEMAPHORE_ID_TYPE SEMAPHORE_ID, SYSTEM_TIME_TYPE TIME_OUT,
                    RETURN_CODE_TYPE *RETURN_CODE)
{
    struct semaphore *s = get(SEMAPHORE_ID);
    rtems_interrupt_level level;
    RETURN_CODE_TYPE rc;

    if (s == NULL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    rc = apex_wait_check(TIME_OUT);
    if (rc != NO_ERROR) {
        *RETURN_CODE = rc;
        return;
    }
    rtems_interrupt_local_disable(level);
    if (s->value > 0) {
        s->value--;
    } else {
        rc = apex_unavailable(TIME_OUT);
        if (rc == NO_ERROR)
            rc = apex_block(apex_process_self(), &s->q, NULL, 0, TIME_OUT, &level);
    }
    rtems_interrupt_local_enable(level);
    *RETURN_CODE = rc;
}

void SIGNAL_SEMAPHORE(SEMAPHORE_ID_TYPE SEMAPHORE_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct semaphore *s = get(SEMAPHORE_ID);
    rtems_interrupt_level level;
    struct apex_process *head;
    rtems_id woken = 0;

    if (s == NULL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    *RETURN_CODE = NO_ERROR;
    rtems_interrupt_local_disable(level);
    head = apex_waitq_head(&s->q);
    if (head != NULL)
        woken = apex_wake(head);
    else if (s->value == s->max)
        *RETURN_CODE = NO_ACTION;
    else
        s->value++;
    rtems_interrupt_local_enable(level);
    if (woken)
        apex_notify(&woken, 1);
}

void GET_SEMAPHORE_ID(const char *SEMAPHORE_NAME, SEMAPHORE_ID_TYPE *SEMAPHORE_ID,
                      RETURN_CODE_TYPE *RETURN_CODE)
{
    *SEMAPHORE_ID = find(SEMAPHORE_NAME);
    *RETURN_CODE = *SEMAPHORE_ID ? NO_ERROR : INVALID_CONFIG;
}

void GET_SEMAPHORE_STATUS(SEMAPHORE_ID_TYPE SEMAPHORE_ID, SEMAPHORE_STATUS_TYPE *SEMAPHORE_STATUS,
                          RETURN_CODE_TYPE *RETURN_CODE)
{
    struct semaphore *s = get(SEMAPHORE_ID);

    if (s == NULL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    SEMAPHORE_STATUS->CURRENT_VALUE = s->value;
    SEMAPHORE_STATUS->MAXIMUM_VALUE = s->max;
    SEMAPHORE_STATUS->WAITING_PROCESSES = s->q.count;
    *RETURN_CODE = NO_ERROR;
}
