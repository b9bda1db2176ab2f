/* SPDX-License-Identifier: BSD-2-Clause */
#include <stdint.h>
#include "kformat.h"

struct out {
    char *buf;
    size_t size;
    size_t len; /* characters produced, even those that did not fit */
};

static void put(struct out *o, char c)
{
    if (o->len + 1 < o->size) {
        o->buf[o->len] = c;
    }
    o->len++;
}

static void put_number(struct out *o, uint64_t v, unsigned base, int negative, int width, char pad)
{
    char digits[24];
    int n = 0;

    do {
        unsigned d = (unsigned)(v % base);

        digits[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= base;
    } while (v);
    if (negative) {
        digits[n++] = '-';
    }
    for (int i = n; i < width; i++) {
        put(o, pad);
    }
    while (n) {
        put(o, digits[--n]);
    }
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct out o = {buf, size, 0};

    for (; *fmt; fmt++) {
        int width = 0, longs = 0;
        char pad = ' ';

        if (*fmt != '%') {
            put(&o, *fmt);
            continue;
        }
        fmt++;
        if (*fmt == '0') {
            pad = '0';
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9') {
            width = width * 10 + (*fmt++ - '0');
        }
        while (*fmt == 'l') {
            longs++;
            fmt++;
        }
        switch (*fmt) {
        case 'c':
            put(&o, (char)va_arg(ap, int));
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            int n = 0;

            if (!s) {
                s = "(null)";
            }
            while (s[n]) {
                n++;
            }
            for (int i = n; i < width; i++) {
                put(&o, ' ');
            }
            while (*s) {
                put(&o, *s++);
            }
            break;
        }
        case 'd': {
            int64_t v = longs >= 2 ? va_arg(ap, long long)
                        : longs    ? va_arg(ap, long)
                                   : va_arg(ap, int);
            uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

            put_number(&o, mag, 10, v < 0, width, pad);
            break;
        }
        case 'u':
        case 'x': {
            uint64_t v = longs >= 2 ? va_arg(ap, unsigned long long)
                         : longs    ? va_arg(ap, unsigned long)
                                    : va_arg(ap, unsigned);

            put_number(&o, v, *fmt == 'u' ? 10 : 16, 0, width, pad);
            break;
        }
        case 'p':
            put(&o, '0');
            put(&o, 'x');
            put_number(&o, (uintptr_t)va_arg(ap, void *), 16, 0, 8, '0');
            break;
        case '%':
            put(&o, '%');
            break;
        case '\0':
            fmt--; /* a lone '%' at the end: print nothing more */
            break;
        default:
            put(&o, '%');
            put(&o, *fmt);
            break;
        }
    }
    if (size) {
        buf[o.len < size ? o.len : size - 1] = '\0';
    }
    return (int)o.len;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = kvsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
