/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * exec_config.posix_initialize: the POSIX API's tables and its
 * initialization thread (the only file that needs confdefs's
 * exec_posix_config, besides pthread_attr_init's default stack size).
 */
#include <rtems.h>

#include "posix_impl.h"

#include "objects.h"
#include "task.h"

#include <pthread.h>

static void table_init(struct exec_object_info *info, uint32_t the_class,
                       const struct posix_table *table, size_t block_size)
{
    exec_object_info_init(info, OBJECTS_POSIX_API, the_class, table->blocks, table->maximum,
                          block_size);
}

static void create_init_thread(void)
{
    pthread_attr_t attr;
    pthread_t thread;

    (void)pthread_attr_init(&attr);
    (void)pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
    (void)pthread_attr_setstacksize(&attr, exec_posix_config.init_thread_stack_size);
    if (pthread_create(&thread, &attr, exec_posix_config.init_thread_entry, NULL) != 0) {
        rtems_fatal(INTERNAL_ERROR_POSIX_API, INTERNAL_ERROR_POSIX_INIT_THREAD_CREATE_FAILED);
    }
}

/*
 * The executing thread ends or restarts itself by a Classic directive: as
 * RTEMS 5 and later (the POSIX API's terminate and restart extensions), its
 * cleanup handlers run, then its key destructors. pthread_exit has done
 * both already, so they find nothing more to do then.
 */
static void thread_life_change(void)
{
    posix_cleanup_run_all();
    posix_keys_run_destructors();
}

void exec_posix_initialize(void)
{
    const struct posix_config *c = &exec_posix_config;

    table_init(&exec_posix_threads_info, EXEC_POSIX_THREADS_CLASS, &c->threads,
               sizeof(struct posix_thread));
    table_init(&posix_mutexes_info, EXEC_POSIX_MUTEXES_CLASS, &c->mutexes,
               sizeof(struct posix_mutex));
    table_init(&posix_conds_info, EXEC_POSIX_CONDITION_VARIABLES_CLASS, &c->condition_variables,
               sizeof(struct posix_cond));
    table_init(&posix_keys_info, EXEC_POSIX_KEYS_CLASS, &c->keys, sizeof(struct posix_key));
    table_init(&posix_semaphores_info, EXEC_POSIX_SEMAPHORES_CLASS, &c->semaphores,
               sizeof(struct posix_semaphore));
    table_init(&posix_barriers_info, EXEC_POSIX_BARRIERS_CLASS, &c->barriers,
               sizeof(struct posix_barrier));
    table_init(&posix_spinlocks_info, EXEC_POSIX_SPINLOCKS_CLASS, &c->spinlocks,
               sizeof(struct posix_spinlock));
    table_init(&posix_rwlocks_info, EXEC_POSIX_RWLOCKS_CLASS, &c->rwlocks,
               sizeof(struct posix_rwlock));
    table_init(&posix_mqueues_info, EXEC_POSIX_MESSAGE_QUEUES_CLASS, &c->message_queues,
               sizeof(struct posix_mqueue));
    table_init(&posix_timers_info, EXEC_POSIX_TIMERS_CLASS, &c->timers, sizeof(struct posix_timer));
    posix_signals_initialize();
    posix_cancel_initialize(pthread_exit);
    exec_task_delete_hook = posix_thread_deleted;
    exec_task_life_change_hook = thread_life_change;
    exec_task_has_key_values_hook = posix_keys_have_values;
    exec_task_protected_delete_hook = posix_protected_delete;
    if (c->init_thread_entry != NULL) {
        create_init_thread();
    }
}
