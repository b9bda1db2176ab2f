/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Time keeping: uptime, realtime and the tick count (timebase.c), with the
 * time-of-day conversions of tod.h. Needs nothing above it.
 */
#ifndef TESSERA_EXEC_CLOCK_IMPL_H
#define TESSERA_EXEC_CLOCK_IMPL_H

#include <rtems/rtems/types.h>

#include "tod.h"

void exec_clock_init(void);
bool exec_tod_is_set(void);
uint64_t exec_clock_uptime_ns(void);
/* Nanoseconds since 1970; counts from 1988-01-01 until the clock is set. */
uint64_t exec_clock_realtime_ns(void);
uint32_t exec_clock_ns_per_tick(void);
/* One more tick: exec_ticks_since_boot and the start of the current tick. */
void exec_clock_count_tick(void);
/* Sets the time of day to ns since 1970, aligned to the tick count. */
void exec_clock_set_realtime(uint64_t ns);

#endif
