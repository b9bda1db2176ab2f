/* SPDX-License-Identifier: BSD-2-Clause */
/* The empty baselines of RTEMS's timing tests (guest/testsupport). */
#ifndef TESSERA_TMTESTS_EMPTY_FUNCTION_H
#define TESSERA_TMTESTS_EMPTY_FUNCTION_H

#include <rtems/btimer.h>

/* Does nothing, at the cost of a call with these arguments. */
void benchmark_timer_empty_operation(int iteration, void *argument);

#endif
