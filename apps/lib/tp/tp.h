/* SPDX-License-Identifier: BSD-2-Clause */
/* "Tiny partition" helpers for bare pv partitions without an RTOS: the
 * demo of the kernel alone and the system tests (not part of the pv API). */
#ifndef TP_H
#define TP_H

#include <stdbool.h>
#include <stdint.h>
#include <pv/pv.h>

int tp_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
uint64_t tp_now(void);

/* Assembles console input into lines (the tests type whole lines). */
struct tp_line {
    char text[128];
    uint32_t len;
};

/* Takes n bytes read from the console; prints each complete line as
 * "got: LINE" (a line longer than the buffer is cut, the rest dropped up
 * to its newline) and returns true at the line "quit". */
bool tp_line_feed(struct tp_line *line, const char *buf, int32_t n);

/* Entry point of every test partition; id is the configured partition id. */
void pv_main(uint32_t id);

#endif
