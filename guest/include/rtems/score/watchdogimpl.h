/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The tick counter under RTEMS's name, for programs that read or set it
 * (RTEMS's tests force it near a wrap-around). The executive counts ticks in
 * 64 bits; _Watchdog_Ticks_since_boot is its low 32 bits, an lvalue, what
 * rtems_clock_get_ticks_since_boot() returns. Setting it moves the clock's
 * tick count only: watchdogs already armed keep their absolute deadline.
 */
#ifndef TESSERA_RTEMS_SCORE_WATCHDOGIMPL_H
#define TESSERA_RTEMS_SCORE_WATCHDOGIMPL_H

#include <stdint.h>

typedef uint32_t Watchdog_Interval;

volatile Watchdog_Interval *exec_ticks_since_boot_low_word(void);

#define _Watchdog_Ticks_since_boot (*exec_ticks_since_boot_low_word())

#endif
