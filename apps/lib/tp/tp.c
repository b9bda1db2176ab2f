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

bool tp_line_feed(struct tp_line *line, const char *buf, int32_t n)
{
    for (int32_t i = 0; i < n; i++) {
        if (buf[i] != '\n') {
            if (line->len < sizeof(line->text) - 1) {
                line->text[line->len++] = buf[i];
            }
            continue;
        }
        line->text[line->len] = 0;
        tp_printf("got: %s\n", line->text);
        if (line->len == 4 && line->text[0] == 'q' && line->text[1] == 'u' &&
            line->text[2] == 'i' && line->text[3] == 't') {
            return true;
        }
        line->len = 0;
    }
    return false;
}
