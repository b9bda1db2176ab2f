/* SPDX-License-Identifier: BSD-2-Clause */
/* Delivery of signals to the asynchronous signal routine (ASR) of a task. */
#ifndef TESSERA_EXEC_SIGNAL_IMPL_H
#define TESSERA_EXEC_SIGNAL_IMPL_H

#include <stdbool.h>

/* The executing task has signals pending and its ASR enabled. */
bool exec_signal_is_due(void);

/*
 * Runs the executing task's ASR if that is due, in the ASR's own mode, and
 * returns true if it ran. Called by exec_dispatch() in task context with
 * interrupts disabled; returns with them disabled.
 */
bool exec_signal_deliver(void);

#endif
