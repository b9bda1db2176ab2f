/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * pthread_self and pthread_equal, apart from pthread.c: they work in any
 * task, also in an application that configures no POSIX object (RTEMS's
 * psxthreadname01 names Classic tasks by pthread_self()), and must not link
 * the thread code, which needs exec_posix_config.
 */
#include <rtems.h>

#include "dispatch.h"

#include <pthread.h>

pthread_t pthread_self(void)
{
    return exec_executing->object.id;
}

int pthread_equal(pthread_t t1, pthread_t t2)
{
    return t1 == t2;
}
