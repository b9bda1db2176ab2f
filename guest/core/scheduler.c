/* SPDX-License-Identifier: BSD-2-Clause */
#include "scheduler.h"

#include "chain.h"
#include "thread_state.h"

static struct exec_chain ready[EXEC_PRIORITY_LEVELS];
/* The thread on the processor, as the dispatcher last reported it. */
static const struct exec_thread *running;
/* A non-preemptible heir that has not got the processor yet (see scheduler.h). */
static struct exec_thread *held_heir;
/* Bit m of major: minor[m] != 0. Bit n of minor[m]: level 16 * m + n is non-empty. */
static uint32_t major;
static uint32_t minor[16];

/* Lowest set bit of a byte; [0] is unused. A table keeps this free of
 * compiler builtins that some targets' libgcc lacks. */
static const uint8_t lowest_bit_of_byte[256] = {
    0, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
    5, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
    6, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
    5, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
    7, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
    5, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
    6, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
    5, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
};

unsigned exec_bit_lowest16(uint32_t bits)
{
    if ((bits & 0xffu) != 0) {
        return lowest_bit_of_byte[bits & 0xffu];
    }
    return 8u + lowest_bit_of_byte[(bits >> 8) & 0xffu];
}

void exec_sched_init(void)
{
    for (unsigned i = 0; i < EXEC_PRIORITY_LEVELS; i++) {
        exec_chain_init(&ready[i]);
    }
    major = 0;
    for (unsigned i = 0; i < 16; i++) {
        minor[i] = 0;
    }
    running = NULL;
    held_heir = NULL;
}

void exec_sched_insert(struct exec_thread *t, bool at_head)
{
    uint32_t p = t->priority;

    if (at_head) {
        exec_chain_prepend(&ready[p], &t->node);
    } else {
        exec_chain_append(&ready[p], &t->node);
    }
    minor[p >> 4] |= 1u << (p & 15u);
    major |= 1u << (p >> 4);
}

void exec_sched_remove(struct exec_thread *t)
{
    uint32_t p = t->priority;

    exec_node_extract(&t->node);
    if (exec_chain_is_empty(&ready[p])) {
        minor[p >> 4] &= ~(1u << (p & 15u));
        if (minor[p >> 4] == 0) {
            major &= ~(1u << (p >> 4));
        }
    }
}

void exec_sched_rotate(struct exec_thread *t)
{
    exec_node_extract(&t->node);
    exec_chain_append(&ready[t->priority], &t->node);
}

struct exec_thread *exec_sched_highest(void)
{
    unsigned m;
    unsigned p;

    if (major == 0) {
        return NULL;
    }
    m = exec_bit_lowest16(major);
    p = (m << 4) | exec_bit_lowest16(minor[m]);
    return EXEC_CONTAINER_OF(ready[p].head.next, struct exec_thread, node);
}

void exec_sched_set_running(const struct exec_thread *t)
{
    running = t;
}

/* The held heir, if it is still one: ready and not yet running. */
static struct exec_thread *valid_held_heir(void)
{
    if (held_heir != NULL && (held_heir->state != EXEC_STATE_READY || held_heir == running)) {
        held_heir = NULL;
    }
    return held_heir;
}

void exec_sched_note_change(void)
{
    struct exec_thread *highest;

    if (valid_held_heir() != NULL) {
        return; /* a non-preemptible heir stays the heir */
    }
    if (running != NULL && running->state == EXEC_STATE_READY && !running->preemptible) {
        return; /* so does a non-preemptible running thread */
    }
    highest = exec_sched_highest();
    if (highest != NULL && highest != running && !highest->preemptible) {
        held_heir = highest;
    }
}

struct exec_thread *exec_sched_heir(void)
{
    struct exec_thread *held = valid_held_heir();

    return held != NULL ? held : exec_sched_highest();
}

void exec_sched_timeslice(struct exec_thread *t, uint32_t ticks_per_timeslice)
{
    if (!t->timeslice || !t->preemptible || t->state != EXEC_STATE_READY) {
        return;
    }
    if (t->budget > 1) {
        t->budget--;
        return;
    }
    t->budget = ticks_per_timeslice;
    exec_sched_rotate(t);
    exec_sched_note_change();
}
