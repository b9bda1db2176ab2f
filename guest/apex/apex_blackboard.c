/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ARINC 653 blackboards: CREATE_BLACKBOARD, DISPLAY_BLACKBOARD,
 * READ_BLACKBOARD, CLEAR_BLACKBOARD, GET_BLACKBOARD_ID,
 * GET_BLACKBOARD_STATUS. One message, overwritten by each DISPLAY, which
 * also hands it to every process waiting to read. Ids are index + 1.
 */
#include <string.h>

#include "apex_impl.h"

struct blackboard {
    struct apex_object obj;
    EMPTY_INDICATOR_TYPE empty;
    MESSAGE_SIZE_TYPE max_size, length;
    APEX_BYTE *message;
};

static struct blackboard boards[MAX_NUMBER_OF_BLACKBOARDS];
const struct apex_object_table apex_blackboard_table = APEX_OBJECT_TABLE(boards);

static struct blackboard *get(BLACKBOARD_ID_TYPE id)
{
    return apex_object_get(&apex_blackboard_table, id);
}

void CREATE_BLACKBOARD(const char *BLACKBOARD_NAME, MESSAGE_SIZE_TYPE MAX_MESSAGE_SIZE,
                       BLACKBOARD_ID_TYPE *BLACKBOARD_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct blackboard *b;

    *BLACKBOARD_ID = 0;
    *RETURN_CODE = apex_object_create_check(&apex_blackboard_table, BLACKBOARD_NAME);
    if (*RETURN_CODE != NO_ERROR) {
        return;
    }
    if (MAX_MESSAGE_SIZE <= 0 || MAX_MESSAGE_SIZE > SYSTEM_LIMIT_MESSAGE_SIZE) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    b = apex_object_free(&apex_blackboard_table);
    if (b == NULL || (b->message = apex_storage_alloc((size_t)MAX_MESSAGE_SIZE)) == NULL) {
        *RETURN_CODE = INVALID_CONFIG;
        return;
    }
    b->empty = EMPTY;
    b->max_size = MAX_MESSAGE_SIZE;
    b->length = 0;
    *BLACKBOARD_ID = apex_object_add(&apex_blackboard_table, b, BLACKBOARD_NAME, FIFO);
}

void DISPLAY_BLACKBOARD(BLACKBOARD_ID_TYPE BLACKBOARD_ID, MESSAGE_ADDR_TYPE MESSAGE_ADDR,
                        MESSAGE_SIZE_TYPE LENGTH, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct blackboard *b = get(BLACKBOARD_ID);
    rtems_id woken[MAX_NUMBER_OF_PROCESSES];
    rtems_interrupt_level level;
    struct apex_process *p;
    int n = 0;

    if (b == NULL || LENGTH <= 0 || LENGTH > b->max_size || MESSAGE_ADDR == NULL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    rtems_interrupt_local_disable(level);
    memcpy(b->message, MESSAGE_ADDR, (size_t)LENGTH);
    b->length = LENGTH;
    b->empty = OCCUPIED;
    while ((p = apex_waitq_head(&b->obj.q)) != NULL) {
        memcpy(p->wdata, b->message, (size_t)LENGTH);
        p->wlen = LENGTH;
        woken[n++] = apex_wake(p);
    }
    rtems_interrupt_local_enable(level);
    apex_notify(woken, n);
    *RETURN_CODE = NO_ERROR;
}

void READ_BLACKBOARD(BLACKBOARD_ID_TYPE BLACKBOARD_ID, SYSTEM_TIME_TYPE TIME_OUT,
                     MESSAGE_ADDR_TYPE MESSAGE_ADDR, MESSAGE_SIZE_TYPE *LENGTH,
                     RETURN_CODE_TYPE *RETURN_CODE)
{
    struct blackboard *b = get(BLACKBOARD_ID);
    struct apex_process *self = apex_process_self();
    rtems_interrupt_level level;
    RETURN_CODE_TYPE rc;

    *LENGTH = 0;
    rc = apex_wait_begin(b != NULL && MESSAGE_ADDR != NULL, TIME_OUT);
    if (rc != NO_ERROR) {
        *RETURN_CODE = rc;
        return;
    }
    rtems_interrupt_local_disable(level);
    if (b->empty == OCCUPIED) {
        memcpy(MESSAGE_ADDR, b->message, (size_t)b->length);
        *LENGTH = b->length;
    } else {
        rc = apex_unavailable(TIME_OUT);
        if (rc == NO_ERROR) {
            rc = apex_block(self, &b->obj.q, MESSAGE_ADDR, 0, TIME_OUT, &level);
            if (rc == NO_ERROR) {
                *LENGTH = self->wlen;
            }
        }
    }
    rtems_interrupt_local_enable(level);
    *RETURN_CODE = rc;
}

void CLEAR_BLACKBOARD(BLACKBOARD_ID_TYPE BLACKBOARD_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct blackboard *b = get(BLACKBOARD_ID);

    if (b == NULL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    b->empty = EMPTY;
    *RETURN_CODE = NO_ERROR;
}

void GET_BLACKBOARD_ID(const char *BLACKBOARD_NAME, BLACKBOARD_ID_TYPE *BLACKBOARD_ID,
                       RETURN_CODE_TYPE *RETURN_CODE)
{
    apex_object_get_id(&apex_blackboard_table, BLACKBOARD_NAME, BLACKBOARD_ID, RETURN_CODE);
}

void GET_BLACKBOARD_STATUS(BLACKBOARD_ID_TYPE BLACKBOARD_ID,
                           BLACKBOARD_STATUS_TYPE *BLACKBOARD_STATUS, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct blackboard *b = get(BLACKBOARD_ID);

    if (b == NULL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    BLACKBOARD_STATUS->EMPTY_INDICATOR = b->empty;
    BLACKBOARD_STATUS->MAX_MESSAGE_SIZE = b->max_size;
    BLACKBOARD_STATUS->WAITING_PROCESSES = b->obj.q.count;
    *RETURN_CODE = NO_ERROR;
}
