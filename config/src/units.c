/* SPDX-License-Identifier: BSD-2-Clause */
#include "units.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* Reads the leading digits of *s in base 10 or 16, advancing *s. */
static bool digits(const char **s, unsigned base, uint64_t *out)
{
    const char *p = *s;
    uint64_t v = 0;
    for (;; p++) {
        unsigned d;
        if (*p >= '0' && *p <= '9') {
            d = (unsigned)(*p - '0');
        } else if (base == 16 && *p >= 'a' && *p <= 'f') {
            d = (unsigned)(*p - 'a' + 10);
        } else if (base == 16 && *p >= 'A' && *p <= 'F') {
            d = (unsigned)(*p - 'A' + 10);
        } else {
            break;
        }
        if (v > (UINT64_MAX - d) / base) {
            return false;
        }
        v = v * base + d;
    }
    if (p == *s) {
        return false;
    }
    *s = p;
    *out = v;
    return true;
}

static bool scaled(uint64_t v, uint64_t unit, uint64_t limit, uint64_t *out)
{
    if (v > limit / unit) {
        return false;
    }
    *out = v * unit;
    return true;
}

bool tcfg_parse_size(const char *s, uint32_t *out)
{
    static const struct {
        const char *suffix;
        uint64_t unit;
    } units[] = {{"", 1}, {"KiB", 1ull << 10}, {"MiB", 1ull << 20}, {"GiB", 1ull << 30}};
    uint64_t v;
    if (s[0] == '0' && s[1] == 'x') {
        s += 2;
        if (!digits(&s, 16, &v) || *s || v > UINT32_MAX) {
            return false;
        }
        *out = (uint32_t)v;
        return true;
    }
    if (!digits(&s, 10, &v)) {
        return false;
    }
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        uint64_t r;
        if (strcmp(s, units[i].suffix) == 0) {
            if (!scaled(v, units[i].unit, UINT32_MAX, &r)) {
                return false;
            }
            *out = (uint32_t)r;
            return true;
        }
    }
    return false;
}

bool tcfg_parse_address(const char *s, uint32_t *out)
{
    uint64_t v;
    if (s[0] != '0' || s[1] != 'x') {
        return false;
    }
    s += 2;
    if (!digits(&s, 16, &v) || *s || v > UINT32_MAX) {
        return false;
    }
    *out = (uint32_t)v;
    return true;
}

bool tcfg_parse_time(const char *s, uint64_t *out)
{
    static const struct {
        const char *suffix;
        uint64_t unit;
    } units[] = {{"ns", 1}, {"us", 1000}, {"ms", 1000000}, {"s", 1000000000}};
    uint64_t v;
    if (!digits(&s, 10, &v)) {
        return false;
    }
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (strcmp(s, units[i].suffix) == 0) {
            return scaled(v, units[i].unit, UINT64_MAX, out);
        }
    }
    return false;
}

bool tcfg_parse_u32(const char *s, uint32_t *out)
{
    uint64_t v;
    if (!digits(&s, 10, &v) || *s || v > UINT32_MAX) {
        return false;
    }
    *out = (uint32_t)v;
    return true;
}

const char *tcfg_format_time(uint64_t ns, char buf[TCFG_TIME_BUF])
{
    static const struct {
        const char *suffix;
        uint64_t unit;
    } units[] = {{"s", 1000000000}, {"ms", 1000000}, {"us", 1000}};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (ns != 0 && ns % units[i].unit == 0) {
            snprintf(buf, TCFG_TIME_BUF, "%" PRIu64 "%s", ns / units[i].unit, units[i].suffix);
            return buf;
        }
    }
    snprintf(buf, TCFG_TIME_BUF, "%" PRIu64 "ns", ns);
    return buf;
}
