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
    uint64_t frames;                  /* major frames started since the plan started */
    struct sched_slot slot;
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

/* Asks for plan to take over at the next major-frame boundary (a later
 * request before that boundary replaces an earlier one). */
static inline void sched_request_plan(struct sched_state *s, const struct cfg_plan *plan)
{
    s->next_plan = plan == s->plan ? NULL : plan;
}

/* Starts plan with its first frame at now. */
void sched_start(struct sched_state *s, const struct cfg_plan *plan, uint64_t now);

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

/* Absolute time at which the current slot ends. */
static inline uint64_t sched_slot_deadline(const struct sched_state *s)
{
    return s->frame_start + s->slot.end;
}

#endif
