/* SPDX-License-Identifier: BSD-2-Clause */
/* Event manager, including system events and transient events. */
#ifndef TESSERA_RTEMS_EVENT_H
#define TESSERA_RTEMS_EVENT_H

#include <rtems/rtems/options.h>
#include <rtems/rtems/status.h>
#include <rtems/rtems/types.h>

#define RTEMS_PENDING_EVENTS 0
#define RTEMS_ALL_EVENTS     0xffffffff
#define RTEMS_EVENT_0        0x00000001
#define RTEMS_EVENT_1        0x00000002
#define RTEMS_EVENT_2        0x00000004
#define RTEMS_EVENT_3        0x00000008
#define RTEMS_EVENT_4        0x00000010
#define RTEMS_EVENT_5        0x00000020
#define RTEMS_EVENT_6        0x00000040
#define RTEMS_EVENT_7        0x00000080
#define RTEMS_EVENT_8        0x00000100
#define RTEMS_EVENT_9        0x00000200
#define RTEMS_EVENT_10       0x00000400
#define RTEMS_EVENT_11       0x00000800
#define RTEMS_EVENT_12       0x00001000
#define RTEMS_EVENT_13       0x00002000
#define RTEMS_EVENT_14       0x00004000
#define RTEMS_EVENT_15       0x00008000
#define RTEMS_EVENT_16       0x00010000
#define RTEMS_EVENT_17       0x00020000
#define RTEMS_EVENT_18       0x00040000
#define RTEMS_EVENT_19       0x00080000
#define RTEMS_EVENT_20       0x00100000
#define RTEMS_EVENT_21       0x00200000
#define RTEMS_EVENT_22       0x00400000
#define RTEMS_EVENT_23       0x00800000
#define RTEMS_EVENT_24       0x01000000
#define RTEMS_EVENT_25       0x02000000
#define RTEMS_EVENT_26       0x04000000
#define RTEMS_EVENT_27       0x08000000
#define RTEMS_EVENT_28       0x10000000
#define RTEMS_EVENT_29       0x20000000
#define RTEMS_EVENT_30       0x40000000
#define RTEMS_EVENT_31       0x80000000

#define RTEMS_EVENT_SYSTEM_NETWORK_SBWAIT            RTEMS_EVENT_24
#define RTEMS_EVENT_SYSTEM_NETWORK_SOSLEEP           RTEMS_EVENT_25
#define RTEMS_EVENT_SYSTEM_NETWORK_CLOSE             RTEMS_EVENT_26
#define RTEMS_EVENT_SYSTEM_AIO_SUSPENSION_TERMINATED RTEMS_EVENT_27
#define RTEMS_EVENT_SYSTEM_LIO_LIST_COMPLETED        RTEMS_EVENT_28
#define RTEMS_EVENT_SYSTEM_SERVER_RESUME             RTEMS_EVENT_29
#define RTEMS_EVENT_SYSTEM_SERVER                    RTEMS_EVENT_30
#define RTEMS_EVENT_SYSTEM_TRANSIENT                 RTEMS_EVENT_31

rtems_status_code rtems_event_send(rtems_id id, rtems_event_set event_in);
rtems_status_code rtems_event_receive(rtems_event_set event_in, rtems_option option_set,
                                      rtems_interval ticks, rtems_event_set *event_out);
rtems_status_code rtems_event_system_send(rtems_id id, rtems_event_set event_in);
rtems_status_code rtems_event_system_receive(rtems_event_set event_in, rtems_option option_set,
                                             rtems_interval ticks, rtems_event_set *event_out);

static inline rtems_status_code rtems_event_transient_send(rtems_id id)
{
    return rtems_event_system_send(id, RTEMS_EVENT_SYSTEM_TRANSIENT);
}

static inline rtems_status_code rtems_event_transient_receive(rtems_option option_set,
                                                              rtems_interval ticks)
{
    rtems_event_set event_out;

    return rtems_event_system_receive(RTEMS_EVENT_SYSTEM_TRANSIENT, RTEMS_EVENT_ALL | option_set,
                                      ticks, &event_out);
}

static inline void rtems_event_transient_clear(void)
{
    rtems_event_set event_out;

    (void)rtems_event_system_receive(RTEMS_EVENT_SYSTEM_TRANSIENT, RTEMS_EVENT_ALL | RTEMS_NO_WAIT,
                                     0, &event_out);
}

#endif
