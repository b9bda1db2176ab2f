/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Window-start latency victim: the window-start upcall reads the clock as
 * its first action and records that minus the planned start of the window
 * (window_start_ns in the control page), for WINDOWS windows. Then it halts
 * its neighbour (it is a system partition for that only) and prints the
 * list, in units of LATENCY_UNIT_NS, so that a test can compare it byte for
 * byte with a run whose neighbour only spins: a neighbour that takes this
 * partition's time shows as a larger number.
 */
#include "tp.h"

#define WINDOWS         200
#define WARMUP          4     /* the first windows start while partitions boot */
#define MAX_NEIGHBOUR   8     /* the neighbour has an id from 1 to this */
#define LATENCY_UNIT_NS 10000 /* above the quiet latency plus one short kernel path */
#define PER_LINE        20

static volatile uint32_t windows, count;
static uint32_t latency[WINDOWS];

void pv_upcall_handler(struct pv_upcall_frame *frame)
{
    uint64_t now = pv_clock_ns();

    if ((frame->lines & (1u << PV_IRQ_WINDOW_START)) && windows++ >= WARMUP && count < WINDOWS) {
        latency[count++] = (uint32_t)(now - pv_shared()->window_start_ns);
    }
}

void pv_main(uint32_t id)
{
    uint32_t worst = 0;

    tp_printf("victim %u measuring\n", id);
    pv_upcall_set(pv_upcall_entry);
    pv_irq_unmask_line(PV_IRQ_WINDOW_START);
    pv_irq_enable();
    while (count < WINDOWS) {
        ;
    }
    pv_irq_disable();
    for (uint32_t n = 1; n <= MAX_NEIGHBOUR; n++) {
        if (n != id) {
            pv_partition_control(n, PV_PART_HALT); /* PV_ENOENT for all but one */
        }
    }
    for (uint32_t i = 0; i < WINDOWS; i += PER_LINE) {
        char line[PER_LINE * 4 + 1];
        uint32_t n = 0;

        for (uint32_t k = i; k < i + PER_LINE && k < WINDOWS; k++) {
            uint32_t v = latency[k] / LATENCY_UNIT_NS;

            if (latency[k] > worst) {
                worst = latency[k];
            }
            line[n++] = ' ';
            if (v > 99) {
                v = 99;
            }
            if (v > 9) {
                line[n++] = (char)('0' + (v / 10) % 10);
            }
            line[n++] = (char)('0' + v % 10);
        }
        line[n] = 0;
        tp_printf("latency %3u..%3u:%s\n", i, i + PER_LINE - 1, line);
    }
    /* Not compared: how far from the unit the worst case is, for the log. */
    tp_printf("worst %u ns\n", worst);
}
