/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Calls of the user extensions: the initial ones (configuration) first, then
 * those created at run time in creation order; delete and terminate hooks
 * run in the reverse order, as in RTEMS. Callers hold interrupts disabled;
 * "executing" is exec_executing at the time of the call.
 */
#ifndef TESSERA_EXEC_EXTENSION_H
#define TESSERA_EXEC_EXTENSION_H

#include <tessera/exec_types.h>

void exec_extensions_init(void);

/* False if a create hook refused the thread. */
bool exec_ext_thread_create(struct exec_thread *executing, struct exec_thread *created);
void exec_ext_thread_start(struct exec_thread *executing, struct exec_thread *started);
void exec_ext_thread_restart(struct exec_thread *executing, struct exec_thread *restarted);
void exec_ext_thread_delete(struct exec_thread *executing, struct exec_thread *deleted);
void exec_ext_thread_switch(struct exec_thread *executing, struct exec_thread *heir);
void exec_ext_thread_begin(struct exec_thread *executing);
void exec_ext_thread_exitted(struct exec_thread *executing);
void exec_ext_thread_terminate(struct exec_thread *executing);
void exec_ext_fatal(rtems_fatal_source source, rtems_fatal_code code);

#endif
