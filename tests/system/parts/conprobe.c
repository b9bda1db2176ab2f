/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Console input for a partition of another CPU than the boot CPU, which
 * polls the UART (x86, tests/system/test_smp_console.py). Id 1, the input
 * partition, on CPU 1: reads lines until "quit", echoing each, and looks
 * at its control page every 5 us (a periodic timer) to see when
 * PV_IRQ_CONSOLE_INPUT is raised: only
 * at a window start of its own (the boot CPU posts it, CPU 1 raises it at
 * id 1's next window start there), never while its window runs - which a
 * boot CPU writing this control page directly does, at its own timer
 * entries in the middle of id 1's windows. Id 2, a system partition on
 * CPU 0, has the line unmasked, counts it should it ever be raised on it,
 * and ends when id 1 has halted.
 */
#include "tp.h"

#define INPUT_LINE (1u << PV_IRQ_CONSOLE_INPUT)

/* Id 1's count of raises: seen at a window start, or within a window. */
static uint32_t at_start, mid_window;

static void input_partition(void)
{
    volatile struct pv_shared *s = pv_shared();
    uint64_t seen_ws = 0; /* window start of the last consistent look */
    struct tp_line line = {0};

    /* Awake every 5 us: a raise while its window runs is seen within
     * it. Idle between (the boot CPU runs then under QEMU's round robin:
     * a busy CPU 1 would hold it off until this window's end). */
    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 5000, 5000);
    for (;;) {
        s->irq_pending &= ~(1u << PV_IRQ_TIMER);
        pv_idle();
        /* A look is consistent when no window start came between its two
         * reads of the window's start (only this CPU writes either, and
         * only while this partition does not run). */
        uint64_t ws = s->window_start_ns;
        uint32_t pending = s->irq_pending & INPUT_LINE;
        char buf[32];
        int32_t n;

        /* cppcheck-suppress knownConditionTrueFalse ; volatile: the kernel moves it */
        if (s->window_start_ns != ws) {
            seen_ws = 0;
            continue;
        }
        /* The line was clear at the last look (cleared below): raised
         * since, within this window if that look was in it too. */
        if (pending) {
            if (ws == seen_ws) {
                mid_window++;
            } else {
                at_start++;
            }
            s->irq_pending &= ~INPUT_LINE; /* upcalls are off: ours to clear */
        }
        seen_ws = ws;
        n = pv_console_read(buf, sizeof(buf));
        if (n < 0) {
            tp_printf("read error %d\n", n);
            return;
        }
        if (tp_line_feed(&line, buf, n)) {
            tp_printf("raised at a window start %u, within a window %u\n", at_start, mid_window);
            return;
        }
    }
}

static void observer(void)
{
    volatile struct pv_shared *s = pv_shared();
    struct pv_partition_status st;
    uint32_t raised = 0, windows = 0;
    uint64_t ws = 0;
    char c;

    /* Busy, never idle: the boot CPU then never halts, and QEMU brings
     * the typed input in while IN's windows run too. */
    for (uint32_t i = 0;; i++) {
        if (s->window_start_ns != ws) {
            ws = s->window_start_ns;
            windows++;
        }
        if (s->irq_pending & INPUT_LINE) {
            raised++;
            s->irq_pending &= ~INPUT_LINE;
        }
        if (i % 256 == 0 && pv_partition_status(1, &st) == 0 && st.state == PV_STATE_HALTED) {
            break;
        }
    }
    tp_printf("windows %u, console input raised here %u\n", windows, raised);
    tp_printf("read by another partition -> %d\n", (int)pv_console_read(&c, 1));
}

void pv_main(uint32_t id)
{
    if (id == 1) {
        input_partition();
    } else {
        observer();
    }
}
