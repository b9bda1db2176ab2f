/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RTEMS's psxtests include <buffer_test_io.h> (through pmacros.h) for the
 * test begin and end banners; here they come from <rtems/test-info.h>, and
 * output is not buffered.
 */
#ifndef TESSERA_BUFFER_TEST_IO_H
#define TESSERA_BUFFER_TEST_IO_H

#include <rtems/test-info.h>

#endif
