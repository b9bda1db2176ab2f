/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Multicore probe (x86, tests/system/test_smp.py): for CPU_WINDOWS of its
 * windows it records which CPU it runs on (CPUID leaf 1's initial local
 * APIC id, readable in ring 3) and the window the kernel says it is in
 * (the control page), checks its own clock against that window, makes a
 * hypercall in every loop, and at the end prints what it saw, then halts.
 * With a queuing channel (ports "q_out"/"q_in" in its configuration) the
 * sender, id 2, sends a numbered message in each window and the receiver,
 * id 3, checks that they come in order, none lost. Id 4 is a system
 * partition on CPU 0: it first asks for an unknown operation on P2, which
 * runs on CPU 1 (refused; halting and restarting it are
 * test_smp_control.py's).
 */
#include <stddef.h>
#include "smpprobe.h"

#define CPU_WINDOWS 200
#define MSG_SIZE    8

static int32_t open_port(uint32_t id)
{
    if (id == 2) {
        return pv_port_open("q_out", 5);
    }
    if (id == 3) {
        return pv_port_open("q_in", 4);
    }
    return -1;
}

/* The sender's next message (numbered 1, 2, ... as the queue takes them;
 * a full queue's refusal is counted in bad and the number kept), or the
 * receiver's check of what came: returns the messages received so far,
 * each of which must be the next number (bad counts those that are not). */
static uint32_t port_step(uint32_t id, int32_t port, uint32_t *bad)
{
    static uint32_t received;
    uint32_t msg[MSG_SIZE / 4];

    if (port < 0) {
        return 0;
    }
    if (id == 2) {
        static uint32_t sent;

        msg[0] = sent + 1;
        msg[1] = ~(sent + 1);
        if (pv_port_write(port, msg, MSG_SIZE) == PV_OK) {
            sent++;
        } else {
            (*bad)++;
        }
        return 0;
    }
    while (pv_port_read(port, msg, sizeof(msg), NULL) == MSG_SIZE) {
        received++;
        if (msg[0] != received || msg[1] != ~received) {
            (*bad)++;
        }
    }
    return received;
}

void pv_main(uint32_t id)
{
    struct smpprobe_window w, cur;
    uint32_t cpu = smpprobe_apic_id(), moved = 0, windows = 0, outside = 0, bad = 0, got = 0;
    uint64_t first = 0, calls = 0, frame_min = ~0ull, frame_max = 0;
    uint32_t index = 0;
    int32_t port = open_port(id);

    tp_printf("cpuprobe %u on CPU %u\n", id, cpu);
    if (id == 4) {
        tp_printf("cpuprobe 4: unknown op on P2 -> %d\n", (int)pv_partition_control(2, 7));
    }
    /* From the start of a fresh window, so that every one counted is whole. */
    smpprobe_read_window(&w);
    do {
        smpprobe_read_window(&cur);
    } while (cur.start == w.start);
    w = cur;
    first = w.start;
    index = w.index;
    while (windows < CPU_WINDOWS) {
        uint64_t now, t;

        pv_time_get(&t);
        calls++;
        now = tp_now();
        smpprobe_read_window(&cur);
        if (cur.start != w.start) {
            /* A new window: each exactly one major frame after the last
             * (frame_max - frame_min: none skipped, none early). */
            uint64_t period = cur.start - w.start;

            if (period < frame_min) {
                frame_min = period;
            }
            if (period > frame_max) {
                frame_max = period;
            }
            if (cur.index != index) {
                index = UINT32_MAX;
            }
            w = cur;
            windows++;
            if (smpprobe_apic_id() != cpu) {
                moved++;
            }
            got = port_step(id, port, &bad);
            continue;
        }
        /* Running while the kernel says this window is on. */
        if (now < w.start || now >= w.end || t < w.start || t >= w.end) {
            outside++;
        }
    }
    tp_printf("cpuprobe %u: CPU %u, moved %u, %u windows from %llu, period %llu..%llu, "
              "offset %llu, window %u, outside %u, calls %s, messages %u, bad %u\n",
              id, cpu, moved, windows, (unsigned long long)first, (unsigned long long)frame_min,
              (unsigned long long)frame_max, (unsigned long long)(w.start - w.frame), index,
              outside, calls > windows ? "yes" : "no", got, bad);
}
