/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX threads: creation, exit, join and detach, scheduling parameters.
 * A POSIX thread is a task of the executive with a POSIX id; the task
 * directives work on it and pthread_self() works in a Classic task.
 */
#include <rtems.h>

#include "posix_impl.h"

#include "directive.h"
#include "dispatch.h"
#include "objects.h"
#include "task.h"
#include "thread.h"
#include "threadq.h"
#include "thread_state.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>

static bool policy_is_valid(int policy)
{
    return policy == SCHED_FIFO || policy == SCHED_RR || policy == SCHED_OTHER;
}

/* As RTEMS: SCHED_FIFO threads are not timesliced, SCHED_RR and SCHED_OTHER are. */
static bool policy_timeslices(int policy)
{
    return policy != SCHED_FIFO;
}

static int executing_policy(void)
{
    struct posix_thread *p = posix_thread_of(exec_executing);

    if (p != NULL) {
        return p->policy;
    }
    return exec_executing->timeslice ? SCHED_RR : SCHED_FIFO;
}

static _Noreturn void thread_body(rtems_task_argument unused)
{
    struct posix_thread *p = posix_thread_of(exec_executing);

    (void)unused;
    pthread_exit(p->start_routine(p->arg));
}

/* The scheduling a new thread gets from attr: policy and Classic priority. */
static int creation_schedule(const pthread_attr_t *attr, int *policy, uint32_t *priority)
{
    if (attr->inheritsched == PTHREAD_INHERIT_SCHED) {
        *policy = executing_policy();
        *priority = exec_executing->real_priority;
        return 0;
    }
    if (attr->inheritsched != PTHREAD_EXPLICIT_SCHED || !policy_is_valid(attr->schedpolicy) ||
        !posix_priority_is_valid(attr->schedparam.sched_priority)) {
        return EINVAL;
    }
    *policy = attr->schedpolicy;
    *priority = posix_priority_to_core(attr->schedparam.sched_priority);
    return 0;
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start_routine)(void *),
                   void *arg)
{
    pthread_attr_t defaults;
    rtems_task_config config = {.name = 0, .attributes = RTEMS_FLOATING_POINT};
    struct posix_thread *p;
    rtems_id id;
    port_isr_level level;
    int policy;
    int error;

    if (start_routine == NULL) {
        return EFAULT;
    }
    if (thread == NULL) {
        return EINVAL;
    }
    if (attr == NULL) {
        (void)pthread_attr_init(&defaults);
        attr = &defaults;
    }
    if (!attr->is_initialized || (size_t)attr->stacksize < exec_config.minimum_stack_size) {
        return EINVAL;
    }
    if (attr->contentionscope != PTHREAD_SCOPE_PROCESS) {
        return ENOTSUP;
    }
    if (attr->stackaddr != NULL) {
        return ENOTSUP; /* user stacks: not implemented */
    }
    error = creation_schedule(attr, &policy, &config.initial_priority);
    if (error != 0) {
        return error;
    }
    config.storage_size = (size_t)attr->stacksize;
    /* Interrupt level 0 (enabled) is the zero of the mode bits. */
    config.initial_modes =
        RTEMS_PREEMPT | (policy_timeslices(policy) ? RTEMS_TIMESLICE : RTEMS_NO_TIMESLICE);
    level = exec_directive_lock();
    if (exec_thread_create(&exec_posix_threads_info, &config, &id, false) != RTEMS_SUCCESSFUL) {
        (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
        return EAGAIN;
    }
    p = (struct posix_thread *)(void *)exec_object_get(&exec_posix_threads_info, id);
    p->start_routine = start_routine;
    p->arg = arg;
    p->policy = policy;
    p->detached = attr->detachstate == PTHREAD_CREATE_DETACHED;
    p->exited = false;
    p->exit_value = NULL;
    p->thread.life = EXEC_LIFE_DEFERRED; /* as RTEMS's pthread_create */
    exec_tq_init(&p->joiners, EXEC_TQ_FIFO);
    posix_signal_thread_start(&p->thread, exec_executing);
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    *thread = id;
    (void)rtems_task_start(id, thread_body, 0);
    return 0;
}

_Noreturn void pthread_exit(void *value_ptr)
{
    struct exec_thread *self = exec_executing;
    struct posix_thread *p = posix_thread_of(self);
    struct exec_thread *joiner;
    bool joined = false;

    /* No cancellation request acts on a thread already on its way out. */
    self->life |= EXEC_LIFE_DISABLED;
    posix_cleanup_run_all();
    posix_keys_run_destructors();
    (void)exec_directive_lock(); /* for good: the thread ends here */
    if (p == NULL) {
        rtems_task_exit();
    }
    while ((joiner = exec_tq_first(&p->joiners)) != NULL) {
        *(void **)joiner->wait.buffer = value_ptr;
        exec_thread_unblock(joiner, RTEMS_SUCCESSFUL);
        joined = true;
    }
    /* A deleter waiting for its end (task.c) is a joiner too. */
    if (p->detached || joined || exec_tq_first(&self->life_waiters) != NULL) {
        rtems_task_exit();
    }
    /* Joinable: it stays, never to run again, until pthread_join or pthread_detach. */
    p->exited = true;
    p->exit_value = value_ptr;
    for (;;) {
        exec_thread_set_state(self, EXEC_STATE_SUSPENDED);
        exec_dispatch();
    }
}

void posix_thread_deleted(struct exec_thread *t)
{
    struct posix_thread *p = posix_thread_of(t);
    struct exec_thread *joiner;

    struct posix_signal_thread *signals = posix_signal_state(t);

    posix_keys_clear_slot(posix_key_slot(t));
    if (signals != NULL) {
        /* The next task or thread in this slot starts without them. */
        *signals = (struct posix_signal_thread){0};
    }
    if (p == NULL) {
        return;
    }
    /* Deleted by rtems_task_delete while joined: as a cancelled thread. */
    while ((joiner = exec_tq_first(&p->joiners)) != NULL) {
        *(void **)joiner->wait.buffer = PTHREAD_CANCELED;
        exec_thread_unblock(joiner, RTEMS_SUCCESSFUL);
    }
}

/* Locks and returns the POSIX thread with this id, or NULL unlocked. */
static struct posix_thread *posix_thread_lock(pthread_t thread, port_isr_level *level)
{
    return EXEC_OBJECT_LOCK(struct posix_thread, &exec_posix_threads_info, thread, level);
}

/* The POSIX thread whose end t waits for in pthread_join, or NULL. */
static struct posix_thread *joined_by(const struct exec_thread *t)
{
    const struct exec_object_info *info = &exec_posix_threads_info;
    const char *q = (const char *)t->wait.queue;
    const char *blocks = info->blocks;
    size_t offset;

    /* The joiners queue is the only thread queue in a POSIX thread's block. */
    if ((t->state & EXEC_STATE_BLOCKED) == 0 || q == NULL || q < blocks ||
        q >= blocks + info->maximum * info->block_size) {
        return NULL;
    }
    offset = (size_t)(q - blocks);
    return (struct posix_thread *)(void *)(blocks + offset - offset % info->block_size);
}

/* Whether target joins, or joins one that joins..., the executing thread (RTEMS: EDEADLK). */
static bool join_is_cycle(const struct posix_thread *target)
{
    const struct posix_thread *p = target;

    for (uint32_t i = 0; p != NULL && i <= exec_posix_threads_info.maximum; i++) {
        p = joined_by(&p->thread);
        if (p != NULL && &p->thread == exec_executing) {
            return true;
        }
    }
    return false;
}

enum exec_protected_delete posix_protected_delete(struct exec_thread *t)
{
    const struct posix_thread *p = posix_thread_of(t);
    const struct posix_thread *joined = joined_by(t);

    if (p != NULL && p->exited) {
        return EXEC_DELETE_AT_ONCE; /* it has ended but for its join */
    }
    for (uint32_t i = 0; joined != NULL && i <= exec_posix_threads_info.maximum; i++) {
        if (&joined->thread == exec_executing) {
            return EXEC_DELETE_DEADLOCK;
        }
        joined = joined_by(&joined->thread);
    }
    return EXEC_DELETE_WAIT;
}

int pthread_join(pthread_t thread, void **value_ptr)
{
    struct posix_thread *p;
    struct exec_thread *executing;
    port_isr_level level;
    void *value;

    p = posix_thread_lock(thread, &level);
    if (p == NULL) {
        return ESRCH;
    }
    executing = exec_executing;
    /* As RTEMS: a detached thread is EINVAL before any deadlock is looked for. */
    if (p->detached) {
        (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
        return EINVAL;
    }
    if (&p->thread == executing || join_is_cycle(p)) {
        (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
        return EDEADLK;
    }
    if (p->exited) {
        value = p->exit_value;
        (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
        (void)rtems_task_delete(thread);
    } else {
        executing->wait.buffer = &value;
        exec_thread_block(executing, &p->joiners, EXEC_STATE_BLOCKED, 0);
        exec_dispatch();
        (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    }
    if (value_ptr != NULL) {
        *value_ptr = value;
    }
    return 0;
}

int pthread_detach(pthread_t thread)
{
    struct posix_thread *p;
    port_isr_level level;
    bool exited;

    p = posix_thread_lock(thread, &level);
    if (p == NULL) {
        return ESRCH;
    }
    if (p->detached) {
        (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
        return EINVAL;
    }
    p->detached = true;
    exited = p->exited;
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    if (exited) {
        (void)rtems_task_delete(thread);
    }
    return 0;
}

int pthread_setschedparam(pthread_t thread, int policy, const struct sched_param *param)
{
    struct exec_thread *t;
    struct posix_thread *p;
    port_isr_level level;

    if (param == NULL || !policy_is_valid(policy) ||
        !posix_priority_is_valid(param->sched_priority)) {
        return EINVAL;
    }
    t = exec_task_lock(thread, &level);
    if (t == NULL) {
        return ESRCH;
    }
    p = posix_thread_of(t);
    if (p != NULL) {
        p->policy = policy;
    }
    t->timeslice = policy_timeslices(policy);
    t->budget = exec_config.ticks_per_timeslice;
    exec_thread_set_real_priority(t, posix_priority_to_core(param->sched_priority));
    exec_dispatch();
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

int pthread_getschedparam(pthread_t thread, int *policy, struct sched_param *param)
{
    struct exec_thread *t;
    struct posix_thread *p;
    port_isr_level level;

    if (policy == NULL || param == NULL) {
        return EINVAL;
    }
    t = exec_task_lock(thread, &level);
    if (t == NULL) {
        return ESRCH;
    }
    p = posix_thread_of(t);
    *policy = p != NULL ? p->policy : (t->timeslice ? SCHED_RR : SCHED_FIFO);
    param->sched_priority = posix_priority_from_core(t->real_priority);
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

int sched_yield(void)
{
    (void)rtems_task_wake_after(RTEMS_YIELD_PROCESSOR);
    return 0;
}

int sched_get_priority_min(int policy)
{
    if (!policy_is_valid(policy)) {
        errno = EINVAL;
        return -1;
    }
    return 1;
}

int sched_get_priority_max(int policy)
{
    if (!policy_is_valid(policy)) {
        errno = EINVAL;
        return -1;
    }
    return (int)exec_config.maximum_priority - 1;
}

int sched_rr_get_interval(pid_t pid, struct timespec *interval)
{
    uint64_t ns;

    if (pid != 0 && pid != 1) {
        errno = ESRCH;
        return -1;
    }
    if (interval == NULL) {
        errno = EINVAL;
        return -1;
    }
    ns = (uint64_t)exec_config.ticks_per_timeslice * exec_config.microseconds_per_tick * 1000u;
    interval->tv_sec = (time_t)(ns / POSIX_NS_PER_S);
    interval->tv_nsec = (long)(ns % POSIX_NS_PER_S);
    return 0;
}
