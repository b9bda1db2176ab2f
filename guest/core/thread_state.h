/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The bits of a thread's state. Apart from thread.h so that the scheduler,
 * which thread.c builds on, can read states without depending on thread.c.
 */
#ifndef TESSERA_EXEC_THREAD_STATE_H
#define TESSERA_EXEC_THREAD_STATE_H

#define EXEC_STATE_READY      0x00u
#define EXEC_STATE_DORMANT    0x01u /* created, not started (or deleted) */
#define EXEC_STATE_SUSPENDED  0x02u
#define EXEC_STATE_DELAYING   0x04u /* wake_after / wake_when */
#define EXEC_STATE_BLOCKED    0x08u /* on a thread queue */
#define EXEC_STATE_EVENT_WAIT 0x10u
#define EXEC_STATE_PERIOD     0x20u /* rtems_rate_monotonic_period */
#define EXEC_STATE_WAIT_MASK                                                                       \
    (EXEC_STATE_DELAYING | EXEC_STATE_BLOCKED | EXEC_STATE_EVENT_WAIT | EXEC_STATE_PERIOD)

#endif
