/* SPDX-License-Identifier: BSD-2-Clause */
/* The built-in-test task every pipeline partition runs beside its work: a
 * second, lower-priority task with a period of its own. */
#ifndef PIPELINE_BIT_H
#define PIPELINE_BIT_H

#include <rtems.h>

/* Creates and starts the task; it prints as who every period ticks. */
rtems_status_code pipeline_start_bit(const char *who, rtems_interval period);

#endif
