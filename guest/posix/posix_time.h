/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Time arithmetic of the POSIX API: pure functions over seconds and
 * nanoseconds (no libc types), unit-tested on the host.
 */
#ifndef TESSERA_POSIX_TIME_H
#define TESSERA_POSIX_TIME_H

#include <stdbool.h>
#include <stdint.h>

#define POSIX_NS_PER_S 1000000000ull

/* A timespec's value in ns; false if nsec is out of [0, 1e9) or sec < 0. */
bool posix_time_to_ns(int64_t sec, long nsec, uint64_t *ns);

/*
 * The first tick count at which a wait of ns nanoseconds has passed, the
 * wait starting at tick now: whole ticks rounded up, plus one because the
 * current tick has partly gone (as RTEMS's _Timespec_To_ticks + 1). At
 * least now + 1.
 */
uint64_t posix_ticks_after(uint64_t now, uint64_t ns, uint32_t ns_per_tick);

/*
 * What is left of a relative wait of ns that ended early after
 * elapsed_ticks whole ticks: ns less the time they took, 0 if none is left.
 */
uint64_t posix_time_remaining(uint64_t ns, uint64_t elapsed_ticks, uint32_t ns_per_tick);

/* Priority mapping with the configured maximum Classic priority. */
uint32_t posix_priority_to_core_max(int priority, uint32_t maximum_priority);
int posix_priority_from_core_max(uint32_t priority, uint32_t maximum_priority);
bool posix_priority_is_valid_max(int priority, uint32_t maximum_priority);

#endif
