/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Waiting for signals: sigwait, sigwaitinfo, sigtimedwait; and for a
 * handler to run: sigsuspend, pause. A signal of the
 * set already pending (on the thread, else on the process) is taken at
 * once; otherwise the thread waits in posix_signal_waiters until
 * signal.c's generation hands one over (the waiting set counts, not the
 * mask) or the relative timeout passes on the tick clock.
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
#include <signal.h>
#include <unistd.h>

/* Returns the signal, or the errno value negated. */
static int wait_for(const sigset_t *set, siginfo_t *info, const struct timespec *timeout)
{
    struct exec_thread *executing;
    struct posix_signal_thread *s;
    port_isr_level level;
    uint64_t ns = 0;
    int sig;

    if (set == NULL ||
        (timeout != NULL && !posix_time_to_ns(timeout->tv_sec, timeout->tv_nsec, &ns))) {
        return -EINVAL;
    }
    level = exec_directive_lock();
    executing = exec_executing;
    s = posix_signal_state(executing);
    sig = s != NULL ? posix_signal_take(s, *set, info) : 0;
    if (s == NULL) {
        sig = -EINVAL;
    } else if (sig == 0 && timeout != NULL && ns == 0) {
        sig = -EAGAIN;
    } else if (sig == 0) {
        s->waiting = *set;
        exec_thread_block(executing, &posix_signal_waiters, EXEC_STATE_BLOCKED, 0);
        if (timeout != NULL) {
            exec_thread_arm_timeout(
                executing, &exec_watchdog_ticks,
                posix_ticks_after(exec_ticks_since_boot, ns, exec_clock_ns_per_tick()));
        }
        exec_dispatch();
        s->waiting = 0;
        if (executing->wait.status == RTEMS_SUCCESSFUL) {
            sig = s->received.si_signo;
            if (info != NULL) {
                *info = s->received;
            }
        } else {
            sig = -EAGAIN;
        }
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    return sig;
}

int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout)
{
    int sig = wait_for(set, info, timeout);

    if (sig < 0) {
        errno = -sig;
        return -1;
    }
    return sig;
}

int sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
    return sigtimedwait(set, info, NULL);
}

int sigwait(const sigset_t *set, int *sig)
{
    int got = wait_for(set, NULL, NULL);

    if (got < 0) {
        return -got;
    }
    if (sig != NULL) {
        *sig = got;
    }
    return 0;
}

/*
 * Waits with the mask replaced until a signal's handler has run in this
 * thread (signal.c wakes it; the dispatcher runs the handler as it returns
 * to it), then restores the mask. Always -1 with EINTR.
 */
int sigsuspend(const sigset_t *mask)
{
    struct exec_thread *executing;
    struct posix_signal_thread *s;
    port_isr_level level;
    sigset_t saved;

    if (mask == NULL) {
        errno = EINVAL;
        return -1;
    }
    level = exec_directive_lock();
    executing = exec_executing;
    s = posix_signal_state(executing);
    if (s != NULL) {
        saved = s->blocked;
        s->blocked = *mask & ~(posix_signal_bit(SIGKILL) | posix_signal_bit(SIGSTOP));
        if (!posix_signal_is_deliverable(s)) {
            s->suspended = true;
            exec_thread_block(executing, &posix_signal_waiters, EXEC_STATE_BLOCKED, 0);
        }
        exec_dispatch();
        s->suspended = false;
        s->blocked = saved;
    }
    (void)exec_directive_unlock(level, RTEMS_SUCCESSFUL);
    errno = EINTR;
    return -1;
}

int pause(void)
{
    sigset_t mask;

    (void)pthread_sigmask(SIG_BLOCK, NULL, &mask);
    return sigsuspend(&mask);
}
