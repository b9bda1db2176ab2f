/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The event trace's buffer, its records and its dump (trace.h). Built
 * only into the kernel library with TESSERA_TRACE (kernel/kernel.mk): a
 * system without <trace> links none of this.
 */
#include "trace.h"
#include "arch.h"
#include "cfg.h"
#include "kprintf.h"
#include "kstring.h"
#include "lock.h"
#include "schedule.h"

extern struct pv_trace_record trace_records[];

static struct {
    uint32_t count; /* records kept, from trace_records[0] */
    uint32_t lost;  /* records dropped because the buffer was full */
    uint64_t t0;
    uint32_t requester; /* who asked for the plan that comes next */
    /* Records appended without the lock: trace_capacity on one CPU, 0 with
     * several (trace_start), so that every record then takes
     * not_unlocked(); 0 too before trace_start, where not_unlocked()
     * appends as the one-CPU path does. */
    uint32_t unlocked_limit;
} trace;

/* The plan of this CPU's last WINDOW_START (per CPU: each CPU follows its
 * own view of the plans). */
static const struct cfg_plan *trace_plan ARCH_PER_CPU;

/*
 * Several CPUs share the one buffer: each record is appended under a lock
 * held for that record only (its clock read and stores: a bounded step,
 * lock.h), stamped inside it, so that the buffer is in time order across
 * the CPUs (their clock is one) and each CPU's records in its own order;
 * the count is published after the record is whole, for trace_read on
 * another CPU. One CPU takes none of this (trace_shared is false): its
 * records cost what they did.
 */
static bool trace_shared;
static volatile uint32_t trace_lock;

static void fill_shared(struct pv_trace_record *r, uint64_t ts, uint32_t kind, uint32_t part,
                        uint32_t a, uint64_t b)
{
    r->ts = ts;
    r->kind = (uint16_t)kind;
    r->part = (uint8_t)part;
    r->cpu = (uint8_t)schedule.cpu;
    r->a = a;
    r->b = b;
}

__attribute__((noinline)) static void record_shared(uint32_t kind, uint32_t part, uint32_t a,
                                                    uint64_t b)
{
    lock_take(&trace_lock);
    if (trace.count == trace_capacity) {
        trace.lost++;
    } else {
        fill_shared(&trace_records[trace.count], arch_time_ns(), kind, part, a, b);
        __atomic_store_n(&trace.count, trace.count + 1, __ATOMIC_RELEASE);
    }
    lock_give(&trace_lock);
}

/* trace_hm()'s pair under one hold of the lock: no other CPU's record
 * comes between an HM_EVENT and its HM_DETAIL. */
static void hm_pair_shared(uint32_t part, uint32_t a, uint64_t pc, uint64_t detail)
{
    lock_take(&trace_lock);
    if (trace_capacity - trace.count < 2) {
        trace.lost += 2;
    } else {
        uint64_t now = arch_time_ns();

        fill_shared(&trace_records[trace.count], now, PV_TRACE_HM_EVENT, part, a, pc);
        fill_shared(&trace_records[trace.count + 1], now, PV_TRACE_HM_DETAIL, part, a, detail);
        __atomic_store_n(&trace.count, trace.count + 2, __ATOMIC_RELEASE);
    }
    lock_give(&trace_lock);
}

/* The record of one CPU, the buffer not full. */
static void record_unlocked(uint32_t kind, uint32_t part, uint32_t a, uint64_t b)
{
    struct pv_trace_record *r = &trace_records[trace.count++];

    r->ts = arch_time_ns();
    r->kind = (uint16_t)kind;
    r->part = (uint8_t)part;
    r->cpu = 0;
    r->a = a;
    r->b = b;
}

/* Out of trace_record()'s way: several CPUs, a full buffer, or boot
 * before trace_start(). The arguments by address: passed by value, GCC
 * loads them all into registers before trace_record()'s limit test, which
 * cost the one-CPU record 10 more instructions; by address, 7. */
__attribute__((noinline, cold)) static void not_unlocked(const uint32_t *kind, const uint32_t *part,
                                                         const uint32_t *a, const uint64_t *b)
{
    if (trace_shared) {
        record_shared(*kind, *part, *a, *b);
    } else if (trace.count < trace_capacity) {
        record_unlocked(*kind, *part, *a, *b);
    } else {
        trace.lost++;
    }
}

/* One CPU: an unlocked record, as before several CPUs could share the
 * buffer; a record goes out of line at the limit test when they do. */
void trace_record(uint32_t kind, uint32_t part, uint32_t a, uint64_t b)
{
    struct pv_trace_record *r;

    if (trace.count >= trace.unlocked_limit) {
        not_unlocked(&kind, &part, &a, &b);
        return;
    }
    r = &trace_records[trace.count++];
    r->ts = arch_time_ns();
    r->kind = (uint16_t)kind;
    r->part = (uint8_t)part;
    r->cpu = 0;
    r->a = a;
    r->b = b;
}

void trace_hm(uint32_t part, uint32_t a, uint64_t pc, uint64_t detail)
{
    if (!trace_on(PV_TRACE_CLASS_HM)) {
        return;
    }
    if (trace_shared) {
        hm_pair_shared(part, a, pc, detail);
        return;
    }
    /* Both or neither: a reader never meets a detail without its event. */
    if (trace_capacity - trace.count < 2) {
        trace.lost += 2;
        return;
    }
    trace_record(PV_TRACE_HM_EVENT, part, a, pc);
    trace_record(PV_TRACE_HM_DETAIL, part, a, detail);
}

uint32_t trace_mark(void)
{
    return __atomic_load_n(&trace.count, __ATOMIC_ACQUIRE);
}

/* Under the lock with several CPUs: a trace_read on another CPU copies
 * whole records. Bounded by the records of one entry (and the other CPUs'
 * in the meantime). */
void trace_not_before(uint32_t mark, uint64_t ns)
{
    if (trace_shared) {
        lock_take(&trace_lock);
    }
    for (uint32_t i = mark; i < trace.count; i++) {
        struct pv_trace_record *r = &trace_records[i];

        if (r->cpu == schedule.cpu && r->ts < ns) {
            r->ts = ns;
        }
    }
    if (trace_shared) {
        lock_give(&trace_lock);
    }
}

void trace_start(uint64_t t0, bool shared)
{
    trace_shared = shared;
    trace.unlocked_limit = shared ? 0 : trace_capacity;
    trace.t0 = t0;
    trace.requester = PV_TRACE_NO_PART;
}

static uint32_t plan_index(const struct cfg_plan *plan)
{
    return (uint32_t)(plan - cfg_system.plans);
}

/* The window field of a slot's events: its window | plan << 16. */
static uint32_t slot_word(const struct sched_state *s)
{
    uint32_t w = s->slot.partition == SCHED_IDLE ? PV_TRACE_GAP : s->slot.window;

    return w | plan_index(s->plan) << 16;
}

static uint32_t slot_part(const struct sched_state *s)
{
    return s->slot.partition == SCHED_IDLE ? PV_TRACE_NO_PART : s->slot.partition;
}

void trace_slot_end(uint64_t now, bool cut)
{
    const struct sched_state *s = &schedule.sched;
    uint64_t end = sched_slot_deadline(s);

    if (trace_on(PV_TRACE_CLASS_WINDOW) && (cut || now >= end)) {
        trace_record(PV_TRACE_WINDOW_END, slot_part(s), slot_word(s), end);
    }
    /* A module reset drops the plan asked for: back to the initial plan,
     * the kernel's doing. */
    if (cut) {
        trace.requester = PV_TRACE_NO_PART;
    }
}

void trace_slot_start(void)
{
    const struct sched_state *s = &schedule.sched;

    if (s->plan != trace_plan) {
        if (trace_plan && trace_on(PV_TRACE_CLASS_PLAN)) {
            trace_record(PV_TRACE_PLAN_SWITCH, trace.requester,
                         trace_pair(plan_index(s->plan), plan_index(trace_plan)), 0);
        }
        trace_plan = s->plan;
        trace.requester = PV_TRACE_NO_PART;
    }
    if (trace_on(PV_TRACE_CLASS_WINDOW)) {
        trace_record(PV_TRACE_WINDOW_START, slot_part(s), slot_word(s),
                     s->frame_start + s->slot.start);
    }
}

void trace_plan_request(const struct partition *p)
{
    trace.requester = trace_part(p);
}

void trace_virq_deliver(const struct partition *p, uint32_t lines)
{
    if (!trace_on(PV_TRACE_CLASS_VIRQ)) {
        return;
    }
    for (uint32_t line = 0; line < 32; line++) {
        if (lines & (1u << line)) {
            trace_record(PV_TRACE_VIRQ_DELIVER, p->index, line, 0);
        }
    }
}

/* The records kept, whole (record_shared publishes the count last). */
static uint32_t kept(void)
{
    return __atomic_load_n(&trace.count, __ATOMIC_ACQUIRE);
}

uint32_t trace_kept(void)
{
    return kept();
}

const struct pv_trace_record *trace_buffer(void)
{
    return trace_records;
}

uint32_t trace_copy(struct pv_trace_record *out, uint32_t first, uint32_t max)
{
    uint32_t n, count = kept();

    if (first >= count) {
        return 0;
    }
    n = count - first < max ? count - first : max;
    memcpy(out, &trace_records[first], n * sizeof(*out));
    return n;
}

void trace_status(struct pv_trace_status *st)
{
    st->count = kept();
    st->lost = trace.lost;
    st->capacity = trace_capacity;
    st->classes = trace_classes;
}

/* The CRC-32 of IEEE 802.3 (zlib's), bit by bit: the dump runs once, at
 * shutdown, where a table would only cost memory. */
static uint32_t crc32_update(uint32_t crc, const uint8_t *b, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        crc ^= b[i];
        for (int k = 0; k < 8; k++) {
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
        }
    }
    return crc;
}

/* Hex, DUMP_LINE bytes a line; a line may span the header and a record. */
#define DUMP_LINE 64u

struct dump_out {
    uint32_t col;
    uint32_t crc;
};

static void dump_bytes(struct dump_out *o, const void *data, uint32_t n)
{
    static const char hex[] = "0123456789abcdef";
    const uint8_t *b = data;

    o->crc = crc32_update(o->crc, b, n);
    for (uint32_t i = 0; i < n; i++) {
        arch_console_putc(hex[b[i] >> 4]);
        arch_console_putc(hex[b[i] & 15u]);
        if (++o->col == DUMP_LINE) {
            arch_console_putc('\n');
            o->col = 0;
        }
    }
}

void trace_dump(void)
{
    struct pv_trace_header h;
    struct dump_out o = {0, 0xffffffffu};
    uint32_t count = kept(); /* other CPUs may go on recording */

    memcpy(h.magic, PV_TRACE_MAGIC, sizeof(h.magic));
    h.order = PV_TRACE_ORDER;
    h.version = PV_TRACE_VERSION;
    h.header_size = PV_TRACE_HEADER_SIZE;
    h.record_size = PV_TRACE_RECORD_SIZE;
    h.count = count;
    h.lost = trace.lost;
    h.classes = trace_classes;
    h.partitions = cfg_system.num_partitions;
    h.t0 = trace.t0;
    kprintf("TRACE-BEGIN %u\n", PV_TRACE_HEADER_SIZE + count * PV_TRACE_RECORD_SIZE);
    dump_bytes(&o, &h, sizeof(h));
    dump_bytes(&o, trace_records, count * PV_TRACE_RECORD_SIZE);
    if (o.col) {
        arch_console_putc('\n');
    }
    kprintf("TRACE-END %08x\n", o.crc ^ 0xffffffffu);
}
