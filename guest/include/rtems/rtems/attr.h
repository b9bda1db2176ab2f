/* SPDX-License-Identifier: BSD-2-Clause */
/* Object attribute bits (values as RTEMS defines them). */
#ifndef TESSERA_RTEMS_ATTR_H
#define TESSERA_RTEMS_ATTR_H

#define RTEMS_DEFAULT_ATTRIBUTES                 0x00000000
#define RTEMS_LOCAL                              0x00000000
#define RTEMS_GLOBAL                             0x00000002
#define RTEMS_FIFO                               0x00000000
#define RTEMS_PRIORITY                           0x00000004
#define RTEMS_NO_FLOATING_POINT                  0x00000000
#define RTEMS_FLOATING_POINT                     0x00000001
#define RTEMS_COUNTING_SEMAPHORE                 0x00000000
#define RTEMS_BINARY_SEMAPHORE                   0x00000010
#define RTEMS_SIMPLE_BINARY_SEMAPHORE            0x00000020
#define RTEMS_SEMAPHORE_CLASS                    0x00000030
#define RTEMS_NO_INHERIT_PRIORITY                0x00000000
#define RTEMS_INHERIT_PRIORITY                   0x00000040
#define RTEMS_NO_PRIORITY_CEILING                0x00000000
#define RTEMS_PRIORITY_CEILING                   0x00000080
#define RTEMS_NO_MULTIPROCESSOR_RESOURCE_SHARING 0x00000000
#define RTEMS_MULTIPROCESSOR_RESOURCE_SHARING    0x00000100
#define RTEMS_BARRIER_MANUAL_RELEASE             0x00000000
#define RTEMS_BARRIER_AUTOMATIC_RELEASE          0x00000200
#define RTEMS_APPLICATION_TASK                   0x00000000
#define RTEMS_SYSTEM_TASK                        0x00008000

#endif
