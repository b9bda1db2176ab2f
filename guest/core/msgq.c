/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Message queue manager. Messages are copied into fixed-size buffers taken
 * from the queue's storage; a sender never blocks (RTEMS_TOO_MANY when
 * full), and a message sent while receivers wait goes straight into the
 * first receiver's buffer.
 */
#include <rtems.h>

#include "directive.h"
#include "dispatch.h"
#include "objects.h"
#include "thread.h"
#include "threadq.h"
#include "workspace.h"

#include <port.h>
#include <string.h>

static struct exec_message_queue *mq_lock(rtems_id id, port_isr_level *level)
{
    return EXEC_OBJECT_LOCK(struct exec_message_queue, &exec_message_queues_info, id, level);
}

/*
 * The largest message size whose buffer stride does not overflow; above it
 * RTEMS answers RTEMS_INVALID_SIZE, at or below it an overflowing total
 * RTEMS_INVALID_NUMBER (as _CORE_message_queue_Initialize checks).
 */
#define MESSAGE_SIZE_LIMIT                                                                         \
    (SIZE_MAX - (_Alignof(exec_message_buffer) - 1) - sizeof(exec_message_buffer))

/* Bytes of storage for count buffers of size bytes, or 0 on overflow. */
static size_t storage_size(uint32_t count, size_t size)
{
    size_t stride;

    stride = EXEC_MESSAGE_BUFFER_STRIDE(size);
    if (count > SIZE_MAX / stride) {
        return 0;
    }
    return stride * count;
}

/* Gives a fresh queue its storage and its free buffers. */
static rtems_status_code set_up(struct exec_message_queue *mq,
                                const rtems_message_queue_config *config, bool user_storage)
{
    size_t bytes = storage_size(config->maximum_pending_messages, config->maximum_message_size);
    void *storage;
    size_t stride;

    if (bytes == 0) {
        return RTEMS_INVALID_NUMBER;
    }
    if (user_storage) {
        storage = bytes == config->storage_size ? config->storage_area : NULL;
    } else {
        storage = exec_workspace_allocate(bytes);
    }
    if (storage == NULL) {
        return RTEMS_UNSATISFIED;
    }
    mq->attributes = config->attributes;
    exec_tq_init(&mq->receivers,
                 (config->attributes & RTEMS_PRIORITY) ? EXEC_TQ_PRIORITY : EXEC_TQ_FIFO);
    mq->maximum_pending = config->maximum_pending_messages;
    mq->maximum_size = config->maximum_message_size;
    mq->pending_count = 0;
    mq->pending_head = NULL;
    mq->pending_tail = NULL;
    mq->storage = storage;
    mq->storage_from_workspace = !user_storage;
    mq->storage_free = user_storage ? config->storage_free : NULL;
    mq->free_buffers = NULL;
    stride = EXEC_MESSAGE_BUFFER_STRIDE(config->maximum_message_size);
    for (uint32_t i = config->maximum_pending_messages; i-- > 0;) {
        exec_message_buffer *b = (exec_message_buffer *)(void *)((char *)storage + i * stride);

        b->next = mq->free_buffers;
        mq->free_buffers = b;
    }
    return RTEMS_SUCCESSFUL;
}

static rtems_status_code create(const rtems_message_queue_config *config, rtems_id *id,
                                bool user_storage)
{
    struct exec_message_queue *mq;
    rtems_status_code status;
    port_isr_level level;

    if (config->name == 0) {
        return RTEMS_INVALID_NAME;
    }
    if (id == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (config->maximum_pending_messages == 0) {
        return RTEMS_INVALID_NUMBER;
    }
    if (config->maximum_message_size == 0 || config->maximum_message_size > MESSAGE_SIZE_LIMIT) {
        return RTEMS_INVALID_SIZE;
    }
    mq = EXEC_OBJECT_ALLOCATE_LOCK(struct exec_message_queue, &exec_message_queues_info,
                                   config->name, &level);
    if (mq == NULL) {
        return RTEMS_TOO_MANY;
    }
    status = set_up(mq, config, user_storage);
    if (status == RTEMS_SUCCESSFUL) {
        *id = mq->object.id;
    } else {
        exec_object_free(&exec_message_queues_info, &mq->object);
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_message_queue_create(rtems_name name, uint32_t count,
                                             size_t max_message_size, rtems_attribute attribute_set,
                                             rtems_id *id)
{
    rtems_message_queue_config config = {
        .name = name,
        .maximum_pending_messages = count,
        .maximum_message_size = max_message_size,
        .attributes = attribute_set,
    };

    return create(&config, id, false);
}

rtems_status_code rtems_message_queue_construct(const rtems_message_queue_config *config,
                                                rtems_id *id)
{
    if (config == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    return create(config, id, true);
}

rtems_status_code rtems_message_queue_ident(rtems_name name, uint32_t node, rtems_id *id)
{
    port_isr_level level = exec_directive_lock();
    rtems_status_code status = exec_object_ident(&exec_message_queues_info, name, node, id);

    return exec_directive_unlock(level, status);
}

static void free_storage(struct exec_message_queue *mq)
{
    if (mq->storage_from_workspace) {
        exec_workspace_free(mq->storage);
    } else if (mq->storage_free != NULL) {
        mq->storage_free(mq->storage);
    }
}

rtems_status_code rtems_message_queue_delete(rtems_id id)
{
    struct exec_message_queue *mq;
    struct exec_thread *t;
    port_isr_level level;

    mq = mq_lock(id, &level);
    if (mq == NULL) {
        return RTEMS_INVALID_ID;
    }
    while ((t = exec_tq_first(&mq->receivers)) != NULL) {
        exec_thread_unblock(t, RTEMS_OBJECT_WAS_DELETED);
    }
    free_storage(mq);
    exec_object_free(&exec_message_queues_info, &mq->object);
    exec_dispatch();
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

/* Hands the message to the first waiting receiver; false if none waits. */
static bool deliver_to_receiver(struct exec_message_queue *mq, const void *buffer, size_t size)
{
    struct exec_thread *t = exec_tq_first(&mq->receivers);

    if (t == NULL) {
        return false;
    }
    memcpy(t->wait.buffer, buffer, size);
    t->wait.size = size;
    exec_thread_unblock(t, RTEMS_SUCCESSFUL);
    return true;
}

/* Queues a copy of the message; RTEMS_TOO_MANY if no buffer is free. */
static rtems_status_code enqueue(struct exec_message_queue *mq, const void *buffer, size_t size,
                                 bool urgent)
{
    exec_message_buffer *b = mq->free_buffers;

    if (b == NULL) {
        return RTEMS_TOO_MANY;
    }
    mq->free_buffers = b->next;
    b->size = size;
    memcpy(b + 1, buffer, size);
    if (urgent) {
        b->next = mq->pending_head;
        mq->pending_head = b;
        if (mq->pending_tail == NULL) {
            mq->pending_tail = b;
        }
    } else {
        b->next = NULL;
        if (mq->pending_tail != NULL) {
            mq->pending_tail->next = b;
        } else {
            mq->pending_head = b;
        }
        mq->pending_tail = b;
    }
    mq->pending_count++;
    return RTEMS_SUCCESSFUL;
}

static rtems_status_code submit(rtems_id id, const void *buffer, size_t size, bool urgent)
{
    struct exec_message_queue *mq;
    rtems_status_code status = RTEMS_SUCCESSFUL;
    port_isr_level level;

    if (buffer == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    mq = mq_lock(id, &level);
    if (mq == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (size > mq->maximum_size) {
        status = RTEMS_INVALID_SIZE;
    } else if (deliver_to_receiver(mq, buffer, size)) {
        exec_dispatch();
    } else {
        status = enqueue(mq, buffer, size, urgent);
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_message_queue_send(rtems_id id, const void *buffer, size_t size)
{
    return submit(id, buffer, size, false);
}

rtems_status_code rtems_message_queue_urgent(rtems_id id, const void *buffer, size_t size)
{
    return submit(id, buffer, size, true);
}

rtems_status_code rtems_message_queue_broadcast(rtems_id id, const void *buffer, size_t size,
                                                uint32_t *count)
{
    struct exec_message_queue *mq;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    if (buffer == NULL || count == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    mq = mq_lock(id, &level);
    if (mq == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (size > mq->maximum_size) {
        status = RTEMS_INVALID_SIZE;
    } else {
        uint32_t delivered = 0;

        while (deliver_to_receiver(mq, buffer, size)) {
            delivered++;
        }
        *count = delivered;
        exec_dispatch();
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_message_queue_receive(rtems_id id, void *buffer, size_t *size,
                                              rtems_option option_set, rtems_interval timeout)
{
    struct exec_message_queue *mq;
    struct exec_thread *t;
    exec_message_buffer *b;
    rtems_status_code status;
    port_isr_level level;

    if (buffer == NULL || size == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    mq = mq_lock(id, &level);
    if (mq == NULL) {
        return RTEMS_INVALID_ID;
    }
    b = mq->pending_head;
    if (b != NULL) {
        mq->pending_head = b->next;
        if (mq->pending_head == NULL) {
            mq->pending_tail = NULL;
        }
        mq->pending_count--;
        memcpy(buffer, b + 1, b->size);
        *size = b->size;
        b->next = mq->free_buffers;
        mq->free_buffers = b;
        status = RTEMS_SUCCESSFUL;
    } else if (option_set & RTEMS_NO_WAIT) {
        status = RTEMS_UNSATISFIED;
    } else {
        t = exec_executing;
        t->wait.buffer = buffer;
        exec_thread_block(t, &mq->receivers, EXEC_STATE_BLOCKED, timeout);
        exec_dispatch();
        status = t->wait.status;
        if (status == RTEMS_SUCCESSFUL) {
            *size = t->wait.size;
        }
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_message_queue_get_number_pending(rtems_id id, uint32_t *count)
{
    struct exec_message_queue *mq;
    port_isr_level level;

    if (count == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    mq = mq_lock(id, &level);
    if (mq == NULL) {
        return RTEMS_INVALID_ID;
    }
    *count = mq->pending_count;
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_message_queue_flush(rtems_id id, uint32_t *count)
{
    struct exec_message_queue *mq;
    port_isr_level level;

    if (count == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    mq = mq_lock(id, &level);
    if (mq == NULL) {
        return RTEMS_INVALID_ID;
    }
    *count = mq->pending_count;
    while (mq->pending_head != NULL) {
        exec_message_buffer *b = mq->pending_head;

        mq->pending_head = b->next;
        b->next = mq->free_buffers;
        mq->free_buffers = b;
    }
    mq->pending_tail = NULL;
    mq->pending_count = 0;
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}
