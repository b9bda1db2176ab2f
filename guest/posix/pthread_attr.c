/* SPDX-License-Identifier: BSD-2-Clause */
/* Thread attribute objects: plain data, checked when set. */
#include <rtems.h>

#include "posix_impl.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>

/*
 * RTEMS's defaults: inherit the creator's scheduling (else FIFO at POSIX
 * priority 2), joinable, the POSIX minimum stack.
 */
int pthread_attr_init(pthread_attr_t *attr)
{
    if (attr == NULL) {
        return EINVAL;
    }
    attr->is_initialized = 1;
    attr->stackaddr = NULL;
    attr->stacksize = (int)exec_posix_config.minimum_stack_size;
    attr->contentionscope = PTHREAD_SCOPE_PROCESS;
    attr->inheritsched = PTHREAD_INHERIT_SCHED;
    attr->schedpolicy = SCHED_FIFO;
    attr->schedparam.sched_priority = 2;
    attr->detachstate = PTHREAD_CREATE_JOINABLE;
    return 0;
}

static bool is_valid(const pthread_attr_t *attr)
{
    return attr != NULL && attr->is_initialized;
}

int pthread_attr_destroy(pthread_attr_t *attr)
{
    if (!is_valid(attr)) {
        return EINVAL;
    }
    attr->is_initialized = 0;
    return 0;
}

/* As RTEMS: a size below the POSIX minimum becomes the minimum. */
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t stacksize)
{
    if (!is_valid(attr) || stacksize > INT32_MAX) {
        return EINVAL;
    }
    if (stacksize < exec_posix_config.minimum_stack_size) {
        stacksize = exec_posix_config.minimum_stack_size;
    }
    attr->stacksize = (int)stacksize;
    return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *attr, size_t *stacksize)
{
    if (!is_valid(attr) || stacksize == NULL) {
        return EINVAL;
    }
    *stacksize = (size_t)attr->stacksize;
    return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *attr, int detachstate)
{
    if (!is_valid(attr) ||
        (detachstate != PTHREAD_CREATE_DETACHED && detachstate != PTHREAD_CREATE_JOINABLE)) {
        return EINVAL;
    }
    attr->detachstate = detachstate;
    return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *detachstate)
{
    if (!is_valid(attr) || detachstate == NULL) {
        return EINVAL;
    }
    *detachstate = attr->detachstate;
    return 0;
}

int pthread_attr_setinheritsched(pthread_attr_t *attr, int inheritsched)
{
    if (!is_valid(attr)) {
        return EINVAL;
    }
    if (inheritsched != PTHREAD_INHERIT_SCHED && inheritsched != PTHREAD_EXPLICIT_SCHED) {
        return ENOTSUP;
    }
    attr->inheritsched = inheritsched;
    return 0;
}

int pthread_attr_getinheritsched(const pthread_attr_t *attr, int *inheritsched)
{
    if (!is_valid(attr) || inheritsched == NULL) {
        return EINVAL;
    }
    *inheritsched = attr->inheritsched;
    return 0;
}

int pthread_attr_setschedpolicy(pthread_attr_t *attr, int policy)
{
    if (!is_valid(attr)) {
        return EINVAL;
    }
    if (policy != SCHED_FIFO && policy != SCHED_RR && policy != SCHED_OTHER) {
        return ENOTSUP;
    }
    attr->schedpolicy = policy;
    return 0;
}

int pthread_attr_getschedpolicy(const pthread_attr_t *attr, int *policy)
{
    if (!is_valid(attr) || policy == NULL) {
        return EINVAL;
    }
    *policy = attr->schedpolicy;
    return 0;
}

int pthread_attr_setschedparam(pthread_attr_t *attr, const struct sched_param *param)
{
    if (!is_valid(attr) || param == NULL) {
        return EINVAL;
    }
    attr->schedparam = *param;
    return 0;
}

int pthread_attr_getschedparam(const pthread_attr_t *attr, struct sched_param *param)
{
    if (!is_valid(attr) || param == NULL) {
        return EINVAL;
    }
    *param = attr->schedparam;
    return 0;
}

int pthread_attr_setscope(pthread_attr_t *attr, int contentionscope)
{
    if (!is_valid(attr)) {
        return EINVAL;
    }
    if (contentionscope == PTHREAD_SCOPE_SYSTEM) {
        return ENOTSUP;
    }
    if (contentionscope != PTHREAD_SCOPE_PROCESS) {
        return EINVAL;
    }
    attr->contentionscope = contentionscope;
    return 0;
}

int pthread_attr_getscope(const pthread_attr_t *attr, int *contentionscope)
{
    if (!is_valid(attr) || contentionscope == NULL) {
        return EINVAL;
    }
    *contentionscope = attr->contentionscope;
    return 0;
}
