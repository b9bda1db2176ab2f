/* SPDX-License-Identifier: BSD-2-Clause */
/* The message store of a POSIX message queue (see posix_mq_buffers.h). */
#include "posix_mq_buffers.h"

#include <stdint.h>
#include <string.h>

/* The stride of a Classic queue's buffers, so that
 * CONFIGURE_MESSAGE_BUFFERS_FOR_QUEUE counts a POSIX queue right. */
#define STRIDE(size)                                                                               \
    ((sizeof(struct posix_mq_message) + (size) + _Alignof(struct posix_mq_message) - 1) &          \
     ~(_Alignof(struct posix_mq_message) - 1))

static char *bytes_of(struct posix_mq_message *m)
{
    return (char *)(m + 1);
}

size_t posix_mq_storage_size(uint32_t count, size_t size)
{
    size_t stride;

    if (size > POSIX_MQ_SIZE_MAX) {
        return 0;
    }
    stride = STRIDE(size);
    return count > SIZE_MAX / stride ? 0 : stride * count;
}

void posix_mq_buffers_init(struct posix_mq_buffers *b, void *storage, uint32_t count, size_t size)
{
    size_t stride = STRIDE(size);

    b->pending = NULL;
    b->free = NULL;
    b->count = 0;
    for (uint32_t i = count; i-- > 0;) {
        struct posix_mq_message *m =
            (struct posix_mq_message *)(void *)((char *)storage + (size_t)i * stride);

        m->next = b->free;
        b->free = m;
    }
}

static unsigned priority_of(const struct posix_mq_message *m)
{
    return (unsigned)(m->size_priority >> POSIX_MQ_PRIORITY_SHIFT);
}

bool posix_mq_put(struct posix_mq_buffers *b, const void *msg, size_t len, unsigned prio)
{
    struct posix_mq_message *m = b->free;
    struct posix_mq_message **link = &b->pending;

    if (m == NULL) {
        return false;
    }
    b->free = m->next;
    memcpy(bytes_of(m), msg, len);
    m->size_priority = len | (size_t)prio << POSIX_MQ_PRIORITY_SHIFT;
    while (*link != NULL && priority_of(*link) >= prio) {
        link = &(*link)->next;
    }
    m->next = *link;
    *link = m;
    b->count++;
    return true;
}

size_t posix_mq_take(struct posix_mq_buffers *b, void *msg, unsigned *prio)
{
    struct posix_mq_message *m = b->pending;
    size_t size = m->size_priority & POSIX_MQ_SIZE_MAX;

    memcpy(msg, bytes_of(m), size);
    if (prio != NULL) {
        *prio = priority_of(m);
    }
    b->pending = m->next;
    m->next = b->free;
    b->free = m;
    b->count--;
    return size;
}
