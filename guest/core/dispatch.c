/* SPDX-License-Identifier: BSD-2-Clause */
#include "dispatch.h"

#include "sched.h"
#include "thread.h"

#include <port.h>

struct exec_thread *exec_executing;
struct exec_thread exec_idle_thread;
uint32_t exec_isr_nest_level;
uint32_t exec_dispatch_disable_level;
static bool yield_requested;

struct exec_thread *exec_heir(void)
{
    struct exec_thread *t = exec_sched_highest();

    return t != NULL ? t : &exec_idle_thread;
}

void exec_dispatch_request_yield(void)
{
    yield_requested = true;
}

static bool switch_due(void)
{
    const struct exec_thread *executing = exec_executing;

    if (exec_heir() == executing) {
        return false;
    }
    /* A non-preemptible thread keeps the processor until it blocks or yields. */
    return executing->state != EXEC_STATE_READY || executing->preemptible || yield_requested ||
           executing == &exec_idle_thread;
}

static void prepare_heir(struct exec_thread *heir)
{
    if (heir->timeslice) {
        heir->budget = exec_config.ticks_per_timeslice;
    }
    exec_executing = heir;
}

void exec_dispatch(void)
{
    if (exec_isr_nest_level != 0 || exec_dispatch_disable_level != 0) {
        return;
    }
    while (switch_due()) {
        struct exec_thread *previous = exec_executing;

        yield_requested = false;
        prepare_heir(exec_heir());
        port_context_switch(previous->context, exec_executing->context);
    }
    yield_requested = false;
}

_Noreturn void exec_dispatch_abandon(void)
{
    yield_requested = false;
    prepare_heir(exec_heir());
    port_context_start(exec_executing->context);
}

void exec_isr_enter(void)
{
    exec_isr_nest_level++;
}

bool exec_isr_leave(void)
{
    exec_isr_nest_level--;
    return exec_isr_nest_level == 0 && exec_dispatch_disable_level == 0 && switch_due();
}

void exec_isr_dispatch(void)
{
    exec_dispatch();
}
