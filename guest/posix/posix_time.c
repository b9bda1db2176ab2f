/* SPDX-License-Identifier: BSD-2-Clause */
#include "posix_time.h"

bool posix_time_to_ns(int64_t sec, long nsec, uint64_t *ns)
{
    if (sec < 0 || nsec < 0 || (uint64_t)nsec >= POSIX_NS_PER_S ||
        (uint64_t)sec > (UINT64_MAX - (uint64_t)nsec) / POSIX_NS_PER_S) {
        return false;
    }
    *ns = (uint64_t)sec * POSIX_NS_PER_S + (uint64_t)nsec;
    return true;
}

uint64_t posix_ticks_after(uint64_t now, uint64_t ns, uint32_t ns_per_tick)
{
    uint64_t ticks = ns / ns_per_tick;

    if (ns % ns_per_tick != 0) {
        ticks++;
    }
    return now + ticks + 1;
}

uint64_t posix_time_remaining(uint64_t ns, uint64_t elapsed_ticks, uint32_t ns_per_tick)
{
    if (elapsed_ticks >= ns / ns_per_tick + 1) {
        return 0; /* (also keeps elapsed_ticks * ns_per_tick from overflowing) */
    }
    return elapsed_ticks * ns_per_tick >= ns ? 0 : ns - elapsed_ticks * ns_per_tick;
}

/*
 * RTEMS's mapping: the scheduler has maximum_priority + 1 levels and a POSIX
 * priority p is Classic priority maximum_priority + 1 - p, so POSIX 1 is the
 * lowest usable level and maximum_priority - 1 the highest.
 */
uint32_t posix_priority_to_core_max(int priority, uint32_t maximum_priority)
{
    return maximum_priority + 1u - (uint32_t)priority;
}

int posix_priority_from_core_max(uint32_t priority, uint32_t maximum_priority)
{
    return (int)(maximum_priority + 1u - priority);
}

bool posix_priority_is_valid_max(int priority, uint32_t maximum_priority)
{
    return priority >= 1 && (uint32_t)priority <= maximum_priority - 1u;
}
