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

/* Takes n bytes of p's output (already validated and kernel-accessible). */
void console_partition_write(struct partition *p, const char *s, uint32_t n);

/* Prints whatever p has buffered, ending the line. */
void console_partition_flush(struct partition *p);

#endif
