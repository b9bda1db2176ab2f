/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A partition of the largest system (tests/system/gen_scale.py): partition
 * i (id i + 1, of SCALE_PARTS) is the source of channels i + SCALE_PARTS * k
 * through its ports out<k> (k < SCALE_OUTS); each is a sampling channel read
 * by the next SCALE_FANOUT partitions, through port in<(d - 1) * SCALE_OUTS
 * + k> of partition i + d. It writes "<i>:<k>" on every source, then reads
 * its inputs, window after window, until each holds what its source wrote.
 * Its PV_IRQ_PORT line is masked, so the event that the writes owe it (a
 * bit in the kernel's 64-bit sets of partitions) stays pending to be seen.
 * Id 1, a system partition, reports the health-monitor log's size, which
 * the configuration sets too (HM_LOG_ENTRIES of kernel/core/include/hm.h).
 */
#include <stddef.h>
#include "kformat.h"
#include "tp.h"

#define SCALE_PARTS  64
#define SCALE_OUTS   16
#define SCALE_FANOUT 3
#define SCALE_INS    (SCALE_OUTS * SCALE_FANOUT)
#define SCALE_ROUNDS 200 /* windows it waits at most for its sources */

static int32_t open_port(const char *prefix, int k)
{
    char name[16];
    int n = ksnprintf(name, sizeof(name), "%s%d", prefix, k);

    return pv_port_open(name, (uint32_t)n);
}

static int str_equal(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

void pv_main(uint32_t id)
{
    int32_t out[SCALE_OUTS], in[SCALE_INS];
    /* Static, so zero without the memset call GCC makes of an initialiser
     * this size on riscv (bare partitions have no C library). pv_main runs
     * once: nothing restarts these partitions. */
    static int done[SCALE_INS];
    int opened = 0, written = 0, got = 0, wrong = 0, rounds = 0;
    int me = (int)id - 1;
    char msg[16], buf[16];

    pv_irq_mask_line(PV_IRQ_PORT);
    for (int k = 0; k < SCALE_OUTS; k++) {
        opened += (out[k] = open_port("out", k)) >= 0;
    }
    for (int j = 0; j < SCALE_INS; j++) {
        opened += (in[j] = open_port("in", j)) >= 0;
    }
    tp_printf("opened %d of %d ports\n", opened, SCALE_OUTS + SCALE_INS);
    if (id == 1) {
        struct pv_hm_log_status st;

        pv_hm_log_read(0, NULL, 0, &st);
        tp_printf("hm log capacity %u share %u\n", st.capacity, st.share);
    }
    for (int k = 0; k < SCALE_OUTS; k++) {
        int n = ksnprintf(msg, sizeof(msg), "%d:%d", me, k);

        written += pv_port_write(out[k], msg, (uint32_t)n + 1) == 0;
    }
    tp_printf("wrote %d messages\n", written);
    while (got < SCALE_INS && rounds++ < SCALE_ROUNDS) {
        for (int j = 0; j < SCALE_INS; j++) {
            int d = j / SCALE_OUTS + 1, k = j % SCALE_OUTS;

            if (done[j] || pv_port_read(in[j], buf, sizeof(buf), NULL) <= 0) {
                continue;
            }
            ksnprintf(msg, sizeof(msg), "%d:%d", (me - d + SCALE_PARTS) % SCALE_PARTS, k);
            done[j] = 1;
            got++;
            if (!str_equal(buf, msg)) {
                wrong++;
                tp_printf("in%d: \"%s\", not \"%s\"\n", j, buf, msg);
            }
        }
        if (got < SCALE_INS) {
            pv_idle();
        }
    }
    tp_printf("received %d of %d, %d wrong\n", got, SCALE_INS, wrong);
    tp_printf("port event %s\n",
              (pv_shared()->irq_pending & (1u << PV_IRQ_PORT)) ? "pending" : "missing");
}
