/* SPDX-License-Identifier: BSD-2-Clause */
#include "dispatch.h"

#include "clock_impl.h"
#include "extension.h"
#include "scheduler.h"
#include "thread.h"

#include <port.h>

struct exec_thread *exec_executing;
struct exec_thread exec_idle_thread;
uint32_t exec_isr_nest_level;
uint32_t exec_dispatch_disable_level;
static const struct exec_post_switch *post_switch[EXEC_POST_SWITCH_MAX];
static uint32_t post_switch_count;
static bool yield_requested;
static bool multitasking;
static uint64_t last_switch_ns;

struct exec_thread *exec_heir(void)
{
    struct exec_thread *t = exec_sched_heir();

    return t != NULL ? t : &exec_idle_thread;
}

void exec_dispatch_request_yield(void)
{
    yield_requested = true;
}

void exec_dispatch_add_post_switch(const struct exec_post_switch *action)
{
    uint32_t i = 0;

    while (i < post_switch_count && post_switch[i] != action) {
        i++;
    }
    if (i == post_switch_count && i < EXEC_POST_SWITCH_MAX) {
        post_switch[post_switch_count++] = action;
    }
}

static bool post_switch_due(void)
{
    for (uint32_t i = 0; i < post_switch_count; i++) {
        if (post_switch[i]->is_due()) {
            return true;
        }
    }
    return false;
}

/* Runs the first action that is due; true if one ran. */
static bool post_switch_run(void)
{
    for (uint32_t i = 0; i < post_switch_count; i++) {
        if (post_switch[i]->run()) {
            return true;
        }
    }
    return false;
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

uint64_t exec_thread_cpu_time_used(const struct exec_thread *t)
{
    uint64_t used = t->cpu_time_used;

    if (t == exec_executing) {
        uint64_t now = exec_clock_uptime_ns();

        used += now > last_switch_ns ? now - last_switch_ns : 0;
    }
    return used;
}

static void prepare_heir(struct exec_thread *heir)
{
    uint64_t now = exec_clock_uptime_ns();

    if (multitasking) {
        exec_executing->cpu_time_used += now > last_switch_ns ? now - last_switch_ns : 0;
        exec_ext_thread_switch(exec_executing, heir);
    }
    multitasking = true;
    last_switch_ns = now;
    if (heir->timeslice) {
        heir->budget = exec_config.ticks_per_timeslice;
    }
    exec_executing = heir;
    exec_sched_set_running(heir);
}

void exec_dispatch(void)
{
    if (exec_isr_nest_level != 0 || exec_dispatch_disable_level != 0) {
        return;
    }
    do {
        while (switch_due()) {
            struct exec_thread *previous = exec_executing;

            yield_requested = false;
            prepare_heir(exec_heir());
            port_context_switch(previous->context, exec_executing->context);
        }
        yield_requested = false;
        /* The thread that keeps or gets the processor runs its ASR first. */
    } while (post_switch_run());
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
    return exec_isr_nest_level == 0 && exec_dispatch_disable_level == 0 &&
           (switch_due() || post_switch_due());
}

void exec_isr_dispatch(void)
{
    exec_dispatch();
}
