/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The event trace's known system (tests/system/test_trace.py). Every
 * partition prints what it did that the trace must show, so that the test
 * holds the kernel's dump against the partitions' own account:
 * - S (id 1, a system partition) records a guest event, makes three null
 *   hypercalls (the fast path's kind) and a call with a bad port handle,
 *   writes three messages into a queue of depth 2 (the third overflows),
 *   asks for plan 2, and at the end reads the whole trace back through
 *   trace_read, printing a hash of each chunk it got.
 * - T (id 2) takes the port's line by upcall and counts the lines
 *   delivered, reads the two messages, records guest events - one with the
 *   argument words a forger would use to name partition 0, one of a kind
 *   out of range - and goes to NORMAL mode.
 * - F (id 3) writes to an unmapped address: the health monitor restarts it
 *   cold; the second time it sets its mode to IDLE.
 */
#include <stddef.h>
#include "tp.h"

static const uint8_t msg[4] = {1, 2, 3, 4};
static volatile uint32_t upcall_lines; /* lines T's upcalls delivered, counted */

void pv_upcall_handler(struct pv_upcall_frame *f)
{
    for (uint32_t lines = f->lines; lines; lines &= lines - 1) {
        upcall_lines++;
    }
}

static void event(uint32_t kind, uint32_t a, uint64_t b)
{
    tp_printf("event %u %u %llu -> %d\n", kind, a, (unsigned long long)b,
              pv_trace_event(kind, a, b));
}

/* FNV-1a over the records' bytes, as the test computes it over the dump. */
static uint32_t fnv1a(const void *data, uint32_t len)
{
    const uint8_t *p = data;
    uint32_t h = 2166136261u;

    for (uint32_t i = 0; i < len; i++) {
        h = (h ^ p[i]) * 16777619u;
    }
    return h;
}

static void read_back(void)
{
    static struct pv_trace_record recs[PV_TRACE_READ_MAX + 8];
    struct pv_trace_status st;
    uint32_t first = 0;
    int32_t n;

    n = pv_trace_read(0, recs, 0, &st);
    tp_printf("status -> %d count>0 %d lost %u capacity %u classes 0x%x\n", n, st.count > 0,
              st.lost, st.capacity, st.classes);
    if (st.capacity == 0) {
        return;
    }
    /* Asks for more than a call copies: the kernel clamps to the maximum. */
    while ((n = pv_trace_read(first, recs, PV_TRACE_READ_MAX + 8, NULL)) > 0) {
        tp_printf("read %u %d %08x\n", first, n, fnv1a(recs, (uint32_t)n * sizeof(recs[0])));
        first += (uint32_t)n;
        if (first >= st.count) {
            break;
        }
    }
    tp_printf("read end %u\n", first);
}

static void system_partition(void)
{
    int32_t q = pv_port_open("out", 3);

    event(PV_TRACE_USER, 1, 0x1111);
    /* Null hypercalls: the fast path is shut while hypercalls are traced. */
    for (int i = 0; i < 3; i++) {
        pv_hcall0(PV_HC_IRQ_SYNC);
    }
    tp_printf("bad handle -> %d\n", pv_port_write(99, msg, sizeof(msg)));
    for (int i = 0; i < 3; i++) {
        tp_printf("write %d -> %d\n", i, pv_port_write(q, msg, sizeof(msg)));
    }
    pv_idle();
    tp_printf("switch at %llu -> %d\n", (unsigned long long)pv_clock_ns(), pv_plan_switch(2));
    for (int i = 0; i < 6; i++) {
        pv_idle();
    }
    read_back();
}

static void reader(void)
{
    int32_t q = pv_port_open("in", 2);
    uint8_t buf[8];
    int got = 0;

    /* The port's line, delivered by upcall: VIRQ_DELIVER events. */
    pv_upcall_set(pv_upcall_entry);
    pv_irq_unmask_line(PV_IRQ_PORT);
    pv_irq_enable();
    while (got < 2) {
        int32_t n = pv_port_read(q, buf, sizeof(buf), NULL);

        if (n == PV_EAGAIN) {
            pv_idle();
            continue;
        }
        tp_printf("read -> %d\n", n);
        got++;
    }
    event(PV_TRACE_TASK_NAME, 7, 0x54534554); /* "TEST" */
    event(PV_TRACE_TASK_SWITCH, 7, 0);
    /* A forger's words: a = partition 0's index, and index 0 again where a
     * part argument would go. The kernel takes neither as the part. */
    tp_printf("forged -> %d\n", pv_hcall5(PV_HC_TRACE_EVENT, PV_TRACE_USER, 0, 0, 0, 0));
    event(PV_TRACE_USER, 0xbad, 0x100000000ull);
    event(PV_TRACE_GUEST_FIRST - 1, 0, 0);
    event(PV_TRACE_GUEST_LAST + 1, 0, 0);
    /* The ABI's first kind past the guest range (docs/trace-format.md) as
     * a number: a kind built from the header moves with it. */
    event(512u, 0, 0);
    tp_printf("normal -> %d\n", pv_mode_set(PV_MODE_NORMAL));
    pv_irq_disable();
    tp_printf("upcall lines %u\n", upcall_lines);
    pv_idle();
}

static void faulter(void)
{
    if (pv_shared()->restarts == 0) {
        tp_printf("writing to 0x50000000\n");
        *(volatile uint32_t *)0x50000000 = 1; /* mapped in no partition */
        tp_printf("SURVIVED\n");
        return;
    }
    tp_printf("restarted\n");
    pv_mode_set(PV_MODE_IDLE);
}

void pv_main(uint32_t id)
{
    if (id == 1) {
        system_partition();
    } else if (id == 2) {
        reader();
    } else {
        faulter();
    }
}
