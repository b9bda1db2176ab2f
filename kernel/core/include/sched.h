/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The cyclic schedule: which partition owns the CPU at a given time.
 *
 * Every boundary is computed from the absolute start of the current major
 * frame (frame_start + window offset), never from the time an interrupt was
 * handled, so interrupt latency cannot accumulate into drift.
 */
#ifndef TESSERA_SCHED_H
#define TESSERA_SCHED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cfg.h"

#define SCHED_IDLE 0xffffffffu /* slot owned by no partition */

/* A stretch of a major frame owned by one partition or idle. */
struct sched_slot {
    uint32_t partition; /* partition index or SCHED_IDLE */
    uint32_t window;    /* window index when partition != SCHED_IDLE */
    uint64_t start;     /* offset from the start of the frame, ns */
    uint64_t end;       /* exclusive */
};

struct sched_state {
    const struct cfg_plan *plan;
    const struct cfg_plan *next_plan; /* takes over at the next frame boundary, or NULL */
    uint64_t frame_start;             /* absolute start of the current major frame, ns */
    uint64_t frames;                  /* the current frame's number, 1 the first (sched_start) */
    struct sched_slot slot;
    /* The system's guard time G (sched_set_guard_time; 0 after
     * sched_start) and the current slot's guard band, sched_guard(s,
     * guard_ns): a pure function of the plan, the next plan and the slot,
     * worked out by sched.c and sched_cpus.c wherever one of those changes,
     * so that the kernel reads it at every entry instead of working it out
     * (sched_slot_guard). */
    uint64_t guard_ns;
    uint64_t guard;
    /* Several CPUs (sched_share(); NULL and 0 on one): this CPU's views of
     * the plans, indexed as cfg_system.plans, and its number. */
    const struct cfg_plan *views;
    uint32_t cpu;
};

/* Plan validation errors. */
enum sched_plan_error {
    SCHED_PLAN_OK = 0,
    SCHED_PLAN_NO_FRAME,      /* major frame is 0 */
    SCHED_PLAN_ZERO_WINDOW,   /* a window has duration 0 */
    SCHED_PLAN_UNSORTED,      /* windows not sorted by offset, or overlapping */
    SCHED_PLAN_OVERFLOW,      /* a window ends after the major frame */
    SCHED_PLAN_BAD_PARTITION, /* a window names no configured partition */
};

enum sched_plan_error sched_plan_check(const struct cfg_plan *plan, uint32_t num_partitions);
const char *sched_plan_error_text(enum sched_plan_error e);

/* The slot of plan containing offset (0 <= offset < major frame). */
void sched_slot_at(const struct cfg_plan *plan, uint64_t offset, struct sched_slot *out);

/* Works out s->guard again: after any change of the plan, the next plan
 * or the slot. */
void sched_guard_update(struct sched_state *s);

/* Asks for plan to take over at the next major-frame boundary (a later
 * request before that boundary replaces an earlier one). One CPU: with
 * several, sched_share_request(). */
static inline void sched_request_plan(struct sched_state *s, const struct cfg_plan *plan)
{
    s->next_plan = plan == s->plan ? NULL : plan;
    sched_guard_update(s);
}

/* Starts plan with its first frame at now, as frame 1; one CPU's schedule
 * (sched_share() makes it one of several). No guard time
 * (sched_set_guard_time). */
void sched_start(struct sched_state *s, const struct cfg_plan *plan, uint64_t now);

/* Sets the guard time G of s's guard bands (sched_guard). */
void sched_set_guard_time(struct sched_state *s, uint64_t guard_ns);

/*
 * Several CPUs (sched_cpus.c; docs/architecture.md, "Multicore"): every
 * CPU's schedule runs the same plan in every frame, each in its own view,
 * and a plan switch takes effect on all of them at the start of the same
 * frame. The request is recorded once, shared: the plan and the number of
 * the frame from which it holds, the first frame that no CPU has begun.
 * Each CPU reads the record under its lock when it crosses a frame end,
 * which on several CPUs always takes the general path (advance_far): the
 * schedule's next_plan is then never NULL (the plan of the next frame as
 * far as this CPU knows), and one CPU's path is not touched.
 */

/* Boot, before any CPU runs its schedule: no switch recorded, initial is
 * the index of the plan every CPU starts with, cpus the number of CPUs
 * (at most the number sched_cpu_frames was defined for). */
void sched_share_init(uint32_t initial, uint32_t cpus);

/* Makes s (started by sched_start() in views[the initial plan], on the
 * common frame grid) CPU cpu's schedule among several. */
void sched_share(struct sched_state *s, const struct cfg_plan *views, uint32_t cpu);

/* Records a switch to the plan of index plan for every CPU, from the
 * first frame that no CPU has begun (or, while an earlier switch has not
 * reached every CPU yet, from the first frame no CPU has begun once it
 * has: a request waits then, and a later one replaces it). Returns the
 * frame number it holds from (0: it waits). s is the requesting CPU's
 * schedule, whose next_plan it updates. */
uint64_t sched_share_request(struct sched_state *s, uint32_t plan);

/* sched_share_request()'s answer while a module reset is asked for and
 * not yet begun by every CPU: the request is dropped (the reset restarts
 * the initial plan). */
#define SCHED_SWITCH_DROPPED UINT64_MAX

/* Records a module reset for every CPU: a switch to the plan of index
 * initial, from the first frame no CPU has begun, marked a reset (or,
 * while an earlier switch or reset has not reached every CPU, from the
 * first frame no CPU has begun once it has). Returns that frame's number
 * (0: it waits). Each CPU calls the hook (sched_share_on_reset) as it
 * begins that frame, in sched_share_advance(). */
uint64_t sched_share_reset(struct sched_state *s, uint32_t initial);

/* The module reset's hook: called on each CPU (cpu) as it begins the
 * reset's frame (number frame, starting at start; its own schedule then
 * runs the initial plan from there, and may have moved on by whole frames
 * if the CPU came late), with everywhere true on the last CPU to begin
 * it. */
void sched_share_on_reset(void (*hook)(uint32_t cpu, uint64_t frame, uint64_t start,
                                       bool everywhere));

/* For sched.c: s (of several CPUs) has crossed at least one frame end by
 * now: moves it over the whole frames up to now, taking the recorded
 * switch at its frame, and sets its next_plan. */
void sched_share_advance(struct sched_state *s, uint64_t now);

/* Each CPU's current frame number as it last crossed a frame end
 * (sched_cpus.c), defined by CFG_CPU_STATE_DEFINE for the system's CPUs. */
extern uint64_t sched_cpu_frames[];

/* Moves s to the slot that contains now. Returns 1 when a new slot began
 * (including the same window again in a new frame), 0 when the timer came
 * early and the current slot goes on. */
bool sched_advance(struct sched_state *s, uint64_t now);

/* The guard band of the current slot: how long before its end the owner
 * must stop running so that whatever kernel path it starts last (the
 * kernel is not preemptible) ends before the next window of a different
 * partition begins, which then always starts from the idle loop. guard_ns
 * is the system's guard time G; the band is G less the idle time between
 * this slot and that window, 0 when the next window is the owner's own or
 * starts G or more later, and never longer than the slot. At the frame's
 * end the next window is the first of the plan that takes over. */
uint64_t sched_guard(const struct sched_state *s, uint64_t guard_ns);

/* The plan of the next frame as known now: next_plan, or plan when no
 * switch is asked for. Without a branch: a window start publishes it, and
 * its cost must not depend on whether the partition before left a switch
 * pending (test_guard: a system neighbour asking for switches). */
static inline const struct cfg_plan *sched_next_frame_plan(const struct sched_state *s)
{
    uintptr_t none = (uintptr_t)0 - (s->next_plan == NULL);

    return (const struct cfg_plan *)(((uintptr_t)s->next_plan & ~none) |
                                     ((uintptr_t)s->plan & none));
}

/* sched_guard(s, s->guard_ns) of the current slot, kept up to date. */
static inline uint64_t sched_slot_guard(const struct sched_state *s)
{
    return s->guard;
}

/* Absolute time at which the current slot ends. */
static inline uint64_t sched_slot_deadline(const struct sched_state *s)
{
    return s->frame_start + s->slot.end;
}

#endif
