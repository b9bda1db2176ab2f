/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ARINC 653 counting semaphores: CREATE_SEMAPHORE, WAIT_SEMAPHORE,
 * SIGNAL_SEMAPHORE, GET_SEMAPHORE_ID, GET_SEMAPHORE_STATUS. SIGNAL with
 * processes waiting hands the unit straight to the head of the queue (the
 * value stays 0). Ids are index + 1.
 */
#include "apex_impl.h"

struct semaphore {
    struct apex_object obj;
    SEMAPHORE_VALUE_TYPE value, max;
};

static struct semaphore sems[MAX_NUMBER_OF_SEMAPHORES];
const struct apex_object_table apex_semaphore_table = APEX_OBJECT_TABLE(sems);

static struct semaphore *get(SEMAPHORE_ID_TYPE id)
{
    return apex_object_get(&apex_semaphore_table, id);
}

void CREATE_SEMAPHORE(const char *SEMAPHORE_NAME, SEMAPHORE_VALUE_TYPE CURRENT_VALUE,
                      SEMAPHORE_VALUE_TYPE MAXIMUM_VALUE,
                      QUEUING_DISCIPLINE_TYPE QUEUING_DISCIPLINE, SEMAPHORE_ID_TYPE *SEMAPHORE_ID,
                      RETURN_CODE_TYPE *RETURN_CODE)
{
    struct semaphore *s;

    *SEMAPHORE_ID = 0;
    *RETURN_CODE = apex_object_create_check(&apex_semaphore_table, SEMAPHORE_NAME);
    if (*RETURN_CODE != NO_ERROR) {
        return;
    }
    if (CURRENT_VALUE < 0 || MAXIMUM_VALUE < 1 || MAXIMUM_VALUE > MAX_SEMAPHORE_VALUE ||
        CURRENT_VALUE > MAXIMUM_VALUE ||
        (QUEUING_DISCIPLINE != FIFO && QUEUING_DISCIPLINE != PRIORITY)) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    s = apex_object_free(&apex_semaphore_table);
    if (s == NULL) {
        *RETURN_CODE = INVALID_CONFIG;
        return;
    }
    s->value = CURRENT_VALUE;
    s->max = MAXIMUM_VALUE;
    *SEMAPHORE_ID = apex_object_add(&apex_semaphore_table, s, SEMAPHORE_NAME, QUEUING_DISCIPLINE);
}

void WAIT_SEMAPHORE(SEMAPHORE_ID_TYPE SEMAPHORE_ID, SYSTEM_TIME_TYPE TIME_OUT,
                    RETURN_CODE_TYPE *RETURN_CODE)
{
    struct semaphore *s = get(SEMAPHORE_ID);
    rtems_interrupt_level level;
    RETURN_CODE_TYPE rc;

    rc = apex_wait_begin(s != NULL, TIME_OUT);
    if (rc != NO_ERROR) {
        *RETURN_CODE = rc;
        return;
    }
    rtems_interrupt_local_disable(level);
    if (s->value > 0) {
        s->value--;
    } else {
        rc = apex_unavailable(TIME_OUT);
        if (rc == NO_ERROR) {
            rc = apex_block(apex_process_self(), &s->obj.q, NULL, 0, TIME_OUT, &level);
        }
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
    head = apex_waitq_head(&s->obj.q);
    if (head != NULL) {
        woken = apex_wake(head);
    } else if (s->value == s->max) {
        *RETURN_CODE = NO_ACTION;
    } else {
        s->value++;
    }
    rtems_interrupt_local_enable(level);
    if (woken) {
        apex_notify(&woken, 1);
    }
}

void GET_SEMAPHORE_ID(const char *SEMAPHORE_NAME, SEMAPHORE_ID_TYPE *SEMAPHORE_ID,
                      RETURN_CODE_TYPE *RETURN_CODE)
{
    apex_object_get_id(&apex_semaphore_table, SEMAPHORE_NAME, SEMAPHORE_ID, RETURN_CODE);
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
    SEMAPHORE_STATUS->WAITING_PROCESSES = s->obj.q.count;
    *RETURN_CODE = NO_ERROR;
}
