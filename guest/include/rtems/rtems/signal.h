/* SPDX-License-Identifier: BSD-2-Clause */
/* Signal manager: asynchronous signal routines (ASRs) of tasks. */
#ifndef TESSERA_RTEMS_SIGNAL_H
#define TESSERA_RTEMS_SIGNAL_H

#include <rtems/rtems/modes.h>
#include <rtems/rtems/status.h>
#include <rtems/rtems/types.h>

typedef uint32_t rtems_signal_set;
typedef void rtems_asr;
typedef rtems_asr (*rtems_asr_entry)(rtems_signal_set);

#define RTEMS_SIGNAL_0  0x00000001
#define RTEMS_SIGNAL_1  0x00000002
#define RTEMS_SIGNAL_2  0x00000004
#define RTEMS_SIGNAL_3  0x00000008
#define RTEMS_SIGNAL_4  0x00000010
#define RTEMS_SIGNAL_5  0x00000020
#define RTEMS_SIGNAL_6  0x00000040
#define RTEMS_SIGNAL_7  0x00000080
#define RTEMS_SIGNAL_8  0x00000100
#define RTEMS_SIGNAL_9  0x00000200
#define RTEMS_SIGNAL_10 0x00000400
#define RTEMS_SIGNAL_11 0x00000800
#define RTEMS_SIGNAL_12 0x00001000
#define RTEMS_SIGNAL_13 0x00002000
#define RTEMS_SIGNAL_14 0x00004000
#define RTEMS_SIGNAL_15 0x00008000
#define RTEMS_SIGNAL_16 0x00010000
#define RTEMS_SIGNAL_17 0x00020000
#define RTEMS_SIGNAL_18 0x00040000
#define RTEMS_SIGNAL_19 0x00080000
#define RTEMS_SIGNAL_20 0x00100000
#define RTEMS_SIGNAL_21 0x00200000
#define RTEMS_SIGNAL_22 0x00400000
#define RTEMS_SIGNAL_23 0x00800000
#define RTEMS_SIGNAL_24 0x01000000
#define RTEMS_SIGNAL_25 0x02000000
#define RTEMS_SIGNAL_26 0x04000000
#define RTEMS_SIGNAL_27 0x08000000
#define RTEMS_SIGNAL_28 0x10000000
#define RTEMS_SIGNAL_29 0x20000000
#define RTEMS_SIGNAL_30 0x40000000
#define RTEMS_SIGNAL_31 0x80000000

rtems_status_code rtems_signal_catch(rtems_asr_entry asr_handler, rtems_mode mode_set);
rtems_status_code rtems_signal_send(rtems_id id, rtems_signal_set signal_set);

#endif
