/* SPDX-License-Identifier: BSD-2-Clause */
/* User extensions: the extension manager and the calls of the hooks. */
#include <rtems.h>

#include "chain.h"
#include "directive.h"
#include "extension.h"
#include "objects.h"

#include <port.h>

static struct exec_chain active;

void exec_extensions_init(void)
{
    exec_chain_init(&active);
}

/* Visits every table, initial ones first unless backward. */
typedef bool (*visitor)(const rtems_extensions_table *table, void *arg);

static bool iterate(visitor visit, void *arg, bool backward)
{
    const rtems_extensions_table *initial = exec_config.initial_extensions;
    size_t count = exec_config.initial_extension_count;
    struct exec_node *n;

    if (!backward) {
        for (size_t i = 0; i < count; i++) {
            if (!visit(&initial[i], arg)) {
                return false;
            }
        }
        for (n = exec_chain_first(&active); n != NULL; n = exec_chain_next(&active, n)) {
            if (!visit(&EXEC_CONTAINER_OF(n, struct exec_extension, node)->table, arg)) {
                return false;
            }
        }
        return true;
    }
    for (n = exec_chain_last(&active); n != NULL && n != &active.head; n = n->prev) {
        if (!visit(&EXEC_CONTAINER_OF(n, struct exec_extension, node)->table, arg)) {
            return false;
        }
    }
    for (size_t i = count; i > 0; i--) {
        if (!visit(&initial[i - 1], arg)) {
            return false;
        }
    }
    return true;
}

/*
 * The create, start, restart and delete hooks get {executing, thread}: the
 * caller says who executes, so that this module needs nothing from
 * dispatching (which calls the switch hooks).
 */
static bool visit_create(const rtems_extensions_table *table, void *arg)
{
    struct exec_thread *const *pair = arg;

    return table->thread_create == NULL || table->thread_create(pair[0], pair[1]);
}

static bool visit_start(const rtems_extensions_table *table, void *arg)
{
    if (table->thread_start != NULL) {
        struct exec_thread *const *pair = arg;

        table->thread_start(pair[0], pair[1]);
    }
    return true;
}

static bool visit_restart(const rtems_extensions_table *table, void *arg)
{
    if (table->thread_restart != NULL) {
        struct exec_thread *const *pair = arg;

        table->thread_restart(pair[0], pair[1]);
    }
    return true;
}

static bool visit_delete(const rtems_extensions_table *table, void *arg)
{
    if (table->thread_delete != NULL) {
        struct exec_thread *const *pair = arg;

        table->thread_delete(pair[0], pair[1]);
    }
    return true;
}

static bool visit_switch(const rtems_extensions_table *table, void *arg)
{
    if (table->thread_switch != NULL) {
        struct exec_thread *const *pair = arg;

        table->thread_switch(pair[0], pair[1]);
    }
    return true;
}

static bool visit_begin(const rtems_extensions_table *table, void *arg)
{
    if (table->thread_begin != NULL) {
        table->thread_begin(arg);
    }
    return true;
}

static bool visit_exitted(const rtems_extensions_table *table, void *arg)
{
    if (table->thread_exitted != NULL) {
        table->thread_exitted(arg);
    }
    return true;
}

static bool visit_terminate(const rtems_extensions_table *table, void *arg)
{
    if (table->thread_terminate != NULL) {
        table->thread_terminate(arg);
    }
    return true;
}

struct fatal_args {
    rtems_fatal_source source;
    rtems_fatal_code code;
};

static bool visit_fatal(const rtems_extensions_table *table, void *arg)
{
    const struct fatal_args *f = arg;

    if (table->fatal != NULL) {
        table->fatal(f->source, false, f->code);
    }
    return true;
}

bool exec_ext_thread_create(struct exec_thread *executing, struct exec_thread *created)
{
    struct exec_thread *pair[2] = {executing, created};

    return iterate(visit_create, pair, false);
}

void exec_ext_thread_start(struct exec_thread *executing, struct exec_thread *started)
{
    struct exec_thread *pair[2] = {executing, started};

    (void)iterate(visit_start, pair, false);
}

void exec_ext_thread_restart(struct exec_thread *executing, struct exec_thread *restarted)
{
    struct exec_thread *pair[2] = {executing, restarted};

    (void)iterate(visit_restart, pair, false);
}

void exec_ext_thread_delete(struct exec_thread *executing, struct exec_thread *deleted)
{
    struct exec_thread *pair[2] = {executing, deleted};

    (void)iterate(visit_delete, pair, true);
}

void exec_ext_thread_switch(struct exec_thread *executing, struct exec_thread *heir)
{
    struct exec_thread *pair[2] = {executing, heir};

    (void)iterate(visit_switch, pair, false);
}

void exec_ext_thread_begin(struct exec_thread *executing)
{
    (void)iterate(visit_begin, executing, false);
}

void exec_ext_thread_exitted(struct exec_thread *executing)
{
    (void)iterate(visit_exitted, executing, false);
}

void exec_ext_thread_terminate(struct exec_thread *executing)
{
    (void)iterate(visit_terminate, executing, true);
}

void exec_ext_fatal(rtems_fatal_source source, rtems_fatal_code code)
{
    struct fatal_args f = {source, code};

    (void)iterate(visit_fatal, &f, false);
}

/* ---- Extension manager ------------------------------------------------ */

rtems_status_code
rtems_extension_create(rtems_name name, const rtems_extensions_table *extension_table, rtems_id *id)
{
    struct exec_extension *ext;
    port_isr_level level;

    if (name == 0) {
        return RTEMS_INVALID_NAME;
    }
    if (extension_table == NULL || id == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    ext = EXEC_OBJECT_ALLOCATE_LOCK(struct exec_extension, &exec_extensions_info, name, &level);
    if (ext == NULL) {
        return RTEMS_TOO_MANY;
    }
    ext->table = *extension_table;
    exec_chain_append(&active, &ext->node);
    *id = ext->object.id;
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

rtems_status_code rtems_extension_ident(rtems_name name, rtems_id *id)
{
    port_isr_level level = exec_directive_lock();
    rtems_status_code status =
        exec_object_ident(&exec_extensions_info, name, RTEMS_SEARCH_LOCAL_NODE, id);

    return exec_directive_unlock(level, status);
}

rtems_status_code rtems_extension_delete(rtems_id id)
{
    port_isr_level level;
    struct exec_extension *ext =
        EXEC_OBJECT_LOCK(struct exec_extension, &exec_extensions_info, id, &level);

    if (ext == NULL) {
        return RTEMS_INVALID_ID;
    }
    exec_node_extract(&ext->node);
    exec_object_free(&exec_extensions_info, &ext->object);
    return exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}
