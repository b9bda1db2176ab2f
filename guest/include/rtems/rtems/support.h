/* SPDX-License-Identifier: BSD-2-Clause */
/* Small helpers of the Classic API. */
#ifndef TESSERA_RTEMS_SUPPORT_H
#define TESSERA_RTEMS_SUPPORT_H

#include <rtems/config.h>
#include <rtems/rtems/types.h>

static inline bool rtems_is_name_valid(rtems_name name)
{
    return name != 0;
}

static inline void rtems_name_to_characters(rtems_name name, char *c1, char *c2, char *c3, char *c4)
{
    *c1 = (char)((name >> 24) & 0xff);
    *c2 = (char)((name >> 16) & 0xff);
    *c3 = (char)((name >> 8) & 0xff);
    *c4 = (char)(name & 0xff);
}

#define RTEMS_MILLISECONDS_TO_MICROSECONDS(_ms) ((_ms)*1000UL)
#define RTEMS_MICROSECONDS_TO_TICKS(_us)        ((_us) / rtems_configuration_get_microseconds_per_tick())
#define RTEMS_MILLISECONDS_TO_TICKS(_ms)                                                           \
    RTEMS_MICROSECONDS_TO_TICKS(RTEMS_MILLISECONDS_TO_MICROSECONDS(_ms))

#endif
