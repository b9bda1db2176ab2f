/* SPDX-License-Identifier: BSD-2-Clause */
/* Helpers shared by the guest unit tests: building bare threads. */
#ifndef TESSERA_GUEST_TEST_SUPPORT_H
#define TESSERA_GUEST_TEST_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "chain.h"
#include "thread.h"
#include "watchdog.h"

static inline void test_thread_init(struct exec_thread *t, uint32_t priority)
{
    memset(t, 0, sizeof(*t));
    t->real_priority = priority;
    t->priority = priority;
    t->state = EXEC_STATE_DORMANT;
    t->node.next = &t->node;
    t->node.prev = &t->node;
    exec_chain_init(&t->held_mutexes);
    exec_watchdog_init(&t->timer, exec_thread_timeout);
}

#endif
