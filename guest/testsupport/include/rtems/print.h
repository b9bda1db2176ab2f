/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Printers: a formatted-output sink as a value (function + context), so a
 * test's banners and reports can go to printk (no C library, safe early and
 * from any task) or to a stdio stream without the caller knowing which.
 * Part of Tessera's test support (guest/testsupport), not of the executive.
 */
#ifndef TESSERA_RTEMS_PRINT_H
#define TESSERA_RTEMS_PRINT_H

#include <stdarg.h>

typedef int (*rtems_print_printer)(void *context, const char *format, va_list ap);

typedef struct rtems_printer {
    void *context;
    rtems_print_printer printer;
} rtems_printer;

/* Both return the number of characters written, 0 for an empty printer. */
int rtems_printf(const rtems_printer *printer, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
int rtems_vprintf(const rtems_printer *printer, const char *format, va_list ap)
    __attribute__((format(printf, 2, 0)));

#endif
