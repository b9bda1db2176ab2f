/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RTEMS's name for a thread's control block, for programs that read it (in
 * extension hooks, or of the executing thread): the executive's own
 * struct exec_thread, which offers RTEMS's members Object.id,
 * Object.name.name_u32 and is_fp. Read-only to applications.
 */
#ifndef TESSERA_RTEMS_SCORE_THREAD_H
#define TESSERA_RTEMS_SCORE_THREAD_H

#include <stdint.h>

#include <tessera/exec_types.h>

typedef struct exec_thread Thread_Control;
typedef uint64_t Priority_Control;

/* The thread running now. */
Thread_Control *_Thread_Get_executing(void);

/* The priority the thread runs at (inheritance and ceilings included). */
Priority_Control _Thread_Get_priority(const Thread_Control *the_thread);

#endif
