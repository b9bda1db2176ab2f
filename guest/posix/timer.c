/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * POSIX timers (timer_create & co.) in the table that
 * CONFIGURE_MAXIMUM_POSIX_TIMERS sizes. A CLOCK_MONOTONIC timer runs on the
 * tick watchdogs (times rounded up to whole ticks, never early), a
 * CLOCK_REALTIME one on the time-of-day watchdogs (so clock_settime moves
 * an absolute one). A periodic timer re-arms from its previous expiry, not
 * from "now". An expiry whose signal is still pending counts an overrun
 * instead of generating it again; timer_getoverrun reports the count since
 * the last generation.
 */
#include <rtems.h>

#include "posix_impl.h"

#include "chain.h"
#include "clock_impl.h"
#include "directive.h"
#include "dispatch.h"
#include "objects.h"
#include "thread.h"
#include "watchdog.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <time.h>

struct exec_object_info posix_timers_info;

#ifndef DELAYTIMER_MAX
#define DELAYTIMER_MAX INT_MAX
#endif

static int fail(int error)
{
    errno = error;
    return -1;
}

static uint64_t ticks_of(uint64_t ns)
{
    uint32_t ns_per_tick = exec_clock_ns_per_tick();

    return (ns + ns_per_tick - 1) / ns_per_tick;
}

static void expired(struct exec_watchdog *w)
{
    struct posix_timer *t = EXEC_CONTAINER_OF(w, struct posix_timer, watchdog);

    if (t->interval_ns != 0) {
        if (t->clock == CLOCK_MONOTONIC) {
            exec_watchdog_insert(&exec_watchdog_ticks, w, w->expire + ticks_of(t->interval_ns));
        } else {
            exec_watchdog_insert(&exec_watchdog_realtime, w, w->expire + t->interval_ns);
        }
    }
    if (t->event.sigev_notify != SIGEV_SIGNAL) {
        return;
    }
    if (posix_signal_is_pending(t->event.sigev_signo)) {
        t->overrun++;
    } else {
        t->overrun = 0;
        posix_signal_generate(NULL, t->event.sigev_signo, SI_TIMER, t->event.sigev_value);
    }
}

int timer_create(clockid_t clock_id, struct sigevent *__restrict evp, timer_t *__restrict timerid)
{
    struct posix_timer *t;
    port_isr_level level;

    if ((clock_id != CLOCK_REALTIME && clock_id != CLOCK_MONOTONIC) || timerid == NULL) {
        return fail(EINVAL);
    }
    if (evp != NULL && evp->sigev_notify != SIGEV_NONE &&
        (evp->sigev_notify != SIGEV_SIGNAL || !posix_signal_is_valid(evp->sigev_signo))) {
        return fail(EINVAL);
    }
    t = EXEC_OBJECT_ALLOCATE_LOCK(struct posix_timer, &posix_timers_info, 0, &level);
    if (t == NULL) {
        return fail(EAGAIN);
    }
    t->clock = clock_id;
    if (evp != NULL) {
        t->event = *evp;
    } else {
        /* POSIX's default: SIGALRM with the timer id as its value. */
        t->event = (struct sigevent){.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGALRM};
        t->event.sigev_value.sival_int = (int)t->object.id;
    }
    exec_watchdog_init(&t->watchdog, expired);
    t->interval_ns = 0;
    t->overrun = 0;
    *timerid = (timer_t)t->object.id;
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

static struct posix_timer *timer_lock(timer_t timerid, port_isr_level *level)
{
    return EXEC_OBJECT_LOCK(struct posix_timer, &posix_timers_info, (rtems_id)timerid, level);
}

static struct timespec timespec_of(uint64_t ns)
{
    return (struct timespec){.tv_sec = (time_t)(ns / 1000000000u),
                             .tv_nsec = (long)(ns % 1000000000u)};
}

static void get_time(const struct posix_timer *t, struct itimerspec *value)
{
    uint64_t left = 0;

    if (exec_watchdog_is_armed(&t->watchdog)) {
        if (t->clock == CLOCK_MONOTONIC) {
            uint64_t now = exec_ticks_since_boot;

            left = t->watchdog.expire > now ? (t->watchdog.expire - now) * exec_clock_ns_per_tick()
                                            : 0;
        } else {
            uint64_t now = exec_clock_realtime_ns();

            left = t->watchdog.expire > now ? t->watchdog.expire - now : 0;
        }
    }
    value->it_value = timespec_of(left);
    value->it_interval = timespec_of(t->interval_ns);
}

/* Arms t to expire first at value (absolute on its clock, or relative). */
static void arm(struct posix_timer *t, uint64_t value, bool absolute)
{
    if (t->clock == CLOCK_MONOTONIC) {
        uint64_t now_ns = exec_clock_uptime_ns();
        uint64_t delta = absolute ? (value > now_ns ? value - now_ns : 0) : value;

        exec_watchdog_insert(
            &exec_watchdog_ticks, &t->watchdog,
            posix_ticks_after(exec_ticks_since_boot, delta, exec_clock_ns_per_tick()));
    } else {
        exec_watchdog_insert(&exec_watchdog_realtime, &t->watchdog,
                             absolute ? value : exec_clock_realtime_ns() + value);
    }
}

int timer_settime(timer_t timerid, int flags, const struct itimerspec *__restrict value,
                  struct itimerspec *__restrict ovalue)
{
    struct posix_timer *t;
    port_isr_level level;
    uint64_t first, interval;

    if (value == NULL ||
        !posix_time_to_ns(value->it_value.tv_sec, value->it_value.tv_nsec, &first) ||
        !posix_time_to_ns(value->it_interval.tv_sec, value->it_interval.tv_nsec, &interval)) {
        return fail(EINVAL);
    }
    t = timer_lock(timerid, &level);
    if (t == NULL) {
        return fail(EINVAL);
    }
    if (ovalue != NULL) {
        get_time(t, ovalue);
    }
    exec_watchdog_remove(&t->watchdog);
    t->interval_ns = first != 0 ? interval : 0;
    if (first != 0) {
        arm(t, first, (flags & TIMER_ABSTIME) != 0);
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

int timer_gettime(timer_t timerid, struct itimerspec *value)
{
    port_isr_level level;
    struct posix_timer *t;

    if (value == NULL) {
        return fail(EINVAL);
    }
    t = timer_lock(timerid, &level);
    if (t == NULL) {
        return fail(EINVAL);
    }
    get_time(t, value);
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}

int timer_getoverrun(timer_t timerid)
{
    port_isr_level level;
    struct posix_timer *t = timer_lock(timerid, &level);
    int overrun;

    if (t == NULL) {
        return fail(EINVAL);
    }
    overrun = t->overrun > DELAYTIMER_MAX ? DELAYTIMER_MAX : (int)t->overrun;
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return overrun;
}

int timer_delete(timer_t timerid)
{
    port_isr_level level;
    struct posix_timer *t = timer_lock(timerid, &level);

    if (t == NULL) {
        return fail(EINVAL);
    }
    exec_watchdog_remove(&t->watchdog);
    exec_object_free(&posix_timers_info, &t->object);
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return 0;
}
