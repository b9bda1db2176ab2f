/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memset and memcpy for bare RISC-V partitions, which have no C library:
 * GCC calls them for a large initialiser or structure copy (x86's inlines
 * them as string instructions). Their own archive, linked before libgcc,
 * so that a C library's or the kernel's (kstring.c) versions win where
 * they exist: an archive member is only taken for a symbol nobody else
 * defines. Built without loop-to-call conversion, or they would call
 * themselves.
 */
#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;

    for (size_t i = 0; i < n; i++) {
        d[i] = (unsigned char)c;
    }
    return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    for (size_t i = 0; i < n; i++) {
        d[i] = s[i];
    }
    return dst;
}
