/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RTEMS score internals under their RTEMS names, for the programs (RTEMS's
 * own tests among them) that reach past the Classic API:
 * <rtems/score/thread.h> and <rtems/score/watchdogimpl.h>.
 */
#include <rtems.h>
#include <rtems/score/watchdogimpl.h>

#include "dispatch.h"
#include "thread.h"

Thread_Control *_Thread_Get_executing(void)
{
    return exec_executing;
}

Priority_Control _Thread_Get_priority(const Thread_Control *the_thread)
{
    return the_thread->priority;
}

volatile Watchdog_Interval *exec_ticks_since_boot_low_word(void)
{
    /* The 64-bit count's low half is its second word on a big-endian CPU. */
    volatile Watchdog_Interval *words =
        (volatile Watchdog_Interval *)(void *)&exec_ticks_since_boot;

    return &words[__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__ ? 1 : 0];
}
