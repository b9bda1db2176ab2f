/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * alarm and ualarm: one process timer on the tick clock that sends SIGALRM
 * to the process (ualarm's interval re-arms it from its last expiry, so it
 * does not drift). Resolution is the tick; a time is rounded up to whole
 * ticks and never ends early.
 */
#include <rtems.h>

#include "posix_impl.h"

#include "clock_impl.h"
#include "directive.h"
#include "thread.h"
#include "watchdog.h"

#include <signal.h>
#include <unistd.h>

static struct exec_watchdog alarm_watchdog;
static uint64_t interval_ticks;

static void expired(struct exec_watchdog *w)
{
    if (interval_ticks != 0) {
        exec_watchdog_insert(&exec_watchdog_ticks, w, w->expire + interval_ticks);
    }
    posix_signal_generate(NULL, SIGALRM, SI_USER, (union sigval){0});
}

/* Replaces the alarm: first after value_us, then every interval_us (0:
 * once); value_us 0 cancels. Returns the microseconds that were left. */
static uint64_t set_alarm(uint64_t value_us, uint64_t interval_us)
{
    uint32_t ns_per_tick = exec_clock_ns_per_tick();
    port_isr_level level = exec_directive_lock();
    uint64_t left = 0;

    if (alarm_watchdog.routine == NULL) {
        exec_watchdog_init(&alarm_watchdog, expired);
    }
    if (exec_watchdog_is_armed(&alarm_watchdog) &&
        alarm_watchdog.expire > exec_ticks_since_boot + 1) {
        /* Without the tick that posix_ticks_after adds for the current one. */
        left = (alarm_watchdog.expire - exec_ticks_since_boot - 1) * ns_per_tick / 1000u;
    }
    exec_watchdog_remove(&alarm_watchdog);
    interval_ticks = interval_us != 0 ? (interval_us * 1000u + ns_per_tick - 1) / ns_per_tick : 0;
    if (value_us != 0) {
        exec_watchdog_insert(
            &exec_watchdog_ticks, &alarm_watchdog,
            posix_ticks_after(exec_ticks_since_boot, value_us * 1000u, ns_per_tick));
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return left;
}

unsigned alarm(unsigned seconds)
{
    uint64_t left = set_alarm((uint64_t)seconds * 1000000u, 0);

    /* A part of a second still counts as one (0 means no alarm was set). */
    return (unsigned)((left + 999999u) / 1000000u);
}

useconds_t ualarm(useconds_t useconds, useconds_t interval)
{
    return (useconds_t)set_alarm(useconds, interval);
}
