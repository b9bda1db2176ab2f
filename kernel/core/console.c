/* SPDX-License-Identifier: BSD-2-Clause */
#include "console.h"
#include "partition.h"
#include "arch.h"

/* Prints p's line; returns the number of characters that took. */
static uint32_t emit_line(struct partition *p)
{
    const char *name = p->cfg->name;
    uint32_t out = p->line_len + 4;

    arch_console_putc('[');
    while (*name)
        arch_console_putc(*name++);
    arch_console_putc(']');
    arch_console_putc(' ');
    out += (uint32_t)(name - p->cfg->name);
    for (uint32_t i = 0; i < p->line_len; i++)
        arch_console_putc(p->line[i]);
    arch_console_putc('\n');
    p->line_len = 0;
    return out;
}

uint32_t console_partition_write(struct partition *p, const char *s, uint32_t n)
{
    uint32_t printed = 0, i;

    /* Printing happens with interrupts off: stop taking input once this
     * call has printed its share, so that no call runs long. */
    for (i = 0; i < n && printed < CONSOLE_OUTPUT_PER_CALL; i++) {
        char c = s[i];

        if (c == '\n') {
            printed += emit_line(p);
            continue;
        }
        if (c == '\r')
            continue;
        /* A partition must not drive the terminal (or spoof another's lines):
         * printable ASCII and tab only; C0, DEL and C1 controls (0x9b is an
         * 8-bit CSI) and everything else become '?'. */
        if (((unsigned char)c < 0x20 && c != '\t') || (unsigned char)c >= 0x7f)
            c = '?';
        p->line[p->line_len++] = c;
        if (p->line_len == CONSOLE_LINE_MAX)
            printed += emit_line(p);
    }
    return i;
}

void console_partition_flush(struct partition *p)
{
    if (p->line_len)
        emit_line(p);
}

/* Console input: a ring the kernel fills when polled and the input
 * partition drains. */
static char input[CONSOLE_INPUT_MAX];
static uint32_t input_head, input_len;
static uint32_t input_dropped;

int console_poll_input(void)
{
    int got = 0, c;

    while ((c = arch_console_getc()) >= 0) {
        if (input_len == CONSOLE_INPUT_MAX) {
            input_dropped++;
            continue;
        }
        input[(input_head + input_len++) % CONSOLE_INPUT_MAX] = (char)c;
        got = 1;
    }
    return got;
}

uint32_t console_read_input(char *buf, uint32_t len)
{
    uint32_t n = 0;

    while (n < len && input_len) {
        buf[n++] = input[input_head];
        input_head = (input_head + 1) % CONSOLE_INPUT_MAX;
        input_len--;
    }
    return n;
}
