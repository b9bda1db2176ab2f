/* SPDX-License-Identifier: BSD-2-Clause */
#include "console.h"
#include "partition.h"
#include "arch.h"

static void emit_line(struct partition *p)
{
    const char *name = p->cfg->name;

    arch_console_putc('[');
    while (*name)
        arch_console_putc(*name++);
    arch_console_putc(']');
    arch_console_putc(' ');
    for (uint32_t i = 0; i < p->line_len; i++)
        arch_console_putc(p->line[i]);
    arch_console_putc('\n');
    p->line_len = 0;
}

void console_partition_write(struct partition *p, const char *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        char c = s[i];

        if (c == '\n') {
            emit_line(p);
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
            emit_line(p);
    }
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
