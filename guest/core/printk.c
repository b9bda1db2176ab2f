/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * printk: formatted console output straight to the port, usable before the
 * C library works, from interrupt context and with interrupts disabled.
 * Understands %c %s %d %i %u %x %X %o %p %% with flags '-' '0', a width and
 * the length modifiers hh h l ll z j t.
 */
#include <rtems/bspIo.h>

#include <port.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Output is gathered in small chunks to limit port calls. */
struct sink {
    char buf[64];
    size_t used;
    int total;
};

static void flush(struct sink *s)
{
    if (s->used != 0) {
        port_console_write(s->buf, s->used);
        s->used = 0;
    }
}

static void put(struct sink *s, char c)
{
    if (s->used == sizeof(s->buf)) {
        flush(s);
    }
    s->buf[s->used++] = c;
    s->total++;
}

static void pad(struct sink *s, char c, int n)
{
    while (n-- > 0) {
        put(s, c);
    }
}

static void put_string(struct sink *s, const char *str, int width, bool left)
{
    int len = 0;

    if (str == NULL) {
        str = "(null)";
    }
    while (str[len] != '\0') {
        len++;
    }
    if (!left) {
        pad(s, ' ', width - len);
    }
    for (int i = 0; i < len; i++) {
        put(s, str[i]);
    }
    if (left) {
        pad(s, ' ', width - len);
    }
}

static void put_number(struct sink *s, uintmax_t value, bool negative, unsigned base, bool upper,
                       int width, bool left, bool zero)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    int n = 0;
    int len;

    do {
        tmp[n++] = digits[value % base];
        value /= base;
    } while (value != 0);
    len = n + (negative ? 1 : 0);
    if (!left && !zero) {
        pad(s, ' ', width - len);
    }
    if (negative) {
        put(s, '-');
    }
    if (!left && zero) {
        pad(s, '0', width - len);
    }
    while (n > 0) {
        put(s, tmp[--n]);
    }
    if (left) {
        pad(s, ' ', width - len);
    }
}

enum length { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_SIZE, LEN_MAX, LEN_PTRDIFF };

static enum length parse_length(const char **fmt)
{
    const char *f = *fmt;
    enum length len = LEN_INT;

    switch (*f) {
    case 'h':
        len = f[1] == 'h' ? LEN_CHAR : LEN_SHORT;
        f += f[1] == 'h' ? 2 : 1;
        break;
    case 'l':
        len = f[1] == 'l' ? LEN_LLONG : LEN_LONG;
        f += f[1] == 'l' ? 2 : 1;
        break;
    case 'z':
        len = LEN_SIZE;
        f++;
        break;
    case 'j':
        len = LEN_MAX;
        f++;
        break;
    case 't':
        len = LEN_PTRDIFF;
        f++;
        break;
    default:
        break;
    }
    *fmt = f;
    return len;
}

static intmax_t signed_arg(va_list *ap, enum length len)
{
    switch (len) {
    case LEN_CHAR:
        return (signed char)va_arg(*ap, int);
    case LEN_SHORT:
        return (short)va_arg(*ap, int);
    case LEN_LONG:
        return va_arg(*ap, long);
    case LEN_LLONG:
        return va_arg(*ap, long long);
    case LEN_SIZE:
    case LEN_PTRDIFF:
        return va_arg(*ap, ptrdiff_t);
    case LEN_MAX:
        return va_arg(*ap, intmax_t);
    default:
        return va_arg(*ap, int);
    }
}

static uintmax_t unsigned_arg(va_list *ap, enum length len)
{
    switch (len) {
    case LEN_CHAR:
        return (unsigned char)va_arg(*ap, unsigned);
    case LEN_SHORT:
        return (unsigned short)va_arg(*ap, unsigned);
    case LEN_LONG:
        return va_arg(*ap, unsigned long);
    case LEN_LLONG:
        return va_arg(*ap, unsigned long long);
    case LEN_SIZE:
    case LEN_PTRDIFF:
        return va_arg(*ap, size_t);
    case LEN_MAX:
        return va_arg(*ap, uintmax_t);
    default:
        return va_arg(*ap, unsigned);
    }
}

static void format(struct sink *s, const char *fmt, va_list *ap)
{
    for (; *fmt != '\0'; fmt++) {
        bool left = false;
        bool zero = false;
        int width = 0;
        enum length len;
        intmax_t sv;

        if (*fmt != '%') {
            put(s, *fmt);
            continue;
        }
        fmt++;
        for (;; fmt++) {
            if (*fmt == '-') {
                left = true;
            } else if (*fmt == '0') {
                zero = true;
            } else {
                break;
            }
        }
        if (*fmt == '*') {
            width = va_arg(*ap, int);
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9') {
            width = width * 10 + (*fmt++ - '0');
        }
        len = parse_length(&fmt);
        switch (*fmt) {
        case 'c':
            put(s, (char)va_arg(*ap, int));
            break;
        case 's':
            put_string(s, va_arg(*ap, const char *), width, left);
            break;
        case 'd':
        case 'i':
            sv = signed_arg(ap, len);
            put_number(s, sv < 0 ? (uintmax_t)0 - (uintmax_t)sv : (uintmax_t)sv, sv < 0, 10, false,
                       width, left, zero);
            break;
        case 'u':
            put_number(s, unsigned_arg(ap, len), false, 10, false, width, left, zero);
            break;
        case 'x':
        case 'X':
            put_number(s, unsigned_arg(ap, len), false, 16, *fmt == 'X', width, left, zero);
            break;
        case 'o':
            put_number(s, unsigned_arg(ap, len), false, 8, false, width, left, zero);
            break;
        case 'p':
            put(s, '0');
            put(s, 'x');
            put_number(s, (uintptr_t)va_arg(*ap, void *), false, 16, false, width, left, zero);
            break;
        case '%':
            put(s, '%');
            break;
        case '\0':
            return;
        default:
            put(s, '%');
            put(s, *fmt);
            break;
        }
    }
}

int vprintk(const char *fmt, va_list ap)
{
    struct sink s = {.used = 0, .total = 0};
    va_list copy;

    va_copy(copy, ap);
    format(&s, fmt, &copy);
    va_end(copy);
    flush(&s);
    return s.total;
}

int printk(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vprintk(fmt, ap);
    va_end(ap);
    return n;
}

int putk(const char *s)
{
    int n = printk("%s\n", s);

    return n;
}

void rtems_putc(char c)
{
    port_console_write(&c, 1);
}
