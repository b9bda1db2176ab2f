/* SPDX-License-Identifier: BSD-2-Clause */
#include "sched.h"

enum sched_plan_error sched_plan_check(const struct cfg_plan *plan, uint32_t num_partitions)
{
    uint64_t prev_end = 0;

    if (plan->major_frame_ns == 0)
        return SCHED_PLAN_NO_FRAME;
    for (uint32_t i = 0; i < plan->num_windows; i++) {
        const struct cfg_window *w = &plan->windows[i];

        if (w->partition >= num_partitions)
            return SCHED_PLAN_BAD_PARTITION;
        if (w->duration_ns == 0)
            return SCHED_PLAN_ZERO_WINDOW;
        if (w->offset_ns < prev_end)
            return SCHED_PLAN_UNSORTED;
        /* Written so that offset + duration cannot wrap. */
        if (w->offset_ns >= plan->major_frame_ns ||
            w->duration_ns > plan->major_frame_ns - w->offset_ns)
            return SCHED_PLAN_OVERFLOW;
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

void sched_slot_at(const struct cfg_plan *plan, uint64_t offset, struct sched_slot *out)
{
    /* Binary search for the last window starting at or before offset. */
    uint32_t lo = 0, hi = plan->num_windows;

    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;

        if (plan->windows[mid].offset_ns <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* lo = number of windows starting at or before offset. */
    if (lo > 0) {
        const struct cfg_window *w = &plan->windows[lo - 1];

        if (offset < w->offset_ns + w->duration_ns) {
            out->partition = w->partition;
            out->window = lo - 1;
            out->start = w->offset_ns;
            out->end = w->offset_ns + w->duration_ns;
            return;
        }
    }
    /* A gap: idle from the end of the previous window to the next start. */
    out->partition = SCHED_IDLE;
    out->window = 0;
    out->start = lo > 0 ? plan->windows[lo - 1].offset_ns + plan->windows[lo - 1].duration_ns : 0;
    out->end = lo < plan->num_windows ? plan->windows[lo].offset_ns : plan->major_frame_ns;
}

void sched_start(struct sched_state *s, const struct cfg_plan *plan, uint64_t now)
{
    s->plan = plan;
    s->next_plan = 0;
    s->frame_start = now;
    s->frames = 1;
    sched_slot_at(plan, 0, &s->slot);
}

int sched_advance(struct sched_state *s, uint64_t now)
{
    uint64_t maf = s->plan->major_frame_ns;
    struct sched_slot old = s->slot;
    uint64_t old_frame = s->frame_start;

    if (now < s->frame_start + s->slot.end)
        return 0; /* early timer: still inside the same slot */
    if (now - s->frame_start >= maf && s->next_plan) {
        /* A plan switch happens exactly at the end of the current frame;
         * the new plan's frames start there. */
        s->frame_start += maf;
        s->frames++;
        s->plan = s->next_plan;
        s->next_plan = 0;
        maf = s->plan->major_frame_ns;
    }
    if (now - s->frame_start >= maf) {
        /* Normally exactly one frame ends here; if interrupts were held off
         * for longer, skip whole frames but stay on the frame grid. */
        uint64_t elapsed = (now - s->frame_start) / maf;

        s->frame_start += elapsed * maf;
        s->frames += elapsed;
    }
    sched_slot_at(s->plan, now - s->frame_start, &s->slot);
    return old_frame != s->frame_start || old.start != s->slot.start;
}
