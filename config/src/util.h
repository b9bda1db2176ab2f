/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Allocation helpers. tessera-config is a short-lived host tool: running out
 * of memory ends it with a message instead of threading failure paths
 * through every function.
 */
#ifndef TCFG_UTIL_H
#define TCFG_UTIL_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
