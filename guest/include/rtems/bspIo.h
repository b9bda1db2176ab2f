/* SPDX-License-Identifier: BSD-2-Clause */
/* Kernel-style console output that bypasses the C library (printk). */
#ifndef TESSERA_RTEMS_BSPIO_H
#define TESSERA_RTEMS_BSPIO_H

#include <stdarg.h>

int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintk(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
int putk(const char *s);
void rtems_putc(char c);

#endif
