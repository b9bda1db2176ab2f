/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX message queues (guest/posix). newlib built for *-elf has no
 * <mqueue.h>: as in RTEMS, mqd_t is the id of the queue object, so the
 * open flags (O_NONBLOCK) belong to the queue, not to each mq_open.
 * Names have at most 31 characters; priorities are 0..MQ_PRIO_MAX-1.
 */
#ifndef TESSERA_MQUEUE_H
#define TESSERA_MQUEUE_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t mqd_t;

struct mq_attr {
    long mq_flags;   /* 0 or O_NONBLOCK */
    long mq_maxmsg;  /* messages the queue holds */
    long mq_msgsize; /* largest message, bytes */
    long mq_curmsgs; /* messages now queued */
};

#ifndef MQ_PRIO_MAX
#define MQ_PRIO_MAX 32
#endif

mqd_t mq_open(const char *name, int oflag, ...);
int mq_close(mqd_t mqdes);
int mq_unlink(const char *name);
int mq_send(mqd_t mqdes, const char *msg_ptr, size_t msg_len, unsigned int msg_prio);
int mq_timedsend(mqd_t mqdes, const char *msg_ptr, size_t msg_len, unsigned int msg_prio,
                 const struct timespec *abstime);
ssize_t mq_receive(mqd_t mqdes, char *msg_ptr, size_t msg_len, unsigned int *msg_prio);
ssize_t mq_timedreceive(mqd_t mqdes, char *__restrict msg_ptr, size_t msg_len,
                        unsigned int *__restrict msg_prio,
                        const struct timespec *__restrict abstime);
int mq_getattr(mqd_t mqdes, struct mq_attr *mqstat);
int mq_setattr(mqd_t mqdes, const struct mq_attr *__restrict mqstat,
               struct mq_attr *__restrict omqstat);
int mq_notify(mqd_t mqdes, const struct sigevent *notification);

#ifdef __cplusplus
}
#endif

#endif
