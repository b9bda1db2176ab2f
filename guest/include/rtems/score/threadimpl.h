/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RTEMS's internal thread header, as far as programs use it: the executing
 * thread and its priority (<rtems/score/thread.h>).
 */
#ifndef TESSERA_RTEMS_SCORE_THREADIMPL_H
#define TESSERA_RTEMS_SCORE_THREADIMPL_H

#include <rtems/score/thread.h>

#endif
