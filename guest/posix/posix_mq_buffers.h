/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The message store of a POSIX message queue: fixed buffers carved from one
 * storage area, pending messages in priority order. Pure C on
 * <tessera/posix_types.h>, so the host unit test links it as it is.
 */
#ifndef TESSERA_POSIX_MQ_BUFFERS_H
#define TESSERA_POSIX_MQ_BUFFERS_H

#include <tessera/posix_types.h>

#include <stdbool.h>
#include <stddef.h>

/* Bytes of storage for count buffers of messages of up to size bytes, or 0
 * when that overflows or size is above POSIX_MQ_SIZE_MAX. */
size_t posix_mq_storage_size(uint32_t count, size_t size);

/* Makes all count buffers of storage (posix_mq_storage_size bytes) free. */
void posix_mq_buffers_init(struct posix_mq_buffers *b, void *storage, uint32_t count, size_t size);

/*
 * Copies the message into a free buffer, queued after every pending one of
 * the same or a higher priority. false: no free buffer. len must be at most
 * the queue's size, prio below 2^(32 - POSIX_MQ_PRIORITY_SHIFT) (callers
 * check MQ_PRIO_MAX).
 */
bool posix_mq_put(struct posix_mq_buffers *b, const void *msg, size_t len, unsigned prio);

/* Moves the first pending message (there must be one) to msg; *prio gets
 * its priority unless prio is NULL. Returns its size. */
size_t posix_mq_take(struct posix_mq_buffers *b, void *msg, unsigned *prio);

#endif
