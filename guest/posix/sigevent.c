/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The notifications of struct sigevent that message queues (mq_notify)
 * ask for. Signals are not implemented yet: SIGEV_NONE alone is accepted,
 * and it delivers nothing.
 */
#include <rtems.h>

#include "posix_impl.h"

bool posix_sigevent_is_supported(const struct sigevent *ev)
{
    return ev->sigev_notify == SIGEV_NONE;
}

void posix_sigevent_notify(const struct sigevent *ev, int code)
{
    (void)ev;
    (void)code;
}
