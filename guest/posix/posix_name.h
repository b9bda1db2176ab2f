/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Thread name text (pthread_setname_np/pthread_getname_np): pure string
 * functions, unit-tested on the host.
 */
#ifndef TESSERA_POSIX_NAME_H
#define TESSERA_POSIX_NAME_H

#include <stddef.h>
#include <stdint.h>

/* Copies src into dst (size bytes, at least 1), truncating; returns strlen(src). */
size_t posix_name_copy(char *dst, const char *src, size_t size);

/*
 * Writes a Classic object name as text into buffer (size bytes, truncated;
 * nothing if size is 0), as RTEMS's _Objects_Name_to_string: up to four
 * characters, ending at a zero byte, unprintable ones shown as '*'.
 * Returns the text's full length.
 */
size_t posix_object_name_to_string(uint32_t name, char *buffer, size_t size);

#endif
