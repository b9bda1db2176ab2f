/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RTEMS's internal task header, which some RTEMS programs include: here it
 * only gives the thread control block (Thread_Control) and the executing
 * thread; RTEMS's task object information is not offered.
 */
#ifndef TESSERA_RTEMS_RTEMS_TASKSIMPL_H
#define TESSERA_RTEMS_RTEMS_TASKSIMPL_H

#include <rtems.h>
#include <rtems/score/thread.h>

#endif
