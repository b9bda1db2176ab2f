/* SPDX-License-Identifier: BSD-2-Clause */
/* Starting a thread: its modes, its context, the entry it runs first. */
#ifndef TESSERA_EXEC_THREAD_START_H
#define TESSERA_EXEC_THREAD_START_H

#include <tessera/exec_types.h>

/* Sets t's preemption, timeslicing, ASR and interrupt level from modes. */
void exec_thread_apply_modes(struct exec_thread *t, rtems_mode modes);

/* Prepares a thread's context and makes it ready (start, restart, idle). */
void exec_thread_start(struct exec_thread *t, rtems_task_entry entry, rtems_task_argument arg);

/* Where every thread starts: sets its interrupt level, calls its entry. */
void exec_thread_entry(void);

#endif
