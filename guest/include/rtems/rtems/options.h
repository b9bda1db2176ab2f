/* SPDX-License-Identifier: BSD-2-Clause */
/* Directive option bits (values as RTEMS defines them). */
#ifndef TESSERA_RTEMS_OPTIONS_H
#define TESSERA_RTEMS_OPTIONS_H

#define RTEMS_DEFAULT_OPTIONS 0x00000000
#define RTEMS_WAIT            0x00000000
#define RTEMS_NO_WAIT         0x00000001
#define RTEMS_EVENT_ALL       0x00000000
#define RTEMS_EVENT_ANY       0x00000002

#endif
