/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The plan switch of several CPUs (sched.h; docs/architecture.md,
 * "Multicore"): one record, shared, says which plan every frame runs - the
 * frames before `from` the plan `base`, frame `from` and those after it
 * the plan `plan` - and each CPU reads it when it crosses a frame end. A
 * request sets `from` to the first frame that no CPU has begun, so no CPU
 * has to change a frame it runs already, and every CPU takes the new plan
 * at the start of that frame: none earlier (the frames before it keep
 * `base`), none later (a CPU that reaches it late, its timer held off or
 * its turn in QEMU's round robin delayed, still takes the new plan at that
 * frame's start, and the frames it skipped whole on the way are counted
 * in the plan they belong to).
 *
 * Why the first frame no CPU has begun is enough: a CPU's frame number
 * and its reading of the record change under the same lock, and a request
 * is recorded under it too, so a CPU either begins a frame before the
 * request (then the request's `from` is later) or reads the request when
 * it begins it. Every holder does one bounded step (a pass over the CPUs'
 * frame numbers at most), with interrupts off: no unbounded spinning.
 *
 * A CPU may lag others by frames (QEMU's round robin, docs/architecture.md),
 * so the frames before `from` must still say which plan they ran: that is
 * `base`, the plan of the previous record, which every CPU had reached
 * when this one was made. A request made while a switch has not reached
 * every CPU (a CPU still before `from`, another at or past it) therefore
 * waits in `waiting` and is recorded once the last CPU reaches `from`;
 * a later request replaces a waiting one, as a request before the frame
 * boundary replaces an earlier one on one CPU. The record is then one
 * step of history deep for any number of requests.
 *
 * A module reset is recorded the same way (sched_share_reset): a switch to
 * the initial plan whose frame `from` is marked a reset. Each CPU, as it
 * crosses into that frame, calls the reset hook for itself (its own
 * partitions start again from there), and the last CPU to cross it says
 * so (the channels may be emptied then: no CPU runs a partition as it was
 * before the reset any more). Between the request and that frame a plan
 * switch request is dropped: the reset restarts everything as at boot, as
 * it drops a switch asked before it on one CPU.
 */
#include <stdbool.h>
#include "lock.h"
#include "sched.h"

static struct {
    volatile uint32_t lock;
    uint32_t cpus;          /* the CPUs taking part */
    uint32_t base;          /* plan index of the frames before from */
    uint32_t plan;          /* plan index of frame from and after */
    uint64_t from;          /* frame number; 0: no switch recorded */
    uint32_t waiting;       /* a request that waits: its plan index + 1; 0: none */
    uint32_t reset;         /* frame from is a module reset */
    uint32_t waiting_reset; /* the request that waits is a module reset */
    void (*on_reset)(uint32_t cpu, uint64_t frame, uint64_t start, bool everywhere);
} share;

void sched_share_init(uint32_t initial, uint32_t cpus)
{
    share.cpus = cpus;
    share.base = initial;
    share.plan = initial;
    share.from = 0;
    share.waiting = 0;
    share.reset = 0;
    share.waiting_reset = 0;
    for (uint32_t c = 0; c < cpus; c++) {
        sched_cpu_frames[c] = 0; /* not started: before every frame */
    }
}

/* The lowest / highest frame number any CPU is in (under the lock). */
static uint64_t frames_lowest(void)
{
    uint64_t lo = UINT64_MAX;

    for (uint32_t c = 0; c < share.cpus; c++) {
        lo = sched_cpu_frames[c] < lo ? sched_cpu_frames[c] : lo;
    }
    return lo;
}

static uint64_t frames_highest(void)
{
    uint64_t hi = 0;

    for (uint32_t c = 0; c < share.cpus; c++) {
        hi = sched_cpu_frames[c] > hi ? sched_cpu_frames[c] : hi;
    }
    return hi;
}

/* The plan index of frame n, for n after the current frame of a CPU (every
 * CPU's current frame is at or after the previous record's from). */
static uint32_t plan_of(uint64_t n)
{
    return n >= share.from ? share.plan : share.base;
}

/* A waiting request becomes the record once every CPU has reached from. */
static void record_waiting(void)
{
    if (share.waiting && frames_lowest() >= share.from) {
        share.base = share.plan;
        share.plan = share.waiting - 1;
        share.from = frames_highest() + 1;
        share.reset = share.waiting_reset;
        share.waiting = 0;
        share.waiting_reset = 0;
    }
}

void sched_share_on_reset(void (*hook)(uint32_t cpu, uint64_t frame, uint64_t start,
                                       bool everywhere))
{
    share.on_reset = hook;
}

/* True while a module reset is asked for and some CPU has not begun its
 * frame: requests to switch are dropped then (under the lock). */
static bool reset_ahead(void)
{
    return share.waiting_reset || (share.reset && frames_lowest() < share.from);
}

void sched_share(struct sched_state *s, const struct cfg_plan *views, uint32_t cpu)
{
    lock_take(&share.lock);
    s->views = views;
    s->cpu = cpu;
    sched_cpu_frames[cpu] = s->frames;
    s->next_plan = &views[plan_of(s->frames + 1)];
    sched_guard_update(s);
    lock_give(&share.lock);
}

uint64_t sched_share_request(struct sched_state *s, uint32_t plan)
{
    uint64_t from = 0;

    lock_take(&share.lock);
    if (reset_ahead()) {
        from = SCHED_SWITCH_DROPPED;
    } else if (frames_lowest() >= share.from) {
        /* No switch in flight: every CPU runs share.plan. */
        share.waiting = 0;
        if (plan != share.plan) {
            share.base = share.plan;
            share.plan = plan;
            share.from = frames_highest() + 1;
            share.reset = 0;
        }
        from = frames_highest() + 1;
    } else if (frames_highest() < share.from) {
        /* No CPU has begun frame from: the request replaces the recorded
         * one (asking for base again cancels it). */
        share.plan = plan;
        from = share.from;
    } else {
        share.waiting = plan == share.plan ? 0 : plan + 1;
    }
    s->next_plan = &s->views[plan_of(s->frames + 1)];
    sched_guard_update(s);
    lock_give(&share.lock);
    return from;
}

/* Moves s over at most max whole frames of its plan that have ended by
 * now (one division only when more than one has). */
static void skip_frames(struct sched_state *s, uint64_t now, uint64_t max)
{
    uint64_t maf = s->plan->major_frame_ns;
    uint64_t offset = now - s->frame_start;
    uint64_t n = offset < maf ? 0 : offset - maf < maf ? 1 : offset / maf;

    n = n < max ? n : max;
    s->frame_start += n * maf;
    s->frames += n;
}

uint64_t sched_share_reset(struct sched_state *s, uint32_t initial)
{
    uint64_t from = 0;

    lock_take(&share.lock);
    if (frames_lowest() >= share.from) {
        /* Nothing in flight: every CPU runs share.plan until the reset. */
        share.base = share.plan;
        share.from = frames_highest() + 1;
        share.plan = initial;
        share.reset = 1;
        from = share.from;
    } else if (frames_highest() < share.from) {
        /* A switch or a reset no CPU has begun: the reset replaces it. */
        share.plan = initial;
        share.reset = 1;
        from = share.from;
    } else {
        share.waiting = initial + 1;
        share.waiting_reset = 1;
    }
    s->next_plan = &s->views[plan_of(s->frames + 1)];
    sched_guard_update(s);
    lock_give(&share.lock);
    return from;
}

void sched_share_advance(struct sched_state *s, uint64_t now)
{
    bool crossed = false, everywhere = false;
    uint64_t reset_start = 0, reset_frame = 0;

    lock_take(&share.lock);
    if (s->frames < share.from) {
        /* The frames before from in the plan in force (base), then from. */
        skip_frames(s, now, share.from - s->frames);
        if (s->frames == share.from) {
            s->plan = &s->views[share.plan];
            crossed = share.reset;
            /* That frame, before the frames skipped after it (a CPU late
             * by whole frames). */
            reset_frame = s->frames;
            reset_start = s->frame_start;
        }
    }
    skip_frames(s, now, UINT64_MAX);
    sched_cpu_frames[s->cpu] = s->frames;
    /* The last CPU to begin the reset's frame: before record_waiting(),
     * which may replace the record. */
    everywhere = crossed && frames_lowest() >= share.from;
    record_waiting();
    /* The guard follows in advance_far(), the only caller, with the slot. */
    s->next_plan = &s->views[plan_of(s->frames + 1)];
    lock_give(&share.lock);
    /* Outside the lock: the hook takes the partitions' (one bounded step
     * each, no lock held across them). */
    if (crossed && share.on_reset) {
        share.on_reset(s->cpu, reset_frame, reset_start, everywhere);
    }
}
