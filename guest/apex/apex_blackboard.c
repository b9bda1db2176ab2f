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
    bool used;
    BLACKBOARD_NAME_TYPE name;
    EMPTY_INDICATOR_TYPE empty;
    MESSAGE_SIZE_TYPE max_size, length;
    APEX_BYTE *message;
    struct apex_waitq q;
};

static struct blackboard boards[MAX_NUMBER_OF_BLACKBOARDS];

static struct blackboard *get(BLACKBOARD_ID_TYPE id)
{
    if (id < 1 || id > MAX_NUMBER_OF_BLACKBOARDS || !boards[id - 1].used)
        return NULL;
    return &boards[id - 1];
}

static BLACKBOARD_ID_TYPE find(const char *name)
{
    for (int i = 0; i < MAX_NUMBER_OF_BLACKBOARDS; i++) {
        if (boards[i].used && apex_name_eq(boards[i].name, name))
            return i + 1;
    }
    return 0;
}

void CREATE_BLACKBOARD(const char *BLACKBOARD_NAME, MESSAGE_SIZE_TYPE MAX_MESSAGE_SIZE,
                       BLACKBOARD_ID_TYPE *BLACKBOARD_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    int i;

    *BLACKBOARD_ID = 0;
    if (!apex_initialising()) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    if (find(BLACKBOARD_NAME)) {
        *RETURN_CODE = NO_ACTION;
        return;
    }
    if (MAX_MESSAGE_SIZE <= 0 || MAX_MESSAGE_SIZE > SYSTEM_LIMIT_MESSAGE_SIZE) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    for (i = 0; i < MAX_NUMBER_OF_BLACKBOARDS && boards[i].used; i++) {
    }
    if (i == MAX_NUMBER_OF_BLACKBOARDS ||
        (boards[i].message = apex_storage_alloc((size_t)MAX_MESSAGE_SIZE)) == NULL) {
        *RETURN_CODE = INVALID_CONFIG;
        return;
    }
    apex_name_copy(boards[i].name, BLACKBOARD_NAME);
    boards[i].empty = EMPTY;
    boards[i].max_size = MAX_MESSAGE_SIZE;
    boards[i].length = 0;
    boards[i].q.discipline = FIFO;
    boards[i].q.count = 0;
    boards[i].used = true;
    *BLACKBOARD_ID = i + 1;
    *RETURN_CODE = NO_ERROR;
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
    while ((p = apex_waitq_head(&b->q)) != NULL) {
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
    if (b == NULL || MESSAGE_ADDR == NULL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    rc = apex_wait_check(TIME_OUT);
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
            rc = apex_block(self, &b->q, MESSAGE_ADDR, 0, TIME_OUT, &level);
            if (rc == NO_ERROR)
                *LENGTH = self->wlen;
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
    *BLACKBOARD_ID = find(BLACKBOARD_NAME);
    *RETURN_CODE = *BLACKBOARD_ID ? NO_ERROR : INVALID_CONFIG;
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
    BLACKBOARD_STATUS->WAITING_PROCESSES = b->q.count;
    *RETURN_CODE = NO_ERROR;
}
