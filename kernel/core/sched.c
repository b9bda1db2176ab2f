/* SPDX-License-Identifier: BSD-2-Clause */
#include <stdbool.h>
#include <stddef.h>
#include "sched.h"

enum sched_plan_error sched_plan_check(const struct cfg_plan *plan, uint32_t num_partitions)
{
    uint64_t prev_end = 0;

    if (plan->major_frame_ns == 0) {
        return SCHED_PLAN_NO_FRAME;
    }
    for (uint32_t i = 0; i < plan->num_windows; i++) {
        const struct cfg_window *w = &plan->windows[i];

        if (w->partition >= num_partitions) {
            return SCHED_PLAN_BAD_PARTITION;
        }
        if (w->duration_ns == 0) {
            return SCHED_PLAN_ZERO_WINDOW;
        }
        if (w->offset_ns < prev_end) {
            return SCHED_PLAN_UNSORTED;
        }
        /* Written so that offset + duration cannot wrap. */
        if (w->offset_ns >= plan->major_frame_ns ||
            w->duration_ns > plan->major_frame_ns - w->offset_ns) {
            return SCHED_PLAN_OVERFLOW;
        }
        prev_end = w->offset_ns + w->duration_ns;
    }
    return SCHED_PLAN_OK;
}

const char *sched_plan_error_text(enum sched_plan_error e)
{
    switch (e) {
    case SCHED_PLAN_OK:
        return "ok";
    case SCHED_PLAN_NO_FRAME:
        return "major frame is zero";
    case SCHED_PLAN_ZERO_WINDOW:
        return "window of zero duration";
    case SCHED_PLAN_UNSORTED:
        return "windows overlap or are not sorted by offset";
    case SCHED_PLAN_OVERFLOW:
        return "window ends after the major frame";
    case SCHED_PLAN_BAD_PARTITION:
        return "window names an unknown partition";
    }
    return "unknown error";
}

/* Fills out with the slot of plan that contains offset, given lo = the
 * number of windows starting at or before offset. An idle gap keeps lo in
 * its window field: the index of the window that ends the gap, where
 * sched_advance() goes on searching. */
static void slot_fill(const struct cfg_plan *plan, uint32_t lo, uint64_t offset,
                      struct sched_slot *out)
{
    uint64_t prev_end = 0;

    if (lo > 0) {
        const struct cfg_window *w = &plan->windows[lo - 1];

        prev_end = w->offset_ns + w->duration_ns;
        if (offset < prev_end) {
            out->partition = w->partition;
            out->window = lo - 1;
            out->start = w->offset_ns;
            out->end = prev_end;
            return;
        }
    }
    /* A gap: idle from the end of the previous window to the next start. */
    out->partition = SCHED_IDLE;
    out->window = lo;
    out->start = prev_end;
    out->end = lo < plan->num_windows ? plan->windows[lo].offset_ns : plan->major_frame_ns;
}

void sched_slot_at(const struct cfg_plan *plan, uint64_t offset, struct sched_slot *out)
{
    /* Binary search for the last window starting at or before offset. */
    uint32_t lo = 0, hi = plan->num_windows;

    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;

        if (plan->windows[mid].offset_ns <= offset) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    slot_fill(plan, lo, offset, out);
}

void sched_start(struct sched_state *s, const struct cfg_plan *plan, uint64_t now)
{
    s->plan = plan;
    s->next_plan = NULL;
    s->frame_start = now;
    s->frames = 1;
    s->views = NULL;
    s->cpu = 0;
    /* The slot at offset 0 without a search (a module reset starts the
     * initial plan in constant time): only the first window can start at
     * 0, windows being sorted and of nonzero length. */
    slot_fill(plan, plan->num_windows && plan->windows[0].offset_ns == 0, 0, &s->slot);
    s->guard_ns = 0;
    s->guard = 0;
}

void sched_set_guard_time(struct sched_state *s, uint64_t guard_ns)
{
    s->guard_ns = guard_ns;
    sched_guard_update(s);
}

void sched_guard_update(struct sched_state *s)
{
    s->guard = sched_guard(s, s->guard_ns);
}

/* The general case of sched_advance(), when now is beyond the slot after
 * the current one (interrupts held off for long) or a plan switch is due:
 * straight to the slot that contains now. */
__attribute__((noinline)) static void advance_far(struct sched_state *s, uint64_t now)
{
    uint64_t maf = s->plan->major_frame_ns;
    uint64_t offset = now - s->frame_start;

    if (s->views) {
        /* Several CPUs: a frame end reads the shared plan record. */
        if (offset >= maf) {
            sched_share_advance(s, now);
        }
        sched_slot_at(s->plan, now - s->frame_start, &s->slot);
        sched_guard_update(s);
        return;
    }
    if (offset >= maf && s->next_plan) {
        /* A plan switch happens exactly at the end of the current frame;
         * the new plan's frames start there. */
        s->frame_start += maf;
        s->frames++;
        offset -= maf;
        s->plan = s->next_plan;
        s->next_plan = NULL;
        maf = s->plan->major_frame_ns;
    }
    if (offset >= maf) {
        /* Skip whole frames but stay on the frame grid. */
        uint64_t elapsed = offset / maf;

        s->frame_start += elapsed * maf;
        s->frames += elapsed;
        offset -= elapsed * maf;
    }
    sched_slot_at(s->plan, offset, &s->slot);
    sched_guard_update(s);
}

bool sched_advance(struct sched_state *s, uint64_t now)
{
    const struct cfg_plan *plan = s->plan;
    const struct cfg_window *w;
    uint64_t base = s->frame_start;
    uint64_t start = s->slot.end;
    uint32_t lo;

    if (now < base + start) {
        return false; /* early timer: still inside the same slot */
    }
    /* The normal case: the slot that begins where this one ends, found
     * without a search or a 64-bit division. */
    if (start != plan->major_frame_ns) {
        lo = s->slot.window + (s->slot.partition != SCHED_IDLE);
    } else if (!s->next_plan) {
        base += start; /* the last slot ends with the frame */
        s->frame_start = base;
        s->frames++;
        start = 0;
        lo = 0;
    } else {
        advance_far(s, now);
        return true;
    }
    w = &plan->windows[lo];
    s->slot.window = lo;
    s->slot.start = start;
    if (lo < plan->num_windows && w->offset_ns == start) {
        s->slot.partition = w->partition;
        start += w->duration_ns;
    } else {
        s->slot.partition = SCHED_IDLE;
        start = lo < plan->num_windows ? w->offset_ns : plan->major_frame_ns;
    }
    s->slot.end = start;
    /* Later than the end of that slot too: search from scratch. */
    if (now >= base + start) {
        advance_far(s, now);
    } else {
        sched_guard_update(s);
    }
    return true;
}

uint64_t sched_guard(const struct sched_state *s, uint64_t guard_ns)
{
    const struct cfg_plan *plan = s->plan;
    const struct cfg_window *next;
    uint64_t gap;

    if (s->slot.partition == SCHED_IDLE) {
        return 0;
    }
    if (s->slot.window + 1 < plan->num_windows) {
        next = &plan->windows[s->slot.window + 1];
        gap = next->offset_ns - s->slot.end;
    } else {
        /* The last window: the next is the first of the next frame. */
        const struct cfg_plan *np = s->next_plan ? s->next_plan : plan;

        if (np->num_windows == 0) {
            return 0;
        }
        next = &np->windows[0];
        gap = plan->major_frame_ns - s->slot.end + next->offset_ns;
    }
    if (next->partition == s->slot.partition || gap >= guard_ns) {
        return 0;
    }
    guard_ns -= gap;
    return guard_ns < s->slot.end - s->slot.start ? guard_ns : s->slot.end - s->slot.start;
}
