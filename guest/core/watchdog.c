/* SPDX-License-Identifier: BSD-2-Clause */
#include "watchdog.h"

#include "chain.h"

struct exec_watchdog_list exec_watchdog_ticks;
struct exec_watchdog_list exec_watchdog_realtime;

void exec_watchdog_list_init(struct exec_watchdog_list *list)
{
    exec_chain_init(&list->armed);
}

void exec_watchdog_init(struct exec_watchdog *w, exec_watchdog_routine routine)
{
    w->node.next = &w->node;
    w->node.prev = &w->node;
    w->expire = 0;
    w->routine = routine;
    w->list = NULL;
}

void exec_watchdog_insert(struct exec_watchdog_list *list, struct exec_watchdog *w, uint64_t expire)
{
    struct exec_node *pos;

    exec_watchdog_remove(w);
    w->expire = expire;
    w->list = list;
    /* New deadlines tend to be the latest: search from the tail. */
    pos = list->armed.head.prev;
    while (pos != &list->armed.head &&
           EXEC_CONTAINER_OF(pos, struct exec_watchdog, node)->expire > expire) {
        pos = pos->prev;
    }
    exec_node_insert_before(pos->next, &w->node);
}

void exec_watchdog_remove(struct exec_watchdog *w)
{
    if (w->list != NULL) {
        exec_node_extract(&w->node);
        w->list = NULL;
    }
}

void exec_watchdog_expire(struct exec_watchdog_list *list, uint64_t now)
{
    for (;;) {
        struct exec_node *first = exec_chain_first(&list->armed);
        struct exec_watchdog *w;

        if (first == NULL) {
            return;
        }
        w = EXEC_CONTAINER_OF(first, struct exec_watchdog, node);
        if (w->expire > now) {
            return;
        }
        exec_watchdog_remove(w);
        w->routine(w);
    }
}
