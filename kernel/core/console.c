/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Partition console output through per-partition rings (console.h), and
 * console input. The rings hold exactly the bytes for the wire, prefixes
 * and "\r\n" included, so draining is a plain copy to the UART.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdarg.h>
#include "console.h"
#include "partition.h"
#include "arch.h"
#include "kformat.h"
#include "lock.h"
#include "pv/abi.h"
#include "schedule.h"
#include "uaccess.h"

/* Index mask of a ring position. */
#define RING_MASK (CONSOLE_RING_SIZE - 1u)

_Static_assert((CONSOLE_RING_SIZE & RING_MASK) == 0, "ring size is a power of two");
_Static_assert(CONSOLE_RING_SIZE >= 2 * CONSOLE_RING_LINE_MAX, "a ring holds two longest lines");

/* The partition whose line is partly on the UART (a busy UART or the
 * margin cut it), if any: no other partition's bytes go out until it is
 * finished, or lines would interleave on the terminal. */
static struct partition *uart_holder;

/* The UART and uart_holder are the CPUs' to share (docs/architecture.md,
 * "Multicore"): one CPU at a time sends. A partition's drain only tries
 * (a UART taken is a busy UART, which it never waits for); a kernel line
 * waits at most UART_LOCK_TRIES tries, then prints anyway: a CPU that
 * stopped while holding it must not silence the kernel. Each CPU flushes
 * only its own partitions' rings, which only it appends to. */
static volatile uint32_t uart_lock;
#define UART_LOCK_TRIES 10000000u

static bool uart_take(void)
{
    for (uint32_t i = 0; i < UART_LOCK_TRIES; i++) {
        if (arch_lock_try(&uart_lock)) {
            return true;
        }
    }
    return false;
}

static void uart_give(bool taken)
{
    if (taken) {
        arch_lock_release(&uart_lock);
    }
}

static bool on_this_cpu(const struct partition *p)
{
    return p->cpu == schedule.cpu;
}

/* A partition must not drive the terminal (or spoof another's lines):
 * printable ASCII and tab only; C0, DEL and C1 controls (0x9b is an 8-bit
 * CSI) and everything else become '?'. */
static inline char filter(char c)
{
    unsigned char u = (unsigned char)c;

    return (u < 0x20 && c != '\t') || u >= 0x7f ? '?' : c;
}

static uint32_t ring_free(const struct console_ring *r)
{
    return CONSOLE_RING_SIZE - r->len;
}

/* Ends p's buffered line (newline: the partition ended it, rather than the
 * length): formats it into p's ring whole, or, when drop is set or it does
 * not fit, drops it whole and counts the bytes it had. Indices are kept in
 * locals: every store into the ring is a char store, which the compiler must
 * otherwise assume changes them. */
static void end_line(struct partition *p, bool newline, bool drop)
{
    struct console_ring *r = &p->console;
    const char *name = p->cfg->name;
    uint32_t name_len = 0, len = p->line_len, at;
    char *buf = r->buf;

    p->line_len = 0;
    while (name_len < CONSOLE_NAME_MAX && name[name_len]) {
        name_len++;
    }
    if (drop || ring_free(r) < name_len + 3u + len + 2u) {
        r->dropped += len + (newline ? 1u : 0u);
        return;
    }
    at = r->head + r->len;
    r->len += name_len + 3u + len + 2u;
    buf[at++ & RING_MASK] = '[';
    for (uint32_t i = 0; i < name_len; i++) {
        buf[at++ & RING_MASK] = name[i];
    }
    buf[at++ & RING_MASK] = ']';
    buf[at++ & RING_MASK] = ' ';
    for (uint32_t i = 0; i < len; i++) {
        buf[at++ & RING_MASK] = p->line[i];
    }
    buf[at++ & RING_MASK] = '\r';
    buf[at & RING_MASK] = '\n';
}

uint32_t console_partition_write(struct partition *p, const char *s, uint32_t n)
{
    struct console_ring *r = &p->console;
    /* No room for a longest line: the partition writes faster than its
     * windows drain. This call's lines are lost (counted). */
    const bool full = ring_free(r) < CONSOLE_RING_LINE_MAX;
    uint32_t len = p->line_len, i;
    char *line = p->line;

    if (n > CONSOLE_WRITE_PER_CALL) {
        n = CONSOLE_WRITE_PER_CALL;
    }
    for (i = 0; i < n; i++) {
        char c = s[i];

        if (c == '\r') {
            continue;
        }
        if (c == '\n' || len == CONSOLE_LINE_MAX - 1) {
            if (c != '\n') {
                line[len++] = filter(c);
            }
            p->line_len = len;
            end_line(p, c == '\n', full);
            len = 0;
            /* The ring is now nearly full: return, so that the caller
             * writes the rest after the drain at the end of this entry
             * (if its window has time) rather than lose it. */
            if (!full && ring_free(r) < CONSOLE_RING_LINE_MAX) {
                i++;
                break;
            }
            continue;
        }
        line[len++] = filter(c);
    }
    p->line_len = len;
    return i;
}

/* Takes the oldest byte of p's ring, which has just gone out. */
static void ring_sent(struct partition *p)
{
    struct console_ring *r = &p->console;

    uart_holder = r->buf[r->head] == '\n' ? NULL : p;
    r->head = (r->head + 1u) & RING_MASK;
    r->len--;
}

/* Bytes from the head of r up to and including the end of its oldest line:
 * every line enters the ring whole, so the line end is there, at most a
 * longest line away (a longer kernel event line goes out in pieces). */
static uint32_t oldest_line_len(const struct console_ring *r)
{
    uint32_t n = 0;

    while (n < r->len && n < CONSOLE_RING_LINE_MAX) {
        if (r->buf[(r->head + n++) & RING_MASK] == '\n') {
            break;
        }
    }
    return n;
}

static void drain_locked(struct partition *p, uint64_t slot_end)
{
    struct console_ring *r = &p->console;

    if (uart_holder && uart_holder != p) {
        return; /* another's line is half out: it finishes in its own window */
    }
    while (r->len) {
        /* Whole lines only, started while there is time for all of it: a
         * line the margin cut would hold the UART, and then when the other
         * partitions' output goes out - and what their entries cost -
         * would depend on this one. */
        uint32_t n = oldest_line_len(r);
        uint64_t now = arch_time_ns();

        if (now >= slot_end ||
            slot_end - now <= CONSOLE_DRAIN_MARGIN_NS + n * CONSOLE_DRAIN_BYTE_NS) {
            return;
        }
        for (; n; n--) {
            if (!arch_console_try_putc(r->buf[r->head])) {
                return; /* the UART is busy: never wait for it here */
            }
            ring_sent(p);
        }
    }
}

void console_drain(struct partition *p, uint64_t slot_end)
{
    if (!arch_lock_try(&uart_lock)) {
        return; /* another CPU sends: as a busy UART */
    }
    drain_locked(p, slot_end);
    arch_lock_release(&uart_lock);
}

/* Prints p's ring, waiting for the UART (boundedly, as kernel lines do:
 * a missing UART must not hang the kernel). */
static void ring_flush(struct partition *p)
{
    while (p->console.len) {
        for (uint32_t i = 0; i < 100000u; i++) {
            if (arch_console_try_putc(p->console.buf[p->console.head])) {
                break;
            }
        }
        ring_sent(p);
    }
}

static void flush_all_locked(void)
{
    if (uart_holder && on_this_cpu(uart_holder)) {
        ring_flush(uart_holder);
    }
    for (uint32_t i = 0; i < num_partitions; i++) {
        if (on_this_cpu(&partitions[i])) {
            ring_flush(&partitions[i]);
        }
    }
}

void console_flush_at_end(void)
{
    bool taken = uart_take();

    if (uart_holder) {
        ring_flush(uart_holder);
    }
    for (uint32_t i = 0; i < num_partitions; i++) {
        ring_flush(&partitions[i]);
    }
    uart_give(taken);
}

void console_print_kernel_line(const char *line, int n)
{
    bool taken = uart_take();

    flush_all_locked();
    for (int i = 0; i < n; i++) {
        arch_console_putc(line[i]);
    }
    uart_give(taken);
}

/* Sends the rest of the line that holds the UART, if any, waiting for the
 * UART: after it, the UART is at a line start. Only a busy UART leaves a
 * line half out (console_drain sends whole lines). */
static void finish_held_line(void)
{
    struct partition *h = uart_holder;

    if (!h || !on_this_cpu(h)) {
        return;
    }
    for (uint32_t n = oldest_line_len(&h->console); n; n--) {
        for (uint32_t i = 0; i < 100000u; i++) {
            if (arch_console_try_putc(h->console.buf[h->console.head])) {
                break;
            }
        }
        ring_sent(h);
    }
}

/* Prints p's ring and its unfinished line, waiting for the UART, after the
 * rest of a held line: before a kernel line about p, so that p's output
 * stays in order. No other partition's ring moves: its output goes out in
 * its own time only, else a neighbour's kernel lines would change what
 * that partition's later entries cost. */
static void flush_own(struct partition *p)
{
    finish_held_line();
    ring_flush(p);
    if (p->line_len) {
        end_line(p, false, false); /* the ring is empty: it fits */
    }
    ring_flush(p);
}

void console_partition_event(struct partition *p, const char *fmt, ...)
{
    /* The line costs the time of the partition whose call or fault caused
     * it: p itself, or a system partition acting on p. */
    struct partition *q = schedule_current();
    char line[CONSOLE_EVENT_MAX];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = kvsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof(line)) {
        n = sizeof(line) - 1;
    }
    if (!q) {
        /* No partition's doing: p's restart completing in p's own slot,
         * or the shutdown. Print now, after p's pending output. */
        bool taken = uart_take();

        flush_own(p);
        for (int i = 0; i < n; i++) {
            arch_console_putc(line[i]);
        }
        uart_give(taken);
        return;
    }
    if (ring_free(&q->console) < CONSOLE_RING_LINE_MAX + 2u * (uint32_t)n) {
        /* q's output outruns its windows: the line is q's to lose, like
         * its own lines (counted). Printing it now would first print q's
         * whole ring - a kernel path of ~1 KiB of output, at any moment of
         * q's window, past its guard band into the next window. */
        q->console.dropped += (uint32_t)n;
        return;
    }
    if (q == p && p->line_len) {
        end_line(p, false, false); /* fits: checked above */
    }
    for (int i = 0; i < n; i++) {
        if (line[i] == '\n') {
            q->console.buf[(q->console.head + q->console.len++) & RING_MASK] = '\r';
        }
        q->console.buf[(q->console.head + q->console.len++) & RING_MASK] = line[i];
    }
}

/* Console input: a ring the kernel fills when polled (the boot CPU) and
 * the input partition drains (its CPU, maybe another): each byte put in,
 * and each read's copy (at most the ring's 256 bytes), under a lock - a
 * bounded step (lock.h). */
static char input[CONSOLE_INPUT_MAX];
static uint32_t input_head, input_len;
static uint32_t input_dropped;
static volatile uint32_t input_lock;

bool console_poll_input(void)
{
    int got = 0, c;

    while ((c = arch_console_getc()) >= 0) {
        lock_take(&input_lock);
        if (input_len == CONSOLE_INPUT_MAX) {
            input_dropped++;
        } else {
            input[(input_head + input_len++) % CONSOLE_INPUT_MAX] = (char)c;
            got = 1;
        }
        lock_give(&input_lock);
    }
    return got;
}

uint32_t console_read_input(char *buf, uint32_t len)
{
    uint32_t n = 0;

    lock_take(&input_lock);
    while (n < len && input_len) {
        buf[n++] = input[input_head];
        input_head = (input_head + 1) % CONSOLE_INPUT_MAX;
        input_len--;
    }
    lock_give(&input_lock);
    return n;
}

/* The console hypercalls (console.h). */

int32_t console_hc_write(struct partition *p)
{
    arch_addr_t va = arch_hcall_arg(p, 0);
    arch_size_t len = arch_hcall_arg(p, 1);
    const char *buf;

    if (len > PV_CONSOLE_WRITE_MAX) {
        return PV_ERANGE;
    }
    if (len == 0) {
        return 0;
    }
    buf = uaccess_ptr(p->cfg, va, len, CFG_AREA_READ);
    if (!buf) {
        return PV_EFAULT;
    }
    return (int32_t)console_partition_write(p, buf, len);
}

int32_t console_hc_read(struct partition *p)
{
    arch_addr_t va = arch_hcall_arg(p, 0);
    arch_size_t len = arch_hcall_arg(p, 1);
    char *buf;

    if (cfg_system.console_input != p->index) {
        return PV_EPERM;
    }
    if (len > PV_CONSOLE_WRITE_MAX) {
        return PV_ERANGE;
    }
    if (len == 0) {
        return 0;
    }
    buf = uaccess_ptr(p->cfg, va, len, CFG_AREA_WRITE);
    if (!buf) {
        return PV_EFAULT;
    }
    return (int32_t)console_read_input(buf, len);
}
