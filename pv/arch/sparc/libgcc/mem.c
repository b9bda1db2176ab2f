/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memcpy and memset, which GCC may call for any code on SPARC (a 64-bit
 * va_arg is copied with memcpy, as it may be misaligned in the register
 * save area), also in bare partitions that have no C library. In its own
 * object so that a C library's or the kernel's versions win where they
 * exist: an archive member is only taken for a symbol nobody else defines.
 */
#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);

void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    while (n--) {
        *d++ = *s++;
    }
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;

    while (n--) {
        *d++ = (unsigned char)c;
    }
    return dst;
}
