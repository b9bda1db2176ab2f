/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX message queues: opening by name, closing, unlinking, attributes and
 * notification (sending and receiving: mqueue_transfer.c). A queue lives in
 * the table CONFIGURE_MAXIMUM_POSIX_MESSAGE_QUEUES sizes, its buffers in
 * the workspace, until it is unlinked and every opener has closed it.
 */
#include <rtems.h>

#include "posix_impl.h"
#include "posix_mq_buffers.h"

#include "directive.h"
#include "dispatch.h"
#include "objects.h"
#include "thread.h"
#include "threadq.h"
#include "workspace.h"

#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

/* mq_open's attributes without an attribute argument (RTEMS's). */
#define DEFAULT_MAXMSG  10
#define DEFAULT_MSGSIZE 16

_Static_assert(sizeof(struct posix_mq_message) == sizeof(exec_message_buffer) &&
                   _Alignof(struct posix_mq_message) == _Alignof(exec_message_buffer),
               "a POSIX message header must take what a Classic one takes");

static int fail(int error)
{
    errno = error;
    return -1;
}

static struct posix_mqueue *find_linked(const char *name)
{
    struct posix_mqueue *table = posix_mqueues_info.blocks;

    for (uint32_t i = 0; i < posix_mqueues_info.maximum; i++) {
        struct posix_mqueue *q = &table[i];

        if (q->object.active && q->linked && strcmp(q->name, name) == 0) {
            return q;
        }
    }
    return NULL;
}

/* 0 for a valid name, else the errno value. */
static int check_name(const char *name)
{
    size_t length;

    if (name == NULL) {
        return EINVAL;
    }
    length = strlen(name);
    if (length == 0) {
        return ENOENT;
    }
    return length > POSIX_MQUEUE_NAME_MAX ? ENAMETOOLONG : 0;
}

/* Gives a fresh queue its buffers: all free, none pending. */
static int set_up(struct posix_mqueue *q, const struct mq_attr *attr, int oflag, const char *name)
{
    long maxmsg = attr != NULL ? attr->mq_maxmsg : DEFAULT_MAXMSG;
    long msgsize = attr != NULL ? attr->mq_msgsize : DEFAULT_MSGSIZE;
    size_t bytes;

    if (maxmsg <= 0 || msgsize <= 0 || (unsigned long)maxmsg > UINT32_MAX) {
        return EINVAL;
    }
    bytes = posix_mq_storage_size((uint32_t)maxmsg, (size_t)msgsize);
    if (bytes == 0) {
        return EINVAL;
    }
    q->storage = exec_workspace_allocate(bytes);
    if (q->storage == NULL) {
        return ENOSPC;
    }
    posix_mq_buffers_init(&q->buffers, q->storage, (uint32_t)maxmsg, (size_t)msgsize);
    q->maxmsg = (uint32_t)maxmsg;
    q->msgsize = (uint32_t)msgsize;
    q->oflag = oflag & (O_ACCMODE | O_NONBLOCK);
    q->linked = true;
    q->open_count = 0;
    q->notify_armed = false;
    exec_tq_init(&q->receivers, EXEC_TQ_PRIORITY);
    exec_tq_init(&q->senders, EXEC_TQ_PRIORITY);
    strcpy(q->name, name);
    return 0;
}

static int create(const char *name, int oflag, const struct mq_attr *attr,
                  struct posix_mqueue **created)
{
    struct posix_mqueue *q =
        (struct posix_mqueue *)(void *)exec_object_allocate(&posix_mqueues_info, 0);
    int error;

    if (q == NULL) {
        return ENFILE;
    }
    error = set_up(q, attr, oflag, name);
    if (error != 0) {
        exec_object_free(&posix_mqueues_info, &q->object);
        return error;
    }
    *created = q;
    return 0;
}

mqd_t mq_open(const char *name, int oflag, ...)
{
    const struct mq_attr *attr = NULL;
    struct posix_mqueue *q;
    port_isr_level level;
    int error = check_name(name);

    if (error != 0) {
        return (mqd_t)fail(error);
    }
    if ((oflag & O_CREAT) != 0) {
        va_list ap;

        va_start(ap, oflag);
        (void)va_arg(ap, unsigned); /* the mode: no permissions in one partition */
        attr = va_arg(ap, const struct mq_attr *);
        va_end(ap);
    }
    level = exec_directive_lock();
    q = find_linked(name);
    if (q != NULL) {
        if ((oflag & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) {
            error = EEXIST;
        }
    } else if ((oflag & O_CREAT) == 0) {
        error = ENOENT;
    } else {
        error = create(name, oflag, attr, &q);
    }
    if (error == 0) {
        q->open_count++;
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error != 0 ? (mqd_t)fail(error) : q->object.id;
}

/*
 * Frees q once it is unlinked and closed by all. A thread still blocked on
 * it (through a descriptor used past mq_close) fails with EBADF.
 */
static void free_if_unused(struct posix_mqueue *q)
{
    struct exec_thread *t;

    if (q->linked || q->open_count != 0) {
        return;
    }
    while ((t = exec_tq_first(&q->receivers)) != NULL) {
        exec_thread_unblock(t, RTEMS_OBJECT_WAS_DELETED);
    }
    while ((t = exec_tq_first(&q->senders)) != NULL) {
        exec_thread_unblock(t, RTEMS_OBJECT_WAS_DELETED);
    }
    exec_workspace_free(q->storage);
    exec_object_free(&posix_mqueues_info, &q->object);
}

int mq_close(mqd_t mqdes)
{
    port_isr_level level;
    struct posix_mqueue *q =
        EXEC_OBJECT_LOCK(struct posix_mqueue, &posix_mqueues_info, mqdes, &level);
    int error = 0;

    if (q == NULL) {
        return fail(EBADF);
    }
    if (q->open_count == 0) {
        error = EBADF;
    } else {
        q->open_count--;
        free_if_unused(q);
        exec_dispatch();
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error != 0 ? fail(error) : 0;
}

int mq_unlink(const char *name)
{
    struct posix_mqueue *q;
    port_isr_level level;
    int error = check_name(name);

    if (error != 0) {
        return fail(error);
    }
    level = exec_directive_lock();
    q = find_linked(name);
    if (q != NULL) {
        q->linked = false;
        q->name[0] = '\0';
        free_if_unused(q);
        exec_dispatch();
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return q == NULL ? fail(ENOENT) : 0;
}

/* mq_getattr and mq_setattr: set (may be NULL) replaces O_NONBLOCK after
 * get (may be NULL) received the attributes. */
static int attributes(mqd_t mqdes, const struct mq_attr *set, struct mq_attr *get)
{
    port_isr_level level;
    struct posix_mqueue *q =
        EXEC_OBJECT_LOCK(struct posix_mqueue, &posix_mqueues_info, mqdes, &level);

    if (q == NULL) {
        return fail(EBADF);
    }
    if (get != NULL) {
        get->mq_flags = q->oflag & O_NONBLOCK;
        get->mq_maxmsg = (long)q->maxmsg;
        get->mq_msgsize = (long)q->msgsize;
        get->mq_curmsgs = (long)q->buffers.count;
    }
    if (set != NULL) {
        q->oflag = (q->oflag & ~O_NONBLOCK) | ((int)set->mq_flags & O_NONBLOCK);
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

int mq_getattr(mqd_t mqdes, struct mq_attr *mqstat)
{
    if (mqstat == NULL) {
        return fail(EINVAL);
    }
    return attributes(mqdes, NULL, mqstat);
}

int mq_setattr(mqd_t mqdes, const struct mq_attr *__restrict mqstat,
               struct mq_attr *__restrict omqstat)
{
    if (mqstat == NULL) {
        return fail(EINVAL);
    }
    return attributes(mqdes, mqstat, omqstat);
}

/*
 * One registration per queue (one process). SIGEV_NONE registers and
 * delivers nothing; SIGEV_SIGNAL sends its signal to the process
 * (posix_sigevent_notify); SIGEV_THREAD is not supported (EINVAL).
 */
int mq_notify(mqd_t mqdes, const struct sigevent *notification)
{
    port_isr_level level;
    struct posix_mqueue *q;
    int error = 0;

    if (notification != NULL && !posix_sigevent_is_supported(notification)) {
        return fail(EINVAL);
    }
    q = EXEC_OBJECT_LOCK(struct posix_mqueue, &posix_mqueues_info, mqdes, &level);
    if (q == NULL) {
        return fail(EBADF);
    }
    if (notification == NULL) {
        q->notify_armed = false;
    } else if (q->notify_armed) {
        error = EBUSY;
    } else {
        q->notification = *notification;
        q->notify_armed = true;
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error != 0 ? fail(error) : 0;
}
