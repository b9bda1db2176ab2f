/* SPDX-License-Identifier: BSD-2-Clause */
/* Printers (<rtems/printer.h>) and the test printer (<rtems/test-printer.h>). */
#include <rtems/bspIo.h>
#include <rtems/test-printer.h>
#include <stdio.h>

static int printk_printer(void *context, const char *format, va_list ap)
{
    (void)context;
    return vprintk(format, ap);
}

static int file_printer(void *context, const char *format, va_list ap)
{
    return vfprintf(context, format, ap);
}

static int stdout_flushed_printer(void *context, const char *format, va_list ap)
{
    (void)context;
    int n = vfprintf(stdout, format, ap);
    fflush(stdout);
    return n;
}

rtems_printer rtems_test_printer = {.context = NULL, .printer = printk_printer};

int rtems_vprintf(const rtems_printer *printer, const char *format, va_list ap)
{
    if (!rtems_print_printer_valid(printer)) {
        return 0;
    }
    return printer->printer(printer->context, format, ap);
}

int rtems_printf(const rtems_printer *printer, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    int n = rtems_vprintf(printer, format, ap);
    va_end(ap);
    return n;
}

int rtems_test_printf(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    int n = rtems_vprintf(&rtems_test_printer, format, ap);
    va_end(ap);
    return n;
}

void rtems_print_printer_printk(rtems_printer *printer)
{
    printer->context = NULL;
    printer->printer = printk_printer;
}

void rtems_print_printer_printf(rtems_printer *printer)
{
    printer->context = stdout;
    printer->printer = file_printer;
}

void rtems_print_printer_fprintf(rtems_printer *printer, FILE *file)
{
    printer->context = file;
    printer->printer = file_printer;
}

void rtems_print_printer_fprintf_putc(rtems_printer *printer)
{
    printer->context = NULL;
    printer->printer = stdout_flushed_printer;
}
