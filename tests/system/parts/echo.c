/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Console input. Id 1 is the configured input partition: it echoes each
 * line it reads until "quit". Id 2 is not, and must be refused.
 *
 * It waits for input as long as it takes: under -icount with sleep=off an
 * idle system's virtual time races ahead of the host delivering stdin, so
 * no count of idle windows is a safe limit. A test whose input never
 * comes ends by the test's timeout instead.
 */
#include "tp.h"

static void echo(void)
{
    struct tp_line line = {0};

    pv_irq_unmask_line(PV_IRQ_CONSOLE_INPUT); /* so pv_idle wakes on input */
    for (;;) {
        char buf[32];
        int32_t n = pv_console_read(buf, sizeof(buf));

        if (n < 0) {
            tp_printf("read error %d\n", n);
            return;
        }
        if (tp_line_feed(&line, buf, n)) {
            return;
        }
        if (n == 0) {
            /* Input raises the line; the pending bit must be cleared by us,
             * as upcalls are off. */
            pv_shared()->irq_pending &= ~(1u << PV_IRQ_CONSOLE_INPUT);
            pv_idle();
        }
    }
}

void pv_main(uint32_t id)
{
    char c;

    if (id == 1) {
        echo();
        return;
    }
    tp_printf("read by another partition -> %d\n", pv_console_read(&c, 1));
}
