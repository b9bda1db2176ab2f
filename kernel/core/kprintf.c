/* SPDX-License-Identifier: BSD-2-Clause */
#include "kformat.h"
#include "kprintf.h"
#include "arch.h"
#include "console.h"

static void kvprintf(const char *fmt, va_list ap)
{
    char line[256];
    int n = kvsnprintf(line, sizeof(line), fmt, ap);

    if (n >= (int)sizeof(line)) {
        n = sizeof(line) - 1;
    }
    /* Partition lines written before this one come out before it. */
    console_print_kernel_line(line, n);
}

void kprintf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    kvprintf(fmt, ap);
    va_end(ap);
}

void panic(const char *fmt, ...)
{
    va_list ap;

    kprintf("[tessera] PANIC: ");
    va_start(ap, fmt);
    kvprintf(fmt, ap);
    va_end(ap);
    kprintf("\n");
    arch_shutdown(1);
}
