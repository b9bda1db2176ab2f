/* SPDX-License-Identifier: BSD-2-Clause */
/* Rate monotonic manager: periods of a task and their statistics. */
#ifndef TESSERA_RTEMS_RATEMON_H
#define TESSERA_RTEMS_RATEMON_H

#include <rtems/rtems/status.h>
#include <rtems/rtems/types.h>
#include <time.h>

typedef enum {
    RATE_MONOTONIC_INACTIVE,
    RATE_MONOTONIC_ACTIVE,
    RATE_MONOTONIC_EXPIRED
} rtems_rate_monotonic_period_states;

typedef struct {
    uint32_t count;
    uint32_t missed_count;
    struct timespec min_cpu_time;
    struct timespec max_cpu_time;
    struct timespec total_cpu_time;
    struct timespec min_wall_time;
    struct timespec max_wall_time;
    struct timespec total_wall_time;
} rtems_rate_monotonic_period_statistics;

typedef struct {
    rtems_id owner;
    rtems_rate_monotonic_period_states state;
    struct timespec since_last_period;
    struct timespec executed_since_last_period;
    uint32_t postponed_jobs_count;
} rtems_rate_monotonic_period_status;

/* Period length that only asks for the state of the period. */
#define RTEMS_PERIOD_STATUS ((rtems_interval)0)

rtems_status_code rtems_rate_monotonic_create(rtems_name name, rtems_id *id);
rtems_status_code rtems_rate_monotonic_ident(rtems_name name, rtems_id *id);
rtems_status_code rtems_rate_monotonic_cancel(rtems_id id);
rtems_status_code rtems_rate_monotonic_delete(rtems_id id);
rtems_status_code rtems_rate_monotonic_period(rtems_id id, rtems_interval length);
rtems_status_code rtems_rate_monotonic_get_status(rtems_id id,
                                                  rtems_rate_monotonic_period_status *status);
rtems_status_code
rtems_rate_monotonic_get_statistics(rtems_id id, rtems_rate_monotonic_period_statistics *stats);
rtems_status_code rtems_rate_monotonic_reset_statistics(rtems_id id);
void rtems_rate_monotonic_reset_all_statistics(void);
/* Prints the statistics of every period with printk, in RTEMS's layout. */
void rtems_rate_monotonic_report_statistics(void);

#endif
