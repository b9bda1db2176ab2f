/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * User extensions: tables of hooks called on task life-cycle events and
 * fatal errors, from CONFIGURE_INITIAL_EXTENSIONS or rtems_extension_create.
 */
#ifndef TESSERA_RTEMS_EXTENSION_H
#define TESSERA_RTEMS_EXTENSION_H

#include <rtems/fatal.h>
#include <rtems/rtems/status.h>
#include <rtems/rtems/types.h>

typedef struct exec_thread rtems_tcb;

typedef bool (*rtems_task_create_extension)(rtems_tcb *executing, rtems_tcb *created);
typedef void (*rtems_task_start_extension)(rtems_tcb *executing, rtems_tcb *started);
typedef void (*rtems_task_restart_extension)(rtems_tcb *executing, rtems_tcb *restarted);
typedef void (*rtems_task_delete_extension)(rtems_tcb *executing, rtems_tcb *deleted);
typedef void (*rtems_task_switch_extension)(rtems_tcb *executing, rtems_tcb *heir);
typedef void (*rtems_task_begin_extension)(rtems_tcb *executing);
typedef void (*rtems_task_exitted_extension)(rtems_tcb *executing);
typedef void (*rtems_fatal_extension)(rtems_fatal_source source, bool always_set_to_false,
                                      rtems_fatal_code code);
typedef void (*rtems_task_terminate_extension)(rtems_tcb *executing);

typedef struct {
    rtems_task_create_extension thread_create;
    rtems_task_start_extension thread_start;
    rtems_task_restart_extension thread_restart;
    rtems_task_delete_extension thread_delete;
    rtems_task_switch_extension thread_switch;
    rtems_task_begin_extension thread_begin;
    rtems_task_exitted_extension thread_exitted;
    rtems_fatal_extension fatal;
    rtems_task_terminate_extension thread_terminate;
} rtems_extensions_table;

rtems_status_code rtems_extension_create(rtems_name name,
                                         const rtems_extensions_table *extension_table,
                                         rtems_id *id);
rtems_status_code rtems_extension_ident(rtems_name name, rtems_id *id);
rtems_status_code rtems_extension_delete(rtems_id id);

/*
 * As in RTEMS, <rtems.h> makes rtems_tcb a complete type (hooks read
 * Object.id): its definition, struct exec_thread, needs the declarations
 * above, so it comes last.
 */
#include <tessera/exec_types.h>

#endif
