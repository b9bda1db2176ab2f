/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Error reporting helpers: a message with the status's text, or a message
 * and a fatal stop. Part of Tessera's test support (guest/testsupport).
 */
#ifndef TESSERA_RTEMS_ERROR_H
#define TESSERA_RTEMS_ERROR_H

#include <rtems.h>

typedef uint32_t rtems_error_code_t;

/* Flags or-ed into the error code of rtems_error(). */
#define RTEMS_ERROR_ERRNO (1U << 30) /* also print strerror(errno) */
#define RTEMS_ERROR_PANIC (1U << 29) /* stop after printing */
#define RTEMS_ERROR_ABORT (1U << 28) /* stop after printing */
#define RTEMS_ERROR_MASK  (RTEMS_ERROR_ERRNO | RTEMS_ERROR_PANIC | RTEMS_ERROR_ABORT)

/*
 * Prints the message to stderr, then " (status: <text>)" for a non-zero
 * status code and a newline; with PANIC or ABORT the program stops
 * (RTEMS_FATAL_SOURCE_PANIC). Returns the characters printed.
 */
int rtems_error(rtems_error_code_t error_code, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* Prints the message and stops (RTEMS_FATAL_SOURCE_PANIC). */
EXEC_NORETURN void rtems_panic(const char *format, ...) __attribute__((format(printf, 1, 2)));

#endif
