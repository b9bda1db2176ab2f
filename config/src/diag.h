/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Diagnostics: every problem found is collected, then printed sorted by line,
 * so one run reports all errors in the order a reader meets them.
 */
#ifndef TCFG_DIAG_H
#define TCFG_DIAG_H

#include <stddef.h>
#include <stdio.h>

/* Where an element is: its line and the "FILE:LINE: <elem name=...>" prefix. */
struct tcfg_where {
    unsigned long line;
    char *prefix; /* NULL until the element is known */
};

struct tcfg_diag_entry {
    unsigned long line;
    size_t seq;
    char *text;
};

struct tcfg_diag {
    struct tcfg_diag_entry *v;
    size_t n, cap;
};

/* Reports a problem with the element at `at`. */
void tcfg_error(struct tcfg_diag *d, const struct tcfg_where *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Reports a problem that has a line but no element (e.g. not well-formed). */
void tcfg_error_line(struct tcfg_diag *d, const char *file, unsigned long line, const char *fmt,
                     ...) __attribute__((format(printf, 4, 5)));
/* Sorts by line, keeping the order of reports within a line. */
void tcfg_diag_sort(struct tcfg_diag *d);
void tcfg_diag_print(const struct tcfg_diag *d, FILE *f);
void tcfg_diag_free(struct tcfg_diag *d);

#endif
