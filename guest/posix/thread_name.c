/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Thread names (pthread_setname_np/pthread_getname_np) of any task or
 * POSIX thread, as RTEMS keeps them: a buffer per thread, of which
 * CONFIGURE_MAXIMUM_THREAD_NAME_SIZE bytes (16 by default and at most) are
 * used; a longer name is stored truncated and ERANGE reported.
 * A thread whose name was never set reads as its Classic object name, four
 * characters with the unprintable ones shown as '*' (RTEMS's
 * _Objects_Name_to_string; a name of zero bytes reads as "").
 */
#include <rtems.h>

#include "posix_impl.h"
#include "posix_name.h"

#include "directive.h"
#include "task.h"

#include <errno.h>
#include <pthread.h>
#include <string.h>

int pthread_setname_np(pthread_t thread, const char *name)
{
    struct exec_thread *t;
    port_isr_level level;
    size_t length;

    t = exec_task_lock(thread, &level);
    if (t == NULL) {
        return ESRCH;
    }
    length = posix_name_copy(t->thread_name, name, exec_config.thread_name_size);
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return length >= exec_config.thread_name_size ? ERANGE : 0;
}

int pthread_getname_np(pthread_t thread, char *name, size_t len)
{
    struct exec_thread *t;
    port_isr_level level;
    size_t length;

    t = exec_task_lock(thread, &level);
    if (t == NULL) {
        if (len > 0) {
            name[0] = '\0';
        }
        return ESRCH;
    }
    if (t->thread_name[0] != '\0') {
        length = len > 0 ? posix_name_copy(name, t->thread_name, len) : strlen(t->thread_name);
    } else {
        length = posix_object_name_to_string(t->object.name, name, len);
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return length >= len ? ERANGE : 0;
}
