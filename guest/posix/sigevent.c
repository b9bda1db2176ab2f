/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The notifications of struct sigevent that message queues (mq_notify)
 * ask for: SIGEV_NONE (nothing is delivered) and SIGEV_SIGNAL (the signal,
 * with its value, to the process). SIGEV_THREAD is not supported.
 */
#include <rtems.h>

#include "posix_impl.h"

bool posix_sigevent_is_supported(const struct sigevent *ev)
{
    return ev->sigev_notify == SIGEV_NONE ||
           (ev->sigev_notify == SIGEV_SIGNAL && posix_signal_is_valid(ev->sigev_signo));
}

void posix_sigevent_notify(const struct sigevent *ev, int code)
{
    if (ev->sigev_notify == SIGEV_SIGNAL) {
        posix_signal_generate(NULL, ev->sigev_signo, code, ev->sigev_value);
    }
}
