/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * signal() and raise() on the POSIX signals (signal.c), in a file of their
 * own: an application that uses neither keeps newlib's, which reach the
 * same actions through kill().
 */
#include <rtems.h>

#include "posix_impl.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>

_sig_func_ptr signal(int sig, _sig_func_ptr func)
{
    struct sigaction act = {.sa_handler = func};
    struct sigaction old;

    if (sigaction(sig, &act, &old) != 0) {
        return SIG_ERR;
    }
    return old.sa_handler;
}

int raise(int sig)
{
    int error = pthread_kill(pthread_self(), sig);

    if (error != 0) {
        errno = error;
        return -1;
    }
    return 0;
}
