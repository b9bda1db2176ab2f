/* SPDX-License-Identifier: BSD-2-Clause */
/* rtems_rate_monotonic_report_statistics: RTEMS's table, through printk. */
#include <rtems.h>
#include <rtems/bspIo.h>

#include "objects.h"

/* Seconds and microseconds, the resolution RTEMS prints. */
static void print_time(const struct timespec *ts, char end)
{
    printk("%" PRIu32 ".%06" PRIu32 "%c", (uint32_t)ts->tv_sec, (uint32_t)(ts->tv_nsec / 1000),
           end);
}

static void average(const struct timespec *total, uint32_t count, struct timespec *avg)
{
    uint64_t ns = (uint64_t)total->tv_sec * 1000000000u + (uint64_t)total->tv_nsec;

    ns /= count;
    avg->tv_sec = (time_t)(ns / 1000000000u);
    avg->tv_nsec = (long)(ns % 1000000000u);
}

static void print_times(const struct timespec *min, const struct timespec *max,
                        const struct timespec *total, uint32_t count, char end)
{
    struct timespec avg;

    average(total, count, &avg);
    print_time(min, '/');
    print_time(max, '/');
    print_time(&avg, end);
}

void rtems_rate_monotonic_report_statistics(void)
{
    printk("Period information by period\n");
    printk("--- CPU times are in seconds ---\n");
    printk("--- Wall times are in seconds ---\n");
    printk("   ID     OWNER COUNT MISSED          CPU TIME                  WALL TIME\n");
    printk("                                    MIN/MAX/AVG                MIN/MAX/AVG\n");
    for (uint32_t index = 1; index <= exec_periods_info.maximum; index++) {
        rtems_id id = exec_object_build_id(OBJECTS_CLASSIC_API, OBJECTS_RTEMS_PERIODS, index);
        rtems_rate_monotonic_period_statistics stats;
        rtems_rate_monotonic_period_status status;
        char name[5] = "";

        if (rtems_rate_monotonic_get_statistics(id, &stats) != RTEMS_SUCCESSFUL ||
            rtems_rate_monotonic_get_status(id, &status) != RTEMS_SUCCESSFUL) {
            continue;
        }
        (void)rtems_object_get_name(status.owner, sizeof(name), name);
        printk("0x%08" PRIx32 " %4s %5" PRId32 " %6" PRId32 " ", id, name, (int32_t)stats.count,
               (int32_t)stats.missed_count);
        if (stats.count == 0) {
            printk("\n");
            continue;
        }
        print_times(&stats.min_cpu_time, &stats.max_cpu_time, &stats.total_cpu_time, stats.count,
                    ' ');
        print_times(&stats.min_wall_time, &stats.max_wall_time, &stats.total_wall_time, stats.count,
                    '\n');
    }
}
