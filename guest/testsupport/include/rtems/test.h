/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RTEMS 5 and earlier named the test information header <rtems/test.h>
 * (RTEMS 6 uses that name for its T test framework, not provided here).
 */
#ifndef TESSERA_RTEMS_TEST_H
#define TESSERA_RTEMS_TEST_H

#include <rtems/test-info.h>

#endif
