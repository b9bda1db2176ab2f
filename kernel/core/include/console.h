/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Partition console output. Each partition's output is collected per line
 * and printed whole, prefixed with the partition's name, so that lines of
 * partitions switched in mid-line never interleave.
 */
#ifndef TESSERA_CONSOLE_H
#define TESSERA_CONSOLE_H

#include <stdint.h>

struct partition;

/* Characters one console write may print before it returns early. */
#define CONSOLE_OUTPUT_PER_CALL 512u

/* Takes up to n bytes of p's output (already validated and
 * kernel-accessible); returns how many it took: fewer than n once it has
 * printed CONSOLE_OUTPUT_PER_CALL characters. */
uint32_t console_partition_write(struct partition *p, const char *s, uint32_t n);

/* Prints whatever p has buffered, ending the line. */
void console_partition_flush(struct partition *p);

/* Size of the console input buffer; input beyond it is dropped and counted. */
#define CONSOLE_INPUT_MAX 256

/* Collects waiting console input into the kernel's buffer. Returns 1 if
 * anything new arrived. */
int console_poll_input(void);

/* Moves up to len buffered input bytes to buf; returns how many. */
uint32_t console_read_input(char *buf, uint32_t len);

#endif
