/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ARINC 653 buffers: CREATE_BUFFER, SEND_BUFFER, RECEIVE_BUFFER,
 * GET_BUFFER_ID, GET_BUFFER_STATUS. A FIFO of messages of up to
 * MAX_MESSAGE_SIZE bytes; one wait queue holds the receivers while it is
 * empty or the senders while it is full (never both). A send to an empty
 * buffer with receivers waiting goes straight into the head receiver's
 * memory; a receive from a full buffer with senders waiting moves the head
 * sender's message into the freed slot. Ids are index + 1.
 */
#include <string.h>

#include "apex_impl.h"

struct buffer {
    struct apex_object obj;
    MESSAGE_SIZE_TYPE max_size;
    MESSAGE_RANGE_TYPE max_nb, nb, first;
    APEX_BYTE *slots;          /* max_nb slots of max_size bytes */
    MESSAGE_SIZE_TYPE *length; /* of each slot */
};

static struct buffer buffers[MAX_NUMBER_OF_BUFFERS];
const struct apex_object_table apex_buffer_table = APEX_OBJECT_TABLE(buffers);

static struct buffer *get(BUFFER_ID_TYPE id)
{
    return apex_object_get(&apex_buffer_table, id);
}

void CREATE_BUFFER(const char *BUFFER_NAME, MESSAGE_SIZE_TYPE MAX_MESSAGE_SIZE,
                   MESSAGE_RANGE_TYPE MAX_NB_MESSAGE, QUEUING_DISCIPLINE_TYPE QUEUING_DISCIPLINE,
                   BUFFER_ID_TYPE *BUFFER_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct buffer *b;

    *BUFFER_ID = 0;
    *RETURN_CODE = apex_object_create_check(&apex_buffer_table, BUFFER_NAME);
    if (*RETURN_CODE != NO_ERROR) {
        return;
    }
    if (MAX_MESSAGE_SIZE <= 0 || MAX_MESSAGE_SIZE > SYSTEM_LIMIT_MESSAGE_SIZE ||
        MAX_NB_MESSAGE <= 0 || MAX_NB_MESSAGE > SYSTEM_LIMIT_NUMBER_OF_MESSAGES ||
        (QUEUING_DISCIPLINE != FIFO && QUEUING_DISCIPLINE != PRIORITY)) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    b = apex_object_free(&apex_buffer_table);
    if (b == NULL ||
        (b->slots = apex_storage_alloc((size_t)MAX_NB_MESSAGE * (size_t)MAX_MESSAGE_SIZE)) ==
            NULL ||
        (b->length = apex_storage_alloc((size_t)MAX_NB_MESSAGE * sizeof(MESSAGE_SIZE_TYPE))) ==
            NULL) {
        *RETURN_CODE = INVALID_CONFIG;
        return;
    }
    b->max_size = MAX_MESSAGE_SIZE;
    b->max_nb = MAX_NB_MESSAGE;
    b->nb = 0;
    b->first = 0;
    *BUFFER_ID = apex_object_add(&apex_buffer_table, b, BUFFER_NAME, QUEUING_DISCIPLINE);
}

static void put(struct buffer *b, const void *msg, MESSAGE_SIZE_TYPE len)
{
    MESSAGE_RANGE_TYPE slot = (b->first + b->nb) % b->max_nb;

    memcpy(b->slots + (size_t)slot * (size_t)b->max_size, msg, (size_t)len);
    b->length[slot] = len;
    b->nb++;
}

static MESSAGE_SIZE_TYPE take(struct buffer *b, void *to)
{
    MESSAGE_SIZE_TYPE len = b->length[b->first];

    memcpy(to, b->slots + (size_t)b->first * (size_t)b->max_size, (size_t)len);
    b->first = (b->first + 1) % b->max_nb;
    b->nb--;
    return len;
}

void SEND_BUFFER(BUFFER_ID_TYPE BUFFER_ID, MESSAGE_ADDR_TYPE MESSAGE_ADDR, MESSAGE_SIZE_TYPE LENGTH,
                 SYSTEM_TIME_TYPE TIME_OUT, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct buffer *b = get(BUFFER_ID);
    rtems_interrupt_level level;
    struct apex_process *head;
    RETURN_CODE_TYPE rc;
    rtems_id woken = 0;

    rc = apex_wait_begin(b != NULL && LENGTH > 0 && LENGTH <= b->max_size && MESSAGE_ADDR != NULL,
                         TIME_OUT);
    if (rc != NO_ERROR) {
        *RETURN_CODE = rc;
        return;
    }
    rtems_interrupt_local_disable(level);
    head = b->nb == 0 ? apex_waitq_head(&b->obj.q) : NULL;
    if (head != NULL) {
        memcpy(head->wdata, MESSAGE_ADDR, (size_t)LENGTH);
        head->wlen = LENGTH;
        woken = apex_wake(head);
    } else if (b->nb < b->max_nb) {
        put(b, MESSAGE_ADDR, LENGTH);
    } else {
        rc = apex_unavailable(TIME_OUT);
        if (rc == NO_ERROR) {
            rc = apex_block(apex_process_self(), &b->obj.q, MESSAGE_ADDR, LENGTH, TIME_OUT, &level);
        }
    }
    rtems_interrupt_local_enable(level);
    if (woken) {
        apex_notify(&woken, 1);
    }
    *RETURN_CODE = rc;
}

void RECEIVE_BUFFER(BUFFER_ID_TYPE BUFFER_ID, SYSTEM_TIME_TYPE TIME_OUT,
                    MESSAGE_ADDR_TYPE MESSAGE_ADDR, MESSAGE_SIZE_TYPE *LENGTH,
                    RETURN_CODE_TYPE *RETURN_CODE)
{
    struct buffer *b = get(BUFFER_ID);
    struct apex_process *self = apex_process_self();
    rtems_interrupt_level level;
    RETURN_CODE_TYPE rc;
    rtems_id woken = 0;

    *LENGTH = 0;
    rc = apex_wait_begin(b != NULL && MESSAGE_ADDR != NULL, TIME_OUT);
    if (rc != NO_ERROR) {
        *RETURN_CODE = rc;
        return;
    }
    rtems_interrupt_local_disable(level);
    if (b->nb > 0) {
        *LENGTH = take(b, MESSAGE_ADDR);
        /* Senders wait only while the buffer is full: the head's message
         * takes the slot just freed. */
        struct apex_process *head = apex_waitq_head(&b->obj.q);

        if (head != NULL) {
            put(b, head->wdata, head->wlen);
            woken = apex_wake(head);
        }
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
    if (woken) {
        apex_notify(&woken, 1);
    }
    *RETURN_CODE = rc;
}

void GET_BUFFER_ID(const char *BUFFER_NAME, BUFFER_ID_TYPE *BUFFER_ID,
                   RETURN_CODE_TYPE *RETURN_CODE)
{
    apex_object_get_id(&apex_buffer_table, BUFFER_NAME, BUFFER_ID, RETURN_CODE);
}

void GET_BUFFER_STATUS(BUFFER_ID_TYPE BUFFER_ID, BUFFER_STATUS_TYPE *BUFFER_STATUS,
                       RETURN_CODE_TYPE *RETURN_CODE)
{
    struct buffer *b = get(BUFFER_ID);

    if (b == NULL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    BUFFER_STATUS->NB_MESSAGE = b->nb;
    BUFFER_STATUS->MAX_NB_MESSAGE = b->max_nb;
    BUFFER_STATUS->MAX_MESSAGE_SIZE = b->max_size;
    BUFFER_STATUS->WAITING_PROCESSES = b->obj.q.count;
    *RETURN_CODE = NO_ERROR;
}
