/* SPDX-License-Identifier: BSD-2-Clause */
#include "vtimer.h"

void vtimer_set(struct vtimer *t, uint64_t deadline, uint64_t period)
{
    t->deadline = deadline;
    t->period = period;
    t->armed = deadline != 0;
}

/* A periodic timer at or past its deadline. */
__attribute__((noinline)) static uint32_t expire_periodic(struct vtimer *t, uint64_t now)
{
    uint64_t late = now - t->deadline;
    uint64_t n;

    /* Usually the first expiration is all there is: no 64-bit division. */
    if (late < t->period) {
        t->deadline += t->period;
        return 1;
    }
    n = late / t->period + 1;
    t->deadline += n * t->period;
    /* The count is a 32-bit wrapping counter for the guest; saturate the
     * step so a huge gap cannot look like a small one. */
    return n > 0xffffffffu ? 0xffffffffu : (uint32_t)n;
}

/* Called for each timer on every kernel entry: the common answer (not
 * armed, or not yet) is kept short. */
uint32_t vtimer_expire(struct vtimer *t, uint64_t now)
{
    if (!t->armed || now < t->deadline) {
        return 0;
    }
    if (!t->period) {
        t->armed = 0;
        return 1;
    }
    return expire_periodic(t, now);
}
