/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX clocks and sleeping on the executive's time base: CLOCK_REALTIME is
 * the time of day, CLOCK_MONOTONIC the uptime, both with the port's
 * nanosecond reading; sleeps wait on the tick (or, for absolute realtime
 * deadlines, time-of-day) watchdogs. Errors go to errno except for
 * clock_nanosleep, which returns them.
 */
#include <rtems.h>

#include "posix_impl.h"

#include "clock_impl.h"
#include "directive.h"
#include "dispatch.h"
#include "thread.h"
#include "watchdog.h"

#include <errno.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

static bool clock_is_known(clockid_t clock)
{
    return clock == CLOCK_REALTIME || clock == CLOCK_MONOTONIC;
}

static void ns_to_timespec(uint64_t ns, struct timespec *tp)
{
    tp->tv_sec = (time_t)(ns / POSIX_NS_PER_S);
    tp->tv_nsec = (long)(ns % POSIX_NS_PER_S);
}

int clock_gettime(clockid_t clock_id, struct timespec *tp)
{
    if (tp == NULL || !clock_is_known(clock_id)) {
        errno = EINVAL;
        return -1;
    }
    ns_to_timespec(clock_id == CLOCK_MONOTONIC ? exec_clock_uptime_ns() : exec_clock_realtime_ns(),
                   tp);
    return 0;
}

int clock_getres(clockid_t clock_id, struct timespec *res)
{
    if (!clock_is_known(clock_id)) {
        errno = EINVAL;
        return -1;
    }
    if (res != NULL) {
        ns_to_timespec(exec_clock_ns_per_tick(), res);
    }
    return 0;
}

/* As rtems_clock_set: the time of day starts 1988-01-01 at the earliest. */
int clock_settime(clockid_t clock_id, const struct timespec *tp)
{
    port_isr_level level;
    uint64_t ns;

    if (clock_id != CLOCK_REALTIME || tp == NULL ||
        !posix_time_to_ns(tp->tv_sec, tp->tv_nsec, &ns) ||
        ns < EXEC_SECONDS_1970_TO_1988 * EXEC_NS_PER_S) {
        errno = EINVAL;
        return -1;
    }
    level = exec_directive_lock();
    exec_clock_set_realtime(ns);
    exec_watchdog_expire(&exec_watchdog_realtime, exec_clock_realtime_ns());
    exec_dispatch();
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

/* Sleeps until the tick count reaches ticks, or realtime ns (if realtime). */
static void sleep_until(struct exec_watchdog_list *list, uint64_t expire)
{
    port_isr_level level = exec_directive_lock();

    exec_thread_block(exec_executing, NULL, EXEC_STATE_DELAYING, 0);
    exec_thread_arm_timeout(exec_executing, list, expire);
    exec_dispatch();
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
}

/* A relative sleep of ns: at least that long (posix_ticks_after). */
static void sleep_for(uint64_t ns)
{
    if (ns == 0) {
        (void)rtems_task_wake_after(RTEMS_YIELD_PROCESSOR);
        return;
    }
    sleep_until(&exec_watchdog_ticks,
                posix_ticks_after(exec_ticks_since_boot, ns, exec_clock_ns_per_tick()));
}

static int sleep_request(clockid_t clock_id, int flags, const struct timespec *rqtp,
                         struct timespec *rmtp)
{
    uint64_t ns;
    uint64_t now;

    if (!clock_is_known(clock_id) || rqtp == NULL ||
        !posix_time_to_ns(rqtp->tv_sec, rqtp->tv_nsec, &ns)) {
        return EINVAL;
    }
    if ((flags & TIMER_ABSTIME) == 0) {
        sleep_for(ns);
        if (rmtp != NULL) {
            ns_to_timespec(0, rmtp); /* no signals: a sleep is never cut short */
        }
        return 0;
    }
    now = clock_id == CLOCK_MONOTONIC ? exec_clock_uptime_ns() : exec_clock_realtime_ns();
    if (ns <= now) {
        return 0;
    }
    if (clock_id == CLOCK_REALTIME) {
        /* On the time of day: a clock_settime moves the deadline with it. */
        sleep_until(&exec_watchdog_realtime, ns);
    } else {
        sleep_for(ns - now);
    }
    return 0;
}

/* A cancellation point on entry and before it returns, as in RTEMS. */
int clock_nanosleep(clockid_t clock_id, int flags, const struct timespec *rqtp,
                    struct timespec *rmtp)
{
    int error;

    pthread_testcancel();
    error = sleep_request(clock_id, flags, rqtp, rmtp);
    pthread_testcancel();
    return error;
}

int nanosleep(const struct timespec *rqtp, struct timespec *rmtp)
{
    int error = clock_nanosleep(CLOCK_REALTIME, 0, rqtp, rmtp);

    if (error != 0) {
        errno = error;
        return -1;
    }
    return 0;
}

/* Cancellation points as nanosleep (RTEMS takes both from newlib, over nanosleep). */
unsigned sleep(unsigned seconds)
{
    pthread_testcancel();
    sleep_for((uint64_t)seconds * POSIX_NS_PER_S);
    pthread_testcancel();
    return 0;
}

int usleep(useconds_t useconds)
{
    pthread_testcancel();
    sleep_for((uint64_t)useconds * 1000u);
    pthread_testcancel();
    return 0;
}

long sysconf(int name)
{
    switch (name) {
    case _SC_CLK_TCK:
        return (long)rtems_clock_get_ticks_per_second();
    case _SC_PAGESIZE:
        return 4096;
    case _SC_NPROCESSORS_CONF:
    case _SC_NPROCESSORS_ONLN:
        return 1;
    case _SC_OPEN_MAX:
        return 3; /* the console's stdin, stdout and stderr */
    default:
        errno = EINVAL;
        return -1;
    }
}
