/* SPDX-License-Identifier: BSD-2-Clause */
/* Calendar arithmetic for the time of day (proleptic Gregorian, UTC). */
#include "tod.h"

#define TOD_BASE_YEAR 1988u
/*
 * The realtime clock is a 64-bit count of nanoseconds since 1970, which wraps
 * in 2554: years up to 2400 leave a clock set then more than 113 years
 * before it wraps. (RTEMS 6.1/6.2 stop at 2099, RTEMS main at 4095, which
 * would need another representation: docs/compatibility.md.)
 */
#define TOD_LATEST_YEAR 2400u

static bool is_leap(uint32_t year)
{
    return (year % 4u == 0 && year % 100u != 0) || year % 400u == 0;
}

static uint32_t days_in_month(uint32_t year, uint32_t month)
{
    static const uint8_t days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    return month == 2 && is_leap(year) ? 29u : days[month - 1];
}

rtems_status_code exec_tod_validate(const rtems_time_of_day *tod, uint32_t ticks_per_second)
{
    if (tod == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if ((ticks_per_second != 0 && tod->ticks >= ticks_per_second) || tod->second >= 60 ||
        tod->minute >= 60 || tod->hour >= 24 || tod->month == 0 || tod->month > 12 ||
        tod->year < TOD_BASE_YEAR || tod->year > TOD_LATEST_YEAR || tod->day == 0 ||
        tod->day > days_in_month(tod->year, tod->month)) {
        return RTEMS_INVALID_CLOCK;
    }
    return RTEMS_SUCCESSFUL;
}

/* Days from 1970-01-01 to the given civil date (Howard Hinnant's method). */
static uint64_t days_from_civil(uint32_t y, uint32_t m, uint32_t d)
{
    uint32_t era;
    uint32_t yoe;
    uint32_t doy;
    uint32_t doe;

    y -= m <= 2 ? 1u : 0u;
    era = y / 400u;
    yoe = y - era * 400u;
    doy = (153u * (m > 2 ? m - 3u : m + 9u) + 2u) / 5u + d - 1u;
    doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
    return (uint64_t)era * 146097u + doe - 719468u;
}

uint64_t exec_tod_to_seconds(const rtems_time_of_day *tod)
{
    return days_from_civil(tod->year, tod->month, tod->day) * 86400u + tod->hour * 3600u +
           tod->minute * 60u + tod->second;
}

void exec_seconds_to_tod(uint64_t seconds, rtems_time_of_day *tod)
{
    uint64_t z = seconds / 86400u + 719468u;
    uint32_t rem = (uint32_t)(seconds % 86400u);
    uint32_t era = (uint32_t)(z / 146097u);
    uint32_t doe = (uint32_t)(z - (uint64_t)era * 146097u);
    uint32_t yoe = (doe - doe / 1460u + doe / 36524u - doe / 146096u) / 365u;
    uint32_t doy = doe - (365u * yoe + yoe / 4u - yoe / 100u);
    uint32_t mp = (5u * doy + 2u) / 153u;
    uint32_t month = mp < 10 ? mp + 3u : mp - 9u;

    tod->year = yoe + era * 400u + (month <= 2 ? 1u : 0u);
    tod->month = month;
    tod->day = doy - (153u * mp + 2u) / 5u + 1u;
    tod->hour = rem / 3600u;
    tod->minute = rem / 60u % 60u;
    tod->second = rem % 60u;
    tod->ticks = 0;
}
