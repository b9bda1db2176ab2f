/* SPDX-License-Identifier: BSD-2-Clause */
/* printf conversion macros for Classic API types. */
#ifndef TESSERA_RTEMS_INTTYPES_H
#define TESSERA_RTEMS_INTTYPES_H

#include <inttypes.h>

#define PRIxrtems_id            PRIx32
#define PRIXrtems_id            PRIX32
#define PRIdrtems_id            PRId32
#define PRIurtems_id            PRIu32
#define PRIxrtems_name          PRIx32
#define PRIurtems_interval      PRIu32
#define PRIdrtems_interval      PRIu32
#define PRIxrtems_event_set     PRIx32
#define PRIurtems_task_priority PRIu32
#define PRIdrtems_task_priority PRIu32
#define PRIxrtems_mode          PRIx32
#define PRIxrtems_attribute     PRIx32
#define PRIxrtems_option        PRIx32
#define PRIxrtems_signal_set    PRIx32
#define PRIxrtems_task_argument PRIxPTR
#define PRIdrtems_task_argument PRIdPTR
#define PRIdPriority_Control    PRIu64
/* newlib's pthread_t is a 32-bit id. */
#define PRIxpthread_t PRIx32

#endif
