/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Named POSIX semaphores: sem_open finds or creates one by name in the
 * semaphore table (CONFIGURE_MAXIMUM_POSIX_SEMAPHORES counts both kinds);
 * it lives until it is unlinked and every opener has closed it.
 */
#include <rtems.h>

#include "posix_impl.h"

#include "directive.h"
#include "dispatch.h"
#include "objects.h"
#include "thread.h"
#include "threadq.h"

#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <stdarg.h>
#include <string.h>

static struct posix_semaphore *find_linked(const char *name)
{
    struct posix_semaphore *table = posix_semaphores_info.blocks;

    for (uint32_t i = 0; i < posix_semaphores_info.maximum; i++) {
        struct posix_semaphore *s = &table[i];

        if (s->object.active && s->named && s->linked && strcmp(s->name, name) == 0) {
            return s;
        }
    }
    return NULL;
}

/* The name's length if it is a valid one, else the errno value (negated). */
static int check_name(const char *name)
{
    size_t length;

    if (name == NULL) {
        return -EINVAL;
    }
    length = strlen(name);
    if (length == 0) {
        return -ENOENT;
    }
    if (length > POSIX_SEMAPHORE_NAME_MAX) {
        return -ENAMETOOLONG;
    }
    return (int)length;
}

static sem_t *fail(int error)
{
    errno = error;
    return SEM_FAILED;
}

static int create(const char *name, unsigned value, struct posix_semaphore **created)
{
    struct posix_semaphore *s;

    if (value > SEM_VALUE_MAX) {
        return EINVAL;
    }
    s = (struct posix_semaphore *)(void *)exec_object_allocate(&posix_semaphores_info, 0);
    if (s == NULL) {
        return ENOSPC;
    }
    posix_semaphore_setup(s, value);
    s->named = true;
    s->linked = true;
    s->open_count = 0;
    s->handle = s->object.id;
    strcpy(s->name, name);
    *created = s;
    return 0;
}

sem_t *sem_open(const char *name, int oflag, ...)
{
    struct posix_semaphore *s;
    port_isr_level level;
    int length = check_name(name);
    unsigned value = 0;
    int error = 0;

    if (length < 0) {
        return fail(-length);
    }
    if ((oflag & O_CREAT) != 0) {
        va_list ap;

        va_start(ap, oflag);
        (void)va_arg(ap, unsigned); /* the mode: no permissions in one partition */
        value = va_arg(ap, unsigned);
        va_end(ap);
    }
    level = exec_directive_lock();
    s = find_linked(name);
    if (s != NULL) {
        if ((oflag & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) {
            error = EEXIST;
        }
    } else if ((oflag & O_CREAT) == 0) {
        error = ENOENT;
    } else {
        error = create(name, value, &s);
    }
    if (error == 0) {
        s->open_count++;
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error != 0 ? fail(error) : (sem_t *)&s->handle;
}

/*
 * Frees s once it is unlinked and closed by all. A thread still waiting on
 * it (through a sem_t pointer kept past sem_close) fails with EINVAL: the
 * block may be reused, its queue must be empty.
 */
static void free_if_unused(struct posix_semaphore *s)
{
    struct exec_thread *t;

    if (s->linked || s->open_count != 0) {
        return;
    }
    while ((t = exec_tq_first(&s->waiters)) != NULL) {
        exec_thread_unblock(t, RTEMS_OBJECT_WAS_DELETED);
    }
    exec_object_free(&posix_semaphores_info, &s->object);
}

int sem_close(sem_t *sem)
{
    struct posix_semaphore *s;
    port_isr_level level;
    int error = 0;

    if (sem == NULL) {
        errno = EINVAL;
        return -1;
    }
    s = EXEC_OBJECT_LOCK(struct posix_semaphore, &posix_semaphores_info, *sem, &level);
    if (s == NULL) {
        errno = EINVAL;
        return -1;
    }
    if (!s->named || s->open_count == 0) {
        error = EINVAL;
    } else {
        s->open_count--;
        free_if_unused(s);
        exec_dispatch();
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    if (error != 0) {
        errno = error;
        return -1;
    }
    return 0;
}

int sem_unlink(const char *name)
{
    struct posix_semaphore *s;
    port_isr_level level;
    int length = check_name(name);

    if (length < 0) {
        errno = -length;
        return -1;
    }
    level = exec_directive_lock();
    s = find_linked(name);
    if (s != NULL) {
        s->linked = false;
        s->name[0] = '\0';
        free_if_unused(s);
        exec_dispatch();
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    if (s == NULL) {
        errno = ENOENT;
        return -1;
    }
    return 0;
}
