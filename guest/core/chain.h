/* SPDX-License-Identifier: BSD-2-Clause */
/* Intrusive circular doubly-linked lists with a sentinel node. */
#ifndef TESSERA_EXEC_CHAIN_H
#define TESSERA_EXEC_CHAIN_H

#include <stddef.h>
#include <tessera/exec_types.h>

#define EXEC_CONTAINER_OF(_ptr, _type, _member)                                                    \
    ((_type *)(void *)((char *)(_ptr)-offsetof(_type, _member)))

static inline void exec_chain_init(struct exec_chain *c)
{
    c->head.next = &c->head;
    c->head.prev = &c->head;
}

static inline bool exec_chain_is_empty(const struct exec_chain *c)
{
    return c->head.next == &c->head;
}

static inline struct exec_node *exec_chain_first(const struct exec_chain *c)
{
    return exec_chain_is_empty(c) ? NULL : c->head.next;
}

static inline struct exec_node *exec_chain_last(const struct exec_chain *c)
{
    return exec_chain_is_empty(c) ? NULL : c->head.prev;
}

/* The node after n in c, or NULL at the end. */
static inline struct exec_node *exec_chain_next(const struct exec_chain *c,
                                                const struct exec_node *n)
{
    return n->next == &c->head ? NULL : n->next;
}

static inline void exec_node_insert_before(struct exec_node *pos, struct exec_node *n)
{
    n->next = pos;
    n->prev = pos->prev;
    pos->prev->next = n;
    pos->prev = n;
}

static inline void exec_chain_append(struct exec_chain *c, struct exec_node *n)
{
    exec_node_insert_before(&c->head, n);
}

static inline void exec_chain_prepend(struct exec_chain *c, struct exec_node *n)
{
    exec_node_insert_before(c->head.next, n);
}

static inline void exec_node_extract(struct exec_node *n)
{
    n->prev->next = n->next;
    n->next->prev = n->prev;
    n->next = n;
    n->prev = n;
}

static inline struct exec_node *exec_chain_get(struct exec_chain *c)
{
    struct exec_node *n = exec_chain_first(c);

    if (n != NULL) {
        exec_node_extract(n);
    }
    return n;
}

#endif
