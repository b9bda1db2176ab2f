/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Sending to and receiving from POSIX message queues (mqueue.c has the
 * rest). Pending messages are kept highest priority first, FIFO within a
 * priority. A message sent while receivers wait is copied into the first
 * receiver's buffer at once; a buffer a receiver frees takes the first
 * blocked sender's message. Both wait queues are in priority order.
 */
#include <rtems.h>

#include "posix_impl.h"
#include "posix_mq_buffers.h"

#include "directive.h"
#include "dispatch.h"
#include "objects.h"
#include "thread.h"
#include "threadq.h"

#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdint.h>
#include <string.h>

static int fail(int error)
{
    errno = error;
    return -1;
}

/* A message arrives at an empty queue that no receiver waits on. */
static void notify(struct posix_mqueue *q)
{
    if (q->notify_armed) {
        q->notify_armed = false;
        posix_sigevent_notify(&q->notification, SI_MESGQ);
    }
}

/* The errno of a wait on q that did not succeed. */
static int wait_errno(rtems_status_code status)
{
    return status == RTEMS_OBJECT_WAS_DELETED ? EBADF : posix_wait_errno(status);
}

static int send(mqd_t mqdes, const char *msg, size_t len, unsigned prio,
                const struct timespec *abstime, bool timed)
{
    port_isr_level level;
    struct posix_mqueue *q;
    struct exec_thread *receiver;
    int error = 0;

    if (prio >= MQ_PRIO_MAX) {
        return fail(EINVAL);
    }
    q = EXEC_OBJECT_LOCK(struct posix_mqueue, &posix_mqueues_info, mqdes, &level);
    if (q == NULL) {
        return fail(EBADF);
    }
    if ((q->oflag & O_ACCMODE) == O_RDONLY) {
        error = EBADF;
    } else if (len > q->msgsize) {
        error = EMSGSIZE;
    } else if ((receiver = exec_tq_first(&q->receivers)) != NULL) {
        memcpy(receiver->wait.buffer, msg, len);
        receiver->wait.size = len;
        receiver->wait.option = prio;
        exec_thread_unblock(receiver, RTEMS_SUCCESSFUL);
        exec_dispatch();
    } else if (posix_mq_put(&q->buffers, msg, len, prio)) {
        if (q->buffers.count == 1) {
            notify(q);
        }
        exec_dispatch();
    } else if ((q->oflag & O_NONBLOCK) != 0 || exec_isr_nest_level != 0) {
        error = EAGAIN; /* an interrupt handler cannot wait, as RTEMS */
    } else if (timed && abstime == NULL) {
        error = EINVAL;
    } else {
        struct exec_thread *executing = exec_executing;

        executing->wait.buffer = (void *)(uintptr_t)msg;
        executing->wait.size = len;
        executing->wait.option = prio;
        error = posix_block_until(&q->senders, CLOCK_REALTIME, abstime);
        if (error == 0) {
            exec_dispatch();
            error =
                executing->wait.status == RTEMS_SUCCESSFUL ? 0 : wait_errno(executing->wait.status);
        }
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error != 0 ? fail(error) : 0;
}

int mq_send(mqd_t mqdes, const char *msg_ptr, size_t msg_len, unsigned int msg_prio)
{
    return send(mqdes, msg_ptr, msg_len, msg_prio, NULL, false);
}

int mq_timedsend(mqd_t mqdes, const char *msg_ptr, size_t msg_len, unsigned int msg_prio,
                 const struct timespec *abstime)
{
    return send(mqdes, msg_ptr, msg_len, msg_prio, abstime, true);
}

/* Moves the first pending message to msg and refills the queue from the
 * first blocked sender. Returns the message's size. */
static size_t dequeue(struct posix_mqueue *q, char *msg, unsigned *prio)
{
    size_t size = posix_mq_take(&q->buffers, msg, prio);
    struct exec_thread *sender = exec_tq_first(&q->senders);

    if (sender != NULL) {
        (void)posix_mq_put(&q->buffers, sender->wait.buffer, sender->wait.size,
                           (unsigned)sender->wait.option);
        exec_thread_unblock(sender, RTEMS_SUCCESSFUL);
    }
    return size;
}

static ssize_t receive(mqd_t mqdes, char *msg, size_t len, unsigned *prio,
                       const struct timespec *abstime, bool timed)
{
    port_isr_level level;
    struct posix_mqueue *q =
        EXEC_OBJECT_LOCK(struct posix_mqueue, &posix_mqueues_info, mqdes, &level);
    size_t size = 0;
    int error = 0;

    if (q == NULL) {
        return fail(EBADF);
    }
    if ((q->oflag & O_ACCMODE) == O_WRONLY) {
        error = EBADF;
    } else if (len < q->msgsize) {
        error = EMSGSIZE;
    } else if (q->buffers.count != 0) {
        size = dequeue(q, msg, prio);
        exec_dispatch();
    } else if ((q->oflag & O_NONBLOCK) != 0 || exec_isr_nest_level != 0) {
        error = EAGAIN;
    } else if (timed && abstime == NULL) {
        error = EINVAL;
    } else {
        struct exec_thread *executing = exec_executing;

        executing->wait.buffer = msg;
        error = posix_block_until(&q->receivers, CLOCK_REALTIME, abstime);
        if (error == 0) {
            exec_dispatch();
            if (executing->wait.status == RTEMS_SUCCESSFUL) {
                size = executing->wait.size;
                if (prio != NULL) {
                    *prio = (unsigned)executing->wait.option;
                }
            } else {
                error = wait_errno(executing->wait.status);
            }
        }
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error != 0 ? fail(error) : (ssize_t)size;
}

ssize_t mq_receive(mqd_t mqdes, char *msg_ptr, size_t msg_len, unsigned int *msg_prio)
{
    return receive(mqdes, msg_ptr, msg_len, msg_prio, NULL, false);
}

ssize_t mq_timedreceive(mqd_t mqdes, char *__restrict msg_ptr, size_t msg_len,
                        unsigned int *__restrict msg_prio,
                        const struct timespec *__restrict abstime)
{
    return receive(mqdes, msg_ptr, msg_len, msg_prio, abstime, true);
}
