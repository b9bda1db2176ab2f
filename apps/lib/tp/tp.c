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
    if (n >= (int)sizeof(buf)) {
        n = sizeof(buf) - 1;
    }
    for (int done = 0; done < n;) {
        int32_t took = pv_console_write(buf + done, (uint32_t)(n - done));

        if (took <= 0) {
            return took;
        }
        done += took;
    }
    return n;
}

uint64_t tp_now(void)
{
    uint64_t t = 0;

    pv_time_get(&t);
    return t;
}
