/* SPDX-License-Identifier: BSD-2-Clause */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "util.h"

static char *vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        return xstrdup("(unprintable message)");
    }
    char *s = xmalloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

static void add(struct tcfg_diag *d, unsigned long line, char *text)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? 2 * d->cap : 16;
        d->v = xrealloc(d->v, d->cap * sizeof *d->v);
    }
    d->v[d->n] = (struct tcfg_diag_entry){.line = line, .seq = d->n, .text = text};
    d->n++;
}

void tcfg_error(struct tcfg_diag *d, const struct tcfg_where *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    add(d, at->line, xasprintf("%s: %s", at->prefix ? at->prefix : "?", msg));
    free(msg);
}

void tcfg_error_line(struct tcfg_diag *d, const char *file, unsigned long line, const char *fmt,
                     ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    add(d, line, xasprintf("%s:%lu: %s", file, line, msg));
    free(msg);
}

static int by_line(const void *a, const void *b)
{
    const struct tcfg_diag_entry *x = a, *y = b;
    if (x->line != y->line) {
        return x->line < y->line ? -1 : 1;
    }
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void tcfg_diag_sort(struct tcfg_diag *d)
{
    if (d->n > 1) {
        qsort(d->v, d->n, sizeof *d->v, by_line);
    }
}

void tcfg_diag_print(const struct tcfg_diag *d, FILE *f)
{
    for (size_t i = 0; i < d->n; i++) {
        fprintf(f, "%s\n", d->v[i].text);
    }
}

void tcfg_diag_free(struct tcfg_diag *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].text);
    }
    free(d->v);
    d->v = NULL;
    d->n = d->cap = 0;
}
