/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Thread-specific data keys and pthread_once. A key holds one value per
 * thread of the partition (Classic tasks first, then POSIX threads), in an
 * array from the workspace that <rtems/confdefs.h> sized for it.
 */
#include <rtems.h>

#include "posix_impl.h"

#include "directive.h"
#include "dispatch.h"
#include "objects.h"
#include "workspace.h"

#include <errno.h>
#include <pthread.h>
#include <string.h>

#define NO_SLOT UINT32_MAX

static uint32_t slot_count(void)
{
    return exec_tasks_info.maximum + exec_posix_threads_info.maximum;
}

uint32_t posix_key_slot(const struct exec_thread *t)
{
    const struct exec_object_info *info = exec_object_info_of_thread(t->object.id);
    uint32_t index = (uint32_t)rtems_object_id_get_index(t->object.id);

    if (info == &exec_tasks_info) {
        return index - 1;
    }
    if (info == &exec_posix_threads_info) {
        return exec_tasks_info.maximum + index - 1;
    }
    return NO_SLOT; /* the idle thread */
}

static struct posix_key *key_at(uint32_t index)
{
    struct posix_key *key = (struct posix_key *)posix_keys_info.blocks + index;

    return key->object.active ? key : NULL;
}

void posix_keys_clear_slot(uint32_t slot)
{
    if (slot == NO_SLOT) {
        return;
    }
    for (uint32_t i = 0; i < posix_keys_info.maximum; i++) {
        struct posix_key *key = key_at(i);

        if (key != NULL) {
            key->values[slot] = NULL;
        }
    }
}

bool posix_keys_have_values(const struct exec_thread *t)
{
    uint32_t slot = posix_key_slot(t);

    if (slot == NO_SLOT) {
        return false;
    }
    for (uint32_t i = 0; i < posix_keys_info.maximum; i++) {
        const struct posix_key *key = key_at(i);

        if (key != NULL && key->values[slot] != NULL) {
            return true;
        }
    }
    return false;
}

void posix_keys_run_destructors(void)
{
    uint32_t slot = posix_key_slot(exec_executing);
    port_isr_level level;
    bool ran = true;

    if (slot == NO_SLOT) {
        return;
    }
    for (int round = 0; ran && round < POSIX_DESTRUCTOR_ITERATIONS; round++) {
        ran = false;
        level = exec_directive_lock();
        for (uint32_t i = 0; i < posix_keys_info.maximum; i++) {
            struct posix_key *key = key_at(i);
            void (*destructor)(void *);
            void *value;

            if (key == NULL || key->values[slot] == NULL) {
                continue;
            }
            /* As RTEMS: every value goes, a destructor runs where there is one. */
            destructor = key->destructor;
            value = key->values[slot];
            key->values[slot] = NULL;
            if (destructor == NULL) {
                continue;
            }
            /* The destructor is application code: it runs unlocked. */
            (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
            destructor(value);
            level = exec_directive_lock();
            ran = true;
        }
        (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    }
    /* What destructors set in the last round is dropped without another. */
    level = exec_directive_lock();
    posix_keys_clear_slot(slot);
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
    struct posix_key *k;
    port_isr_level level;
    size_t size = sizeof(void *) * slot_count();

    if (key == NULL) {
        return EINVAL;
    }
    k = EXEC_OBJECT_ALLOCATE_LOCK(struct posix_key, &posix_keys_info, 0, &level);
    if (k == NULL) {
        return EAGAIN;
    }
    k->values = exec_workspace_allocate(size > 0 ? size : 1);
    if (k->values == NULL) {
        exec_object_free(&posix_keys_info, &k->object);
        (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
        return EAGAIN;
    }
    memset(k->values, 0, size);
    k->destructor = destructor;
    *key = k->object.id;
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

int pthread_key_delete(pthread_key_t key)
{
    port_isr_level level;
    struct posix_key *k = EXEC_OBJECT_LOCK(struct posix_key, &posix_keys_info, key, &level);

    if (k == NULL) {
        return EINVAL;
    }
    exec_workspace_free(k->values);
    exec_object_free(&posix_keys_info, &k->object);
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
    port_isr_level level;
    struct posix_key *k = EXEC_OBJECT_LOCK(struct posix_key, &posix_keys_info, key, &level);
    uint32_t slot;
    int error = 0;

    if (k == NULL) {
        return EINVAL;
    }
    slot = posix_key_slot(exec_executing);
    if (slot == NO_SLOT) {
        error = EINVAL;
    } else {
        k->values[slot] = (void *)(uintptr_t)value;
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return error;
}

void *pthread_getspecific(pthread_key_t key)
{
    port_isr_level level;
    struct posix_key *k = EXEC_OBJECT_LOCK(struct posix_key, &posix_keys_info, key, &level);
    uint32_t slot;
    void *value = NULL;

    if (k == NULL) {
        return NULL;
    }
    slot = posix_key_slot(exec_executing);
    if (slot != NO_SLOT) {
        value = k->values[slot];
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return value;
}

/* As RTEMS before 4.11: the routine runs with preemption off, so it runs once. */
int pthread_once(pthread_once_t *once_control, void (*init_routine)(void))
{
    rtems_mode saved;

    if (once_control == NULL || init_routine == NULL || !once_control->is_initialized) {
        return EINVAL;
    }
    if (once_control->init_executed) {
        return 0;
    }
    (void)rtems_task_mode(RTEMS_NO_PREEMPT, RTEMS_PREEMPT_MASK, &saved);
    if (!once_control->init_executed) {
        once_control->init_executed = 1;
        init_routine();
    }
    (void)rtems_task_mode(saved, RTEMS_PREEMPT_MASK, &saved);
    return 0;
}
