/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RTEMS's name for the header of one message buffer, which programs use to
 * compute a queue's storage (sizeof): each buffer is this header plus the
 * maximum message size, rounded up to the header's alignment, as
 * RTEMS_MESSAGE_QUEUE_BUFFER lays it out.
 */
#ifndef TESSERA_RTEMS_SCORE_COREMSG_H
#define TESSERA_RTEMS_SCORE_COREMSG_H

#include <rtems/rtems/message.h>

typedef exec_message_buffer CORE_message_queue_Buffer;

#endif
