/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Sampling and queuing ports. Id 1 (SRC) writes; id 2 (DST) and id 3 (MON)
 * read the sampling channel (multicast), DST also drains the queue. Windows
 * run SRC, DST, MON in that order, so what each sees is deterministic.
 */
#include <stddef.h>
#include "kformat.h"
#include "tp.h"

static int32_t open_port(const char *name)
{
    uint32_t n = 0;

    while (name[n]) {
        n++;
    }
    return pv_port_open(name, n);
}

static void report(const char *what, int32_t got)
{
    tp_printf("%s -> %d\n", what, got);
}

static void source(void)
{
    int32_t samp = open_port("samp_out"), queue = open_port("q_out");
    struct pv_port_status st;
    char msg[16];

    report("open unknown", open_port("nope"));
    report("open empty name", pv_port_open("x", 0));
    report("open name in kernel", pv_port_open((const char *)0x00100000, 4));
    report("read on a source", pv_port_read(samp, msg, sizeof(msg), NULL));
    report("write zero bytes", pv_port_write(samp, "x", 0));
    report("write over max size", pv_port_write(samp, msg, 9));
    report("write from kernel memory", pv_port_write(samp, (const void *)0x00100000, 4));
    report("write on handle 9999", pv_port_write(9999, "x", 1));
    report("write on DST's port", pv_port_write(3, "x", 1));
    report("clear a source", pv_port_clear(queue));
    report("sample 1", pv_port_write(samp, "alt=100", 8));
    for (int i = 1; i <= 6; i++) {
        int n = ksnprintf(msg, sizeof(msg), "cmd %d", i);

        tp_printf("queue cmd %d -> %d\n", i, pv_port_write(queue, msg, (uint32_t)n + 1));
    }
    pv_port_status(queue, &st);
    tp_printf("queue status: depth %u messages %u refused %u\n", st.depth, st.messages, st.refused);
    pv_idle();
    report("sample 2", pv_port_write(samp, "alt=200", 8));
    /* Then silence: the samples age past their refresh period. */
    for (int i = 0; i < 20; i++) {
        pv_idle();
    }
}

static void read_sample(int32_t port, const char *who)
{
    struct pv_port_message_info info;
    char buf[16];
    int32_t n = pv_port_read(port, buf, sizeof(buf), &info);

    if (n < 0) {
        tp_printf("%s sample -> %d\n", who, n);
    } else {
        tp_printf("%s sample -> %d \"%s\" %s\n", who, n, buf, info.valid ? "valid" : "stale");
    }
}

static void destination(void)
{
    int32_t samp = open_port("samp_in"), queue = open_port("q_in");
    char buf[16];
    int32_t n;

    report("write on a destination", pv_port_write(samp, "x", 1));
    report("read into too small a buffer", pv_port_read(samp, buf, 4, NULL));
    report("read into the code area", pv_port_read(samp, (void *)0x40000000, 16, NULL));
    report("read info into kernel", pv_port_read(samp, buf, 16, (void *)0x00100000));
    read_sample(samp, "dst");
    while ((n = pv_port_read(queue, buf, sizeof(buf), NULL)) > 0) {
        tp_printf("dst got \"%s\"\n", buf);
    }
    report("dst queue empty", n);
    pv_idle();
    read_sample(samp, "dst");
    for (int i = 0; i < 8; i++) {
        pv_idle();
    }
    read_sample(samp, "dst");
    report("clear queue", pv_port_clear(queue));
}

static void monitor(void)
{
    int32_t samp = open_port("mon_in");

    read_sample(samp, "mon");
    pv_idle();
    read_sample(samp, "mon");
}

void pv_main(uint32_t id)
{
    /* Start with a whole window each: the first one also holds the cold
     * start, and what the source does before the destination's first read
     * only just fits in what is left of it. */
    pv_idle();
    if (id == 1) {
        source();
    } else if (id == 2) {
        destination();
    } else {
        monitor();
    }
}
