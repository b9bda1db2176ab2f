/* SPDX-License-Identifier: BSD-2-Clause */
/* The printer of the test banners (printk unless the test redirects it). */
#ifndef TESSERA_RTEMS_TEST_PRINTER_H
#define TESSERA_RTEMS_TEST_PRINTER_H

#include <rtems/printer.h>

extern rtems_printer rtems_test_printer;

int rtems_test_printf(const char *format, ...) __attribute__((format(printf, 1, 2)));

#endif
