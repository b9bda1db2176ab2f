/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Thread queues: the threads blocked on one object, in FIFO order or by
 * priority (FIFO among equal priorities). Pure list handling; blocking,
 * timeouts and priority inheritance are in thread.c and mutex.c.
 */
#ifndef TESSERA_EXEC_THREADQ_H
#define TESSERA_EXEC_THREADQ_H

#include <tessera/exec_types.h>

void exec_tq_init(struct exec_threadq *q, enum exec_tq_discipline discipline);
void exec_tq_enqueue(struct exec_threadq *q, struct exec_thread *t);
void exec_tq_extract(struct exec_thread *t);
/* Re-sorts t after its priority changed (priority queues only). */
void exec_tq_requeue(struct exec_thread *t);
struct exec_thread *exec_tq_first(const struct exec_threadq *q);
bool exec_tq_is_empty(const struct exec_threadq *q);

#endif
