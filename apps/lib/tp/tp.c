/* SPDX-License-Identifier: BSD-2-Clause */
#include <stdarg.h>
#include "kformat.h"
#include "tp.h"

int tp_printf(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = kvsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof(buf))
        n = sizeof(buf) - 1;
    return pv_console_write(buf, (uint32_t)n);
}

uint64_t tp_now(void)
{
    uint64_t t = 0;

    pv_time_get(&t);
    return t;
}
