/* SPDX-License-Identifier: BSD-2-Clause */
/* Ready-made printers (see <rtems/print.h>). */
#ifndef TESSERA_RTEMS_PRINTER_H
#define TESSERA_RTEMS_PRINTER_H

#include <rtems/print.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

static inline bool rtems_print_printer_valid(const rtems_printer *printer)
{
    return printer != NULL && printer->printer != NULL;
}

/* A printer that discards everything. */
static inline void rtems_print_printer_empty(rtems_printer *printer)
{
    printer->context = NULL;
    printer->printer = NULL;
}

/* Through printk: unbuffered, straight to the console. */
void rtems_print_printer_printk(rtems_printer *printer);
/* Through printf (stdout, buffered like the rest of the program's output). */
void rtems_print_printer_printf(rtems_printer *printer);
/* Through fprintf to file. */
void rtems_print_printer_fprintf(rtems_printer *printer, FILE *file);
/*
 * To stdout, flushed after each call, so that lines printed through it and
 * by printf keep their order whatever stdout's buffering is.
 */
void rtems_print_printer_fprintf_putc(rtems_printer *printer);

#endif
