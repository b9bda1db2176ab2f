/* SPDX-License-Identifier: BSD-2-Clause */
/* String formatting with no dependencies: used by the kernel and by the
 * small test partitions. */
#ifndef TESSERA_KFORMAT_H
#define TESSERA_KFORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* Supports %c %s %d %u %x %p and the l/ll length modifiers, width and '0'.
 * Returns the length the full output has, like vsnprintf. */
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int ksnprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
