/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The lexical forms of numbers in a system description. The schema already
 * restricts their shape; these also reject values that do not fit.
 */
#ifndef TCFG_UNITS_H
#define TCFG_UNITS_H

#include <stdbool.h>
#include <stdint.h>

/* "4096", "0x1000", "4KiB", "1MiB", "1GiB"; false if malformed or >= 4 GiB. */
bool tcfg_parse_size(const char *s, uint32_t *out);
/* "0x..." with at most 32 bits. */
bool tcfg_parse_address(const char *s, uint32_t *out);
/* "500ns", "250us", "10ms", "1s" into nanoseconds; false on overflow. */
bool tcfg_parse_time(const char *s, uint64_t *out);
/* Plain decimal, at most 32 bits. */
bool tcfg_parse_u32(const char *s, uint32_t *out);

/* Prints ns in the largest unit that represents it exactly. */
#define TCFG_TIME_BUF 32
const char *tcfg_format_time(uint64_t ns, char buf[TCFG_TIME_BUF]);

#endif
