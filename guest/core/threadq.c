/* SPDX-License-Identifier: BSD-2-Clause */
#include "threadq.h"

#include "chain.h"

void exec_tq_init(struct exec_threadq *q, enum exec_tq_discipline discipline)
{
    exec_chain_init(&q->waiters);
    q->discipline = discipline;
    q->mutex = NULL;
}

void exec_tq_enqueue(struct exec_threadq *q, struct exec_thread *t)
{
    struct exec_node *pos = &q->waiters.head;

    t->wait.queue = q;
    if (q->discipline == EXEC_TQ_PRIORITY) {
        /* Behind every waiter of the same or a higher priority. */
        pos = q->waiters.head.prev;
        while (pos != &q->waiters.head &&
               EXEC_CONTAINER_OF(pos, struct exec_thread, node)->priority > t->priority) {
            pos = pos->prev;
        }
        pos = pos->next;
    }
    exec_node_insert_before(pos, &t->node);
}

void exec_tq_extract(struct exec_thread *t)
{
    if (t->wait.queue != NULL) {
        exec_node_extract(&t->node);
        t->wait.queue = NULL;
    }
}

void exec_tq_requeue(struct exec_thread *t)
{
    struct exec_threadq *q = t->wait.queue;

    if (q != NULL && q->discipline == EXEC_TQ_PRIORITY) {
        exec_tq_extract(t);
        exec_tq_enqueue(q, t);
    }
}

struct exec_thread *exec_tq_first(const struct exec_threadq *q)
{
    struct exec_node *n = exec_chain_first(&q->waiters);

    return n != NULL ? EXEC_CONTAINER_OF(n, struct exec_thread, node) : NULL;
}

bool exec_tq_is_empty(const struct exec_threadq *q)
{
    return exec_chain_is_empty(&q->waiters);
}
