/* SPDX-License-Identifier: BSD-2-Clause */
/* Clock manager. */
#ifndef TESSERA_RTEMS_CLOCK_H
#define TESSERA_RTEMS_CLOCK_H

#include <sys/time.h>
#include <time.h>

#include <rtems/rtems/status.h>
#include <rtems/rtems/types.h>

rtems_status_code rtems_clock_set(const rtems_time_of_day *time_of_day);
rtems_status_code rtems_clock_get_tod(rtems_time_of_day *time_of_day);
rtems_status_code rtems_clock_get_tod_timeval(struct timeval *time_of_day);
rtems_status_code rtems_clock_get_seconds_since_epoch(rtems_interval *the_interval);
rtems_interval rtems_clock_get_ticks_per_second(void);
rtems_interval rtems_clock_get_ticks_since_boot(void);
rtems_status_code rtems_clock_get_uptime(struct timespec *uptime);
void rtems_clock_get_uptime_timeval(struct timeval *uptime);
time_t rtems_clock_get_uptime_seconds(void);
uint64_t rtems_clock_get_uptime_nanoseconds(void);
void rtems_clock_get_realtime(struct timespec *time_snapshot);
void rtems_clock_get_realtime_timeval(struct timeval *time_snapshot);
void rtems_clock_get_monotonic(struct timespec *time_snapshot);
void rtems_clock_get_monotonic_timeval(struct timeval *time_snapshot);
rtems_status_code rtems_clock_tick(void);

static inline rtems_interval rtems_clock_tick_later(rtems_interval delta)
{
    return rtems_clock_get_ticks_since_boot() + delta;
}

static inline bool rtems_clock_tick_before(rtems_interval ticks)
{
    return (int32_t)(ticks - rtems_clock_get_ticks_since_boot()) > 0;
}

#endif
