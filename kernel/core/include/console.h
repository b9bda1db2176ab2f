/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Partition console output. Each partition's output is collected per line,
 * prefixed with the partition's name and put, whole, into the partition's
 * own output ring; the ring drains to the UART only in that partition's
 * own windows (console_drain), so that writing costs the writer's time and
 * never a neighbour's. Lines of partitions switched in mid-line never
 * interleave.
 */
#ifndef TESSERA_CONSOLE_H
#define TESSERA_CONSOLE_H

#include <stdbool.h>
#include <stdint.h>

struct partition;

/* Bytes one console write takes at most: every byte counts, '\r' and
 * bytes the filter drops included, so one call is a short kernel path
 * (measured: at most ~4.5 us of copying and formatting on SPARC). */
#define CONSOLE_WRITE_PER_CALL 128u

/* Longest line (the text, without prefix and line end) before it is broken. */
#define CONSOLE_LINE_MAX 160

/* Characters of a partition's name that its prefix shows (the
 * configuration allows 31). */
#define CONSOLE_NAME_MAX 31u

/* Longest line in a ring: "[" NAME "] " TEXT "\r\n". */
#define CONSOLE_RING_LINE_MAX (CONSOLE_NAME_MAX + 3u + (uint32_t)CONSOLE_LINE_MAX + 2u)

/* Size of each partition's output ring (a power of two). */
#define CONSOLE_RING_SIZE 1024u

/* Draining stops this long before the end it is given (the writer's slot
 * end less the guard band, which covers the rest of the kernel path), so
 * that the next window starts on time. It sends whole lines, each started
 * only while the clock is CONSOLE_DRAIN_MARGIN_NS plus
 * CONSOLE_DRAIN_BYTE_NS per byte of the line before that end: a byte the
 * UART takes without waiting (arch_console_try_putc) costs ~36
 * instructions with the scan for the line end, on both arches under QEMU
 * (a UART slower to take a byte needs a larger figure). */
#define CONSOLE_DRAIN_MARGIN_NS 2000u
#define CONSOLE_DRAIN_BYTE_NS   50u

/* A partition's output waiting for the UART: exactly the bytes to send. */
struct console_ring {
    uint32_t head;    /* index of the oldest byte */
    uint32_t len;     /* bytes waiting */
    uint32_t dropped; /* bytes of output lost to a full ring (pv_partition_status) */
    char buf[CONSOLE_RING_SIZE];
};

/* Takes up to n bytes of p's output (already validated and
 * kernel-accessible) into p's line buffer and ring; prints nothing.
 * Returns how many it took: at most CONSOLE_WRITE_PER_CALL, and fewer once
 * it has queued a line that leaves the ring less room than a longest line
 * (the drain at the end of the entry makes room). A call that starts with
 * that little room takes its bytes and drops, counting them, the lines it
 * ends: the partition writes faster than its windows drain. */
uint32_t console_partition_write(struct partition *p, const char *s, uint32_t n);

/* Moves p's ring to the UART, in p's own time: only bytes the UART takes
 * without waiting, and only whole lines that go out before
 * CONSOLE_DRAIN_MARGIN_NS before slot_end (see above). Call it at the end of a kernel
 * entry when the current slot is p's. */
void console_drain(struct partition *p, uint64_t slot_end);

/* Prints the n bytes of a kernel line after everything the partitions of
 * this CPU have in their rings, waiting for the UART (boundedly), so that no
 * output is reordered or lost (kprintf). */
void console_print_kernel_line(const char *line, int n);

/* When no partition is alive any more (the shutdown): prints what every
 * partition, of every CPU, still has in its ring - a halted partition's
 * last lines included - waiting for the UART (boundedly). */
void console_flush_at_end(void);

/* Longest kernel line about a partition. */
#define CONSOLE_EVENT_MAX 160

/* A kernel line about p (its stop, halt, restart, health-monitor action;
 * printf-like, ending in '\n'). It is queued in the ring of the partition
 * running now, whose call or fault caused it (p itself, behind p's
 * unfinished line, or a system partition acting on p), and costs that
 * partition's time (at a window start the kernel counts the window's owner
 * as running: kernel.c). When that partition's ring has no room, the line
 * is dropped and counted in its ring's dropped bytes, as its own lines
 * would be. When no partition runs (p's restart completing in p's slot,
 * the shutdown), it is printed at once, after p's pending output (and the
 * rest of a line a busy UART left half out) - never another partition's. */
void console_partition_event(struct partition *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Size of the console input buffer; input beyond it is dropped and counted. */
#define CONSOLE_INPUT_MAX 256

/* Collects waiting console input into the kernel's buffer. Returns 1 if
 * anything new arrived. */
bool console_poll_input(void);

/* Moves up to len buffered input bytes to buf; returns how many. */
uint32_t console_read_input(char *buf, uint32_t len);

/* The console hypercalls, for the dispatch table: write queues up to
 * PV_CONSOLE_WRITE_MAX bytes of the caller's buffer as its output; read
 * (only the configured input partition) takes what input has arrived.
 * Each returns the bytes taken or a PV_E* error. */
int32_t console_hc_write(struct partition *p);
int32_t console_hc_read(struct partition *p);

#endif
