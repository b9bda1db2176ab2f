/* SPDX-License-Identifier: BSD-2-Clause */
/* Time-of-day arithmetic (tod.c): pure functions, no clock state. */
#ifndef TESSERA_EXEC_TOD_H
#define TESSERA_EXEC_TOD_H

#include <rtems/rtems/types.h>
#include <rtems/rtems/status.h>

#define EXEC_NS_PER_S 1000000000ull
/* 1988-01-01 00:00:00 UTC, the earliest time of day RTEMS accepts, as POSIX seconds. */
#define EXEC_SECONDS_1970_TO_1988 567993600ull

/*
 * Range and calendar check as rtems_clock_set does it; the ticks field is
 * checked against ticks_per_second unless that is 0.
 */
rtems_status_code exec_tod_validate(const rtems_time_of_day *tod, uint32_t ticks_per_second);
/* Seconds since 1970 of a valid time of day (its ticks ignored). */
uint64_t exec_tod_to_seconds(const rtems_time_of_day *tod);
/* Calendar fields of POSIX seconds (ticks set to 0). */
void exec_seconds_to_tod(uint64_t seconds, rtems_time_of_day *tod);

#endif
