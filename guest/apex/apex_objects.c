/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The tables of intra-partition objects (buffers, blackboards, semaphores,
 * events): lookup by id and by name, and the checks and bookkeeping every
 * CREATE_* and GET_*_ID shares. Objects are never deleted.
 */
#include <string.h>

#include "apex_impl.h"

static struct apex_object *at(const struct apex_object_table *t, APEX_INTEGER index)
{
    return (struct apex_object *)((char *)t->slots + (size_t)index * t->size);
}

void *apex_object_get(const struct apex_object_table *t, APEX_INTEGER id)
{
    if (id < 1 || id > t->count || !at(t, id - 1)->used) {
        return NULL;
    }
    return at(t, id - 1);
}

APEX_INTEGER apex_object_find(const struct apex_object_table *t, const char *name)
{
    for (APEX_INTEGER i = 0; i < t->count; i++) {
        if (at(t, i)->used && apex_name_eq(at(t, i)->name, name)) {
            return i + 1;
        }
    }
    return 0;
}

RETURN_CODE_TYPE apex_object_create_check(const struct apex_object_table *t, const char *name)
{
    if (!apex_initialising()) {
        return INVALID_MODE;
    }
    if (apex_object_find(t, name)) {
        return NO_ACTION;
    }
    return NO_ERROR;
}

void *apex_object_free(const struct apex_object_table *t)
{
    for (APEX_INTEGER i = 0; i < t->count; i++) {
        if (!at(t, i)->used) {
            return at(t, i);
        }
    }
    return NULL;
}

APEX_INTEGER apex_object_add(const struct apex_object_table *t, void *obj, const char *name,
                             QUEUING_DISCIPLINE_TYPE discipline)
{
    struct apex_object *o = obj;

    apex_name_copy(o->name, name);
    o->q.discipline = discipline;
    o->q.count = 0;
    o->used = true;
    return (APEX_INTEGER)(((char *)obj - (char *)t->slots) / (ptrdiff_t)t->size) + 1;
}

void apex_object_get_id(const struct apex_object_table *t, const char *name, APEX_INTEGER *id,
                        RETURN_CODE_TYPE *rc)
{
    *id = apex_object_find(t, name);
    *rc = *id ? NO_ERROR : INVALID_CONFIG;
}

void apex_objects_reset(void)
{
    const struct apex_object_table *all[] = {&apex_buffer_table, &apex_blackboard_table,
                                             &apex_semaphore_table, &apex_event_table};

    for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
        memset(all[i]->slots, 0, (size_t)all[i]->count * all[i]->size);
    }
    apex_storage_reset();
}
