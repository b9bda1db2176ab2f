/* SPDX-License-Identifier: BSD-2-Clause */
#include "vtimer.h"

void vtimer_set(struct vtimer *t, uint64_t deadline, uint64_t period)
{
    t->deadline = deadline;
    t->period = period;
    t->armed = deadline != 0;
}

uint32_t vtimer_expire(struct vtimer *t, uint64_t now)
{
    uint64_t n;

    if (!t->armed || now < t->deadline)
        return 0;
    if (!t->period) {
        t->armed = 0;
        return 1;
    }
    n = (now - t->deadline) / t->period + 1;
    t->deadline += n * t->period;
    /* The count is a 32-bit wrapping counter for the guest; saturate the
     * step so a huge gap cannot look like a small one. */
    return n > 0xffffffffu ? 0xffffffffu : (uint32_t)n;
}
