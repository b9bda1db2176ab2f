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
        /* A partition must not drive the terminal: no control characters. */
        if ((unsigned char)c < 0x20 && c != '\t')
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
