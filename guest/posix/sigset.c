/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Signal sets as RTEMS has them (<sys/signal.h> here declares these as
 * functions, not newlib's *-elf macros): signal signo is bit signo - 1, so
 * SIGUSR1 (25) is 0x01000000; a number outside 1..NSIG-1 or a null set is
 * EINVAL. sigfillset sets 32 bits, as RTEMS does, on every arch.
 */
#include <rtems.h>

#include "posix_impl.h"

#include <errno.h>
#include <signal.h>

static int invalid(void)
{
    errno = EINVAL;
    return -1;
}

int sigemptyset(sigset_t *set)
{
    if (set == NULL) {
        return invalid();
    }
    *set = 0;
    return 0;
}

int sigfillset(sigset_t *set)
{
    if (set == NULL) {
        return invalid();
    }
    *set = POSIX_SIGNAL_ALL;
    return 0;
}

int sigaddset(sigset_t *set, const int signo)
{
    if (set == NULL || !posix_signal_is_valid(signo)) {
        return invalid();
    }
    *set |= posix_signal_bit(signo);
    return 0;
}

int sigdelset(sigset_t *set, const int signo)
{
    if (set == NULL || !posix_signal_is_valid(signo)) {
        return invalid();
    }
    *set &= ~posix_signal_bit(signo);
    return 0;
}

int sigismember(const sigset_t *set, int signo)
{
    if (set == NULL || !posix_signal_is_valid(signo)) {
        return invalid();
    }
    return (*set & posix_signal_bit(signo)) != 0 ? 1 : 0;
}
