/* SPDX-License-Identifier: BSD-2-Clause */
/* Message queue manager. */
#ifndef TESSERA_RTEMS_MESSAGE_H
#define TESSERA_RTEMS_MESSAGE_H

#include <rtems/rtems/attr.h>
#include <rtems/rtems/options.h>
#include <rtems/rtems/status.h>
#include <rtems/rtems/types.h>

/* Header of one message buffer; the message bytes follow it. */
typedef struct exec_message_buffer {
    struct exec_message_buffer *next;
    size_t size;
} exec_message_buffer;

/* One buffer of a queue whose messages are at most _maximum_message_size bytes. */
#define RTEMS_MESSAGE_QUEUE_BUFFER(_maximum_message_size)                                          \
    struct {                                                                                       \
        exec_message_buffer _buffer;                                                               \
        char _message[_maximum_message_size];                                                      \
    }

/* Bytes per buffer as rtems_message_queue_create lays them out. */
#define EXEC_MESSAGE_BUFFER_STRIDE(_size)                                                          \
    ((sizeof(exec_message_buffer) + (size_t)(_size) + _Alignof(exec_message_buffer) - 1) &         \
     ~((size_t) _Alignof(exec_message_buffer) - 1))

typedef struct {
    rtems_name name;
    uint32_t maximum_pending_messages;
    size_t maximum_message_size;
    void *storage_area;
    size_t storage_size;
    void (*storage_free)(void *);
    rtems_attribute attributes;
} rtems_message_queue_config;

rtems_status_code rtems_message_queue_create(rtems_name name, uint32_t count,
                                             size_t max_message_size, rtems_attribute attribute_set,
                                             rtems_id *id);
rtems_status_code rtems_message_queue_construct(const rtems_message_queue_config *config,
                                                rtems_id *id);
rtems_status_code rtems_message_queue_ident(rtems_name name, uint32_t node, rtems_id *id);
rtems_status_code rtems_message_queue_delete(rtems_id id);
rtems_status_code rtems_message_queue_send(rtems_id id, const void *buffer, size_t size);
rtems_status_code rtems_message_queue_urgent(rtems_id id, const void *buffer, size_t size);
rtems_status_code rtems_message_queue_broadcast(rtems_id id, const void *buffer, size_t size,
                                                uint32_t *count);
rtems_status_code rtems_message_queue_receive(rtems_id id, void *buffer, size_t *size,
                                              rtems_option option_set, rtems_interval timeout);
rtems_status_code rtems_message_queue_get_number_pending(rtems_id id, uint32_t *count);
rtems_status_code rtems_message_queue_flush(rtems_id id, uint32_t *count);

#endif
