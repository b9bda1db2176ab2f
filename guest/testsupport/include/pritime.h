/* SPDX-License-Identifier: BSD-2-Clause */
/* printf conversion for time_t, as RTEMS's test programs use it. */
#ifndef TESSERA_PRITIME_H
#define TESSERA_PRITIME_H

#include <inttypes.h>
#include <time.h>

/* time_t has 64 bits: newlib's on both targets, glibc's on the LP64 host. */
_Static_assert(sizeof(time_t) == 8, "time_t is expected to have 64 bits");
#define PRIdtime_t PRId64

#endif
