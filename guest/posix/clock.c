/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX clocks and sleeping on the executive's time base: CLOCK_REALTIME is
 * the time of day, CLOCK_MONOTONIC the uptime, both with the port's
 * nanosecond reading; sleeps wait on the tick (or, for absolute realtime
 * deadlines, time-of-day) watchdogs. A signal that the sleeping thread
 * does not block ends a sleep early (signal.c wakes it; its handler runs
 * first): EINTR, with the time not slept for a relative one. Errors go to
 * errno except for clock_nanosleep, which returns them.
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

struct exec_threadq *posix_sleepers;

/*
 * Sleeps until the list's clock (ticks, or realtime ns) reaches expire.
 * Returns 0, or EINTR if a signal ended the sleep.
 */
static int sleep_until(struct exec_watchdog_list *list, uint64_t expire)
{
    port_isr_level level = exec_directive_lock();
    struct exec_thread *executing = exec_executing;
    bool interrupted;

    exec_thread_block(executing, posix_sleepers, EXEC_STATE_DELAYING, 0);
    exec_thread_arm_timeout(executing, list, expire);
    exec_dispatch();
    interrupted = executing->wait.status == POSIX_STATUS_INTERRUPTED;
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return interrupted ? EINTR : 0;
}

/*
 * A relative sleep of ns: at least that long (posix_ticks_after). Returns
 * 0, or EINTR with the time not slept in *remaining_ns.
 */
static int sleep_for(uint64_t ns, uint64_t *remaining_ns)
{
    uint64_t start = exec_ticks_since_boot;
    uint32_t ns_per_tick = exec_clock_ns_per_tick();

    *remaining_ns = 0;
    if (ns == 0) {
        (void)rtems_task_wake_after(RTEMS_YIELD_PROCESSOR);
        return 0;
    }
    if (sleep_until(&exec_watchdog_ticks, posix_ticks_after(start, ns, ns_per_tick)) == 0) {
        return 0;
    }
    *remaining_ns = posix_time_remaining(ns, exec_ticks_since_boot - start, ns_per_tick);
    return EINTR;
}

static int sleep_request(clockid_t clock_id, int flags, const struct timespec *rqtp,
                         struct timespec *rmtp)
{
    uint64_t ns;
    uint64_t now;
    uint64_t remaining;

    if (!clock_is_known(clock_id) || rqtp == NULL ||
        !posix_time_to_ns(rqtp->tv_sec, rqtp->tv_nsec, &ns)) {
        return EINVAL;
    }
    if ((flags & TIMER_ABSTIME) == 0) {
        int error = sleep_for(ns, &remaining);

        if (rmtp != NULL) {
            ns_to_timespec(remaining, rmtp);
        }
        return error;
    }
    now = clock_id == CLOCK_MONOTONIC ? exec_clock_uptime_ns() : exec_clock_realtime_ns();
    if (ns <= now) {
        return 0;
    }
    if (clock_id == CLOCK_REALTIME) {
        /* On the time of day: a clock_settime moves the deadline with it. */
        return sleep_until(&exec_watchdog_realtime, ns);
    }
    return sleep_for(ns - now, &remaining); /* rmtp is for relative sleeps only */
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

/*
 * Cancellation points as nanosleep, and as newlib's over it, which RTEMS
 * uses: interrupted, sleep returns the whole seconds not slept (a
 * fraction does not count) and usleep -1 with EINTR.
 */
unsigned sleep(unsigned seconds)
{
    uint64_t remaining;
    int error;

    pthread_testcancel();
    error = sleep_for((uint64_t)seconds * POSIX_NS_PER_S, &remaining);
    pthread_testcancel();
    return error == 0 ? 0 : (unsigned)(remaining / POSIX_NS_PER_S);
}

int usleep(useconds_t useconds)
{
    uint64_t remaining;
    int error;

    pthread_testcancel();
    error = sleep_for((uint64_t)useconds * 1000u, &remaining);
    pthread_testcancel();
    if (error != 0) {
        errno = error;
        return -1;
    }
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
