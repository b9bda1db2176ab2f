/* SPDX-License-Identifier: BSD-2-Clause */
/* Task manager: creation, life cycle, priorities, modes, delays. */
#include <rtems.h>

#include "chain.h"
#include "clock_impl.h"
#include "directive.h"
#include "dispatch.h"
#include "extension.h"
#include "mutex.h"
#include "objects.h"
#include "scheduler.h"
#include "task.h"
#include "thread.h"
#include "thread_start.h"
#include "threadq.h"
#include "watchdog.h"
#include "workspace.h"

#include <port.h>
#include <stddef.h>
#include <string.h>

/* rtems_tcb's Object view must overlay the object header exactly. */
_Static_assert(offsetof(struct exec_thread, Object.id) == offsetof(struct exec_thread, object.id),
               "Object.id overlays object.id");
_Static_assert(offsetof(struct exec_thread, Object.name.name_u32) ==
                   offsetof(struct exec_thread, object.name),
               "Object.name overlays object.name");

/*
 * Deleted tasks whose delete hooks have not run yet, oldest first (linked
 * through their ready node). As in RTEMS 6, a deleted task is a zombie: its
 * id is invalid at once, but its delete hooks run, its stack is freed and
 * its control block can be reused only when the next task is created
 * (_RTEMS_tasks_Allocate -> _Thread_Kill_zombies -> _Thread_Free), in the
 * creator's context, so a delete hook never sees the deleted task executing.
 */
static struct exec_chain zombies;

void exec_tasks_init(void)
{
    exec_chain_init(&zombies);
}

struct exec_thread *exec_task_lock(rtems_id id, port_isr_level *level)
{
    if (id == RTEMS_SELF) {
        *level = exec_directive_lock();
        return exec_executing;
    }
    /* A POSIX thread is a task too: the task directives accept its id. */
    return EXEC_OBJECT_LOCK(struct exec_thread, exec_object_info_of_thread(id), id, level);
}

rtems_task_priority exec_maximum_priority(void)
{
    return exec_config.maximum_priority;
}

static bool priority_is_valid(rtems_task_priority priority)
{
    return priority >= RTEMS_MINIMUM_PRIORITY && priority <= exec_config.maximum_priority;
}

static void release_resources(struct exec_thread *t)
{
    struct exec_node *n;

    while ((n = exec_chain_first(&t->held_mutexes)) != NULL) {
        exec_mutex_release_all(EXEC_CONTAINER_OF(n, struct exec_mutex, held_node));
    }
}

/* Takes t out of whatever it is in: ready queue, wait queue, timeout. */
static void make_inactive(struct exec_thread *t)
{
    if (t->state & EXEC_STATE_WAIT_MASK) {
        exec_thread_unblock(t, RTEMS_OBJECT_WAS_DELETED);
    }
    exec_watchdog_remove(&t->timer);
    exec_thread_set_state(t, EXEC_STATE_DORMANT);
    release_resources(t);
}

/* Runs the delete hooks of t, then gives back its stack and its object. */
static void free_task(struct exec_thread *t)
{
    exec_ext_thread_delete(exec_executing, t);
    if (t->stack_from_workspace) {
        exec_workspace_free(t->stack_area);
    } else if (t->storage_free != NULL) {
        t->storage_free(t->stack_area);
    }
    t->entry = NULL;
    exec_object_free(exec_object_info_of_thread(t->object.id), &t->object);
}

static void kill_zombies(void)
{
    struct exec_node *n;

    while ((n = exec_chain_get(&zombies)) != NULL) {
        free_task(EXEC_CONTAINER_OF(n, struct exec_thread, node));
    }
}

void (*exec_task_delete_hook)(struct exec_thread *t);
/*
 * The post-switch action of a task that another task deleted or restarted
 * (task_life.c: when it has POSIX work to do): it ends or restarts itself.
 */
static bool life_change_is_due(void)
{
    const struct exec_thread *t = exec_executing;

    return t != &exec_idle_thread && t->state == 0 && exec_isr_nest_level == 0 &&
           (t->life & (EXEC_LIFE_TERMINATING | EXEC_LIFE_RESTARTING)) != 0;
}

static bool life_change_run(void)
{
    struct exec_thread *t = exec_executing;

    if (!life_change_is_due()) {
        return false;
    }
    port_interrupt_enable(t->isr_level);
    if ((t->life & EXEC_LIFE_TERMINATING) != 0) {
        rtems_task_exit();
    }
    (void)rtems_task_restart(RTEMS_SELF, t->restart_argument);
    return true; /* not reached */
}

static const struct exec_post_switch life_change_action = {life_change_is_due, life_change_run};

/* Asks t to end or restart itself (life: the EXEC_LIFE_* bit); locked. */
static void request_life_change(struct exec_thread *t, uint32_t life)
{
    exec_dispatch_add_post_switch(&life_change_action);
    t->life |= life;
    if ((t->state & EXEC_STATE_WAIT_MASK) != 0) {
        exec_thread_unblock(t, RTEMS_OBJECT_WAS_DELETED);
    }
    exec_thread_clear_state(t, EXEC_STATE_SUSPENDED);
}

/* Makes t (already inactive) a zombie: its id stops working now. */
static void make_zombie(struct exec_thread *t)
{
    struct exec_thread *deleter;

    if (exec_task_delete_hook != NULL) {
        exec_task_delete_hook(t);
    }
    t->object.active = false;
    t->object.name = 0;
    exec_chain_append(&zombies, &t->node);
    /* Its deleters wait no more: it has ended. */
    while ((deleter = exec_tq_first(&t->life_waiters)) != NULL) {
        exec_thread_unblock(deleter, RTEMS_SUCCESSFUL);
    }
}

rtems_status_code exec_task_create(const rtems_task_config *config, rtems_id *id, bool user_storage)
{
    if (config->name == 0) {
        return RTEMS_INVALID_NAME;
    }
    return exec_thread_create(&exec_tasks_info, config, id, user_storage);
}

rtems_status_code exec_thread_create(struct exec_object_info *info, const rtems_task_config *config,
                                     rtems_id *id, bool user_storage)
{
    struct exec_thread *t;
    void *stack;
    size_t stack_size = config->storage_size;

    if (id == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (config->initial_priority > exec_config.maximum_priority ||
        (config->initial_priority == 0 && (config->attributes & RTEMS_SYSTEM_TASK) == 0)) {
        return RTEMS_INVALID_PRIORITY;
    }
    if (user_storage) {
        if (config->storage_area == NULL) {
            return RTEMS_INVALID_ADDRESS;
        }
        if (stack_size < exec_config.minimum_stack_size) {
            return RTEMS_INVALID_SIZE;
        }
    } else if (stack_size < exec_config.minimum_stack_size) {
        stack_size = exec_config.minimum_stack_size;
    }
    kill_zombies();
    t = (struct exec_thread *)(void *)exec_object_allocate(info, config->name);
    if (t == NULL) {
        return RTEMS_TOO_MANY;
    }
    stack = user_storage ? config->storage_area : exec_workspace_allocate(stack_size);
    if (stack == NULL) {
        exec_object_free(info, &t->object);
        return RTEMS_UNSATISFIED;
    }
    t->state = EXEC_STATE_DORMANT;
    t->node.next = &t->node;
    t->node.prev = &t->node;
    exec_chain_init(&t->held_mutexes);
    memset(&t->wait, 0, sizeof(t->wait));
    exec_watchdog_init(&t->timer, exec_thread_timeout);
    t->events_pending = 0;
    t->system_events_pending = 0;
    t->context = NULL;
    t->stack_area = stack;
    t->stack_size = stack_size;
    t->stack_from_workspace = !user_storage;
    t->storage_free = user_storage ? config->storage_free : NULL;
    t->entry = NULL;
    t->argument = 0;
    t->restart_pending = false;
    t->initial_priority = config->initial_priority;
    t->real_priority = config->initial_priority;
    t->priority = config->initial_priority;
    t->initial_modes = config->initial_modes;
    t->attributes = config->attributes;
    t->is_fp = (config->attributes & RTEMS_FLOATING_POINT) != 0;
    exec_thread_apply_modes(t, config->initial_modes);
    t->cpu_time_used = 0;
    t->asr_handler = NULL;
    t->asr_mode_set = 0;
    t->signals_pending = 0;
    t->life = 0;
    t->restart_argument = 0;
    exec_tq_init(&t->life_waiters, EXEC_TQ_FIFO);
    t->last_cleanup_context = NULL;
    t->thread_name[0] = '\0';
    if (!exec_ext_thread_create(exec_executing, t)) {
        /* As RTEMS's _Thread_Free: the delete hooks see the refused task. */
        free_task(t);
        return RTEMS_UNSATISFIED;
    }
    *id = t->object.id;
    return RTEMS_SUCCESSFUL;
}

rtems_status_code rtems_task_create(rtems_name name, rtems_task_priority initial_priority,
                                    size_t stack_size, rtems_mode initial_modes,
                                    rtems_attribute attribute_set, rtems_id *id)
{
    rtems_task_config config = {
        .name = name,
        .initial_priority = initial_priority,
        .storage_size = stack_size,
        .initial_modes = initial_modes,
        .attributes = attribute_set,
    };
    rtems_status_code status;
    port_isr_level level = exec_directive_lock();

    status = exec_task_create(&config, id, false);
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_task_construct(const rtems_task_config *config, rtems_id *id)
{
    rtems_status_code status;
    port_isr_level level;

    if (config == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    level = exec_directive_lock();
    status = exec_task_create(config, id, true);
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_task_ident(rtems_name name, uint32_t node, rtems_id *id)
{
    rtems_status_code status;
    port_isr_level level;

    if (id == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (name == RTEMS_WHO_AM_I) {
        *id = exec_executing->object.id;
        return RTEMS_SUCCESSFUL;
    }
    level = exec_directive_lock();
    status = exec_object_ident(&exec_tasks_info, name, node, id);
    return exec_directive_unlock(level, status);
}

rtems_id rtems_task_self(void)
{
    return exec_executing->object.id;
}

rtems_status_code rtems_task_start(rtems_id id, rtems_task_entry entry_point,
                                   rtems_task_argument argument)
{
    struct exec_thread *t;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    if (entry_point == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    t = exec_task_lock(id, &level);
    if (t == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (t->state != EXEC_STATE_DORMANT || t->entry != NULL) {
        status = RTEMS_INCORRECT_STATE;
    } else {
        exec_thread_start(t, entry_point, argument);
        exec_ext_thread_start(exec_executing, t);
        exec_dispatch();
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_task_restart(rtems_id id, rtems_task_argument argument)
{
    struct exec_thread *t;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    if (exec_task_is_own_life_change(id)) {
        /* As RTEMS's restart extensions: on the stack the handlers' contexts live on. */
        exec_task_run_life_change_hook();
    }
    t = exec_task_lock(id, &level);
    if (t == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (t->entry == NULL) {
        status = RTEMS_INCORRECT_STATE;
    } else if (t != exec_executing && exec_task_ends_by_itself(t)) {
        if ((t->life & EXEC_LIFE_TERMINATING) == 0) {
            t->restart_argument = argument;
            request_life_change(t, EXEC_LIFE_RESTARTING);
            exec_dispatch();
        }
    } else {
        make_inactive(t);
        exec_thread_start(t, t->entry, argument);
        t->restart_pending = true;
        /* Its cleanup contexts lived on the stack it starts over on. */
        t->last_cleanup_context = NULL;
        t->life &= ~(EXEC_LIFE_CANCELLED | EXEC_LIFE_DISABLED | EXEC_LIFE_RESTARTING);
        if (t == exec_executing) {
            exec_dispatch_abandon();
        }
        exec_dispatch();
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_task_delete(rtems_id id)
{
    struct exec_thread *t;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    if (exec_task_is_own_life_change(id)) {
        rtems_task_exit(); /* as RTEMS: deleting oneself is exiting */
    }
    t = exec_task_lock(id, &level);
    if (t == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (exec_isr_nest_level != 0 && t == exec_executing) {
        status = RTEMS_CALLED_FROM_ISR;
    } else if (t != exec_executing && exec_task_protected_delete(t) != EXEC_DELETE_AT_ONCE) {
        t->life |= EXEC_LIFE_CANCELLED;
        exec_thread_clear_state(t, EXEC_STATE_SUSPENDED);
        status = exec_task_protected_delete(t) == EXEC_DELETE_DEADLOCK ? RTEMS_INCORRECT_STATE
                                                                       : exec_task_wait_for_end(t);
    } else if (t != exec_executing && exec_task_ends_by_itself(t)) {
        /* As RTEMS: the deleter waits until t has ended (its id is valid until then). */
        request_life_change(t, EXEC_LIFE_TERMINATING);
        status = exec_task_wait_for_end(t);
    } else {
        if (t->entry != NULL) {
            /* A task never started has not begun to live: no terminate hooks. */
            exec_ext_thread_terminate(t);
        }
        make_inactive(t);
        make_zombie(t);
        if (t == exec_executing) {
            /* Interrupts stay disabled until the heir runs: nothing reuses the stack. */
            exec_dispatch_abandon();
        }
        exec_dispatch();
    }
    return exec_directive_unlock(level, status);
}

_Noreturn void rtems_task_exit(void)
{
    exec_task_run_life_change_hook();
    (void)exec_directive_lock(); /* for good: this directive does not return */
    exec_ext_thread_terminate(exec_executing);
    make_inactive(exec_executing);
    make_zombie(exec_executing);
    exec_dispatch_abandon();
}

rtems_status_code rtems_task_suspend(rtems_id id)
{
    struct exec_thread *t;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    t = exec_task_lock(id, &level);
    if (t == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (t->state & EXEC_STATE_SUSPENDED) {
        status = RTEMS_ALREADY_SUSPENDED;
    } else {
        exec_thread_set_state(t, EXEC_STATE_SUSPENDED);
        exec_dispatch();
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_task_resume(rtems_id id)
{
    struct exec_thread *t;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    t = exec_task_lock(id, &level);
    if (t == NULL) {
        return RTEMS_INVALID_ID;
    }
    if ((t->state & EXEC_STATE_SUSPENDED) == 0) {
        status = RTEMS_INCORRECT_STATE;
    } else {
        exec_thread_clear_state(t, EXEC_STATE_SUSPENDED);
        exec_dispatch();
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_task_is_suspended(rtems_id id)
{
    struct exec_thread *t;
    rtems_status_code status;
    port_isr_level level;

    t = exec_task_lock(id, &level);
    if (t == NULL) {
        return RTEMS_INVALID_ID;
    }
    status = (t->state & EXEC_STATE_SUSPENDED) ? RTEMS_ALREADY_SUSPENDED : RTEMS_SUCCESSFUL;
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_task_set_priority(rtems_id id, rtems_task_priority new_priority,
                                          rtems_task_priority *old_priority)
{
    struct exec_thread *t;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    if (old_priority == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    t = exec_task_lock(id, &level);
    if (t == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (new_priority != RTEMS_CURRENT_PRIORITY && !priority_is_valid(new_priority)) {
        status = RTEMS_INVALID_PRIORITY;
    } else {
        /*
         * The priority the task runs at now, inherited or ceiling included: RTEMS
         * reports this one (rtems_task_get_priority too), not the real priority.
         */
        *old_priority = t->priority;
        if (new_priority != RTEMS_CURRENT_PRIORITY) {
            exec_thread_set_real_priority(t, new_priority);
            exec_dispatch();
        }
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_task_get_priority(rtems_id task_id, rtems_id scheduler_id,
                                          rtems_task_priority *priority)
{
    struct exec_thread *t;
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    if (priority == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    t = exec_task_lock(task_id, &level);
    if (t == NULL) {
        return RTEMS_INVALID_ID;
    }
    if (scheduler_id != EXEC_SCHEDULER_ID) {
        status = RTEMS_INVALID_ID;
    } else {
        *priority = t->priority;
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_task_mode(rtems_mode mode_set, rtems_mode mask,
                                  rtems_mode *previous_mode_set)
{
    struct exec_thread *t;
    port_isr_level level;

    if (previous_mode_set == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    level = exec_directive_lock();
    t = exec_executing;
    *previous_mode_set = (t->preemptible ? RTEMS_PREEMPT : RTEMS_NO_PREEMPT) |
                         (t->timeslice ? RTEMS_TIMESLICE : RTEMS_NO_TIMESLICE) |
                         (t->asr_disabled ? RTEMS_NO_ASR : RTEMS_ASR) |
                         (level != 0 ? RTEMS_INTERRUPT_LEVEL(level) : 0);
    if (mask & RTEMS_PREEMPT_MASK) {
        t->preemptible = (mode_set & RTEMS_PREEMPT_MASK) == RTEMS_PREEMPT;
    }
    if (mask & RTEMS_TIMESLICE_MASK) {
        t->timeslice = (mode_set & RTEMS_TIMESLICE_MASK) == RTEMS_TIMESLICE;
        t->budget = exec_config.ticks_per_timeslice;
    }
    if (mask & RTEMS_ASR_MASK) {
        t->asr_disabled = (mode_set & RTEMS_ASR_MASK) == RTEMS_NO_ASR;
    }
    if (mask & RTEMS_INTERRUPT_MASK) {
        t->isr_level = mode_set & RTEMS_INTERRUPT_MASK;
        level = t->isr_level;
    }
    exec_dispatch();
    return exec_directive_unlock_enable(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_task_wake_after(rtems_interval ticks)
{
    struct exec_thread *t;
    port_isr_level level = exec_directive_lock();

    t = exec_executing;
    if (ticks == RTEMS_YIELD_PROCESSOR) {
        exec_sched_rotate(t);
        exec_dispatch_request_yield();
    } else {
        exec_thread_block(t, NULL, EXEC_STATE_DELAYING, ticks);
    }
    exec_dispatch();
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_task_wake_when(const rtems_time_of_day *time_buffer)
{
    rtems_status_code status;
    uint64_t seconds;
    port_isr_level level;

    if (!exec_tod_is_set()) {
        return RTEMS_NOT_DEFINED;
    }
    status = exec_tod_validate(time_buffer, 0);
    if (status != RTEMS_SUCCESSFUL) {
        return status;
    }
    seconds = exec_tod_to_seconds(time_buffer);
    level = exec_directive_lock();
    if (seconds <= exec_clock_realtime_ns() / EXEC_NS_PER_S) {
        status = RTEMS_INVALID_CLOCK;
    } else {
        exec_thread_block(exec_executing, NULL, EXEC_STATE_DELAYING, 0);
        exec_thread_arm_timeout(exec_executing, &exec_watchdog_realtime, seconds * EXEC_NS_PER_S);
        exec_dispatch();
    }
    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_scheduler_ident(rtems_name name, rtems_id *id)
{
    if (id == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (name != rtems_build_name('U', 'P', 'D', ' ')) {
        return RTEMS_INVALID_NAME;
    }
    *id = EXEC_SCHEDULER_ID;
    return RTEMS_SUCCESSFUL;
}

rtems_status_code rtems_task_get_scheduler(rtems_id task_id, rtems_id *scheduler_id)
{
    port_isr_level level;

    if (scheduler_id == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (exec_task_lock(task_id, &level) == NULL) {
        return RTEMS_INVALID_ID;
    }
    *scheduler_id = EXEC_SCHEDULER_ID;
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}
