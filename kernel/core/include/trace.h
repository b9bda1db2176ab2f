/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kernel's event trace (docs/architecture.md, "Event trace";
 * docs/trace-format.md). A system whose XML has <trace> links the kernel
 * library built with TESSERA_TRACE (kernel/kernel.mk), and tessera-config
 * writes CFG_TRACE_DEFINE(records, classes) into its tables: the buffer,
 * sized for the system. Every other system links the library built
 * without it, where each hook below is an empty inline function: tracing
 * off costs no instruction and no byte (docs/performance.md).
 *
 * The buffer keeps the first `records` events: once full, an event is
 * counted in `lost` and dropped, so a trace always starts at boot.
 */
#ifndef TESSERA_TRACE_H
#define TESSERA_TRACE_H

#include <stdbool.h>
#include <stdint.h>

#include "arch.h"
#include "partition.h"
#include "pv/trace.h"

/* The status an HCALL event shows for a call that goes on in the next
 * kernel entry (a long port copy): HCALL_AGAIN has no 16-bit form. */
#define TRACE_STATUS_AGAIN 0x8000u

/* The a field of MODE_CHANGE and PLAN_SWITCH: new | old << 16. */
static inline uint32_t trace_pair(uint32_t new_value, uint32_t old_value)
{
    return new_value | old_value << 16;
}

#define CFG_TRACE_DEFINE(records, classes)                                                         \
    const uint32_t trace_capacity = (records);                                                     \
    const uint32_t trace_classes = (classes);                                                      \
    struct pv_trace_record trace_records[(records)];

/* The trace_read hypercall (system partitions): (first, records *, max,
 * status * or 0) -> records copied (trace_hc.c). */
int32_t trace_hc_read(struct partition *p);

/* The trace_event hypercall: (kind 256..511, a, b) -> 0 (trace_hc.c). */
int32_t trace_hc_event(struct partition *p);

#ifdef TESSERA_TRACE

extern const uint32_t trace_capacity;
extern const uint32_t trace_classes;

/* Appends one event stamped now (O(1)); counted as lost when full. */
void trace_record(uint32_t kind, uint32_t part, uint32_t a, uint64_t b);

/* An error the health monitor handles (class hm): HM_EVENT with the pc,
 * then HM_DETAIL with the detail, each whole; a = error | action << 16.
 * Both records or, when fewer than two are free, neither (two lost). */
void trace_hm(uint32_t part, uint32_t a, uint64_t pc, uint64_t detail);

/* Boot: the start of the first major frame (the dump's t0); shared when
 * several CPUs record (each record then under a lock, with its CPU). */
void trace_start(uint64_t t0, bool shared);

/* Writes the dump to the console, framed (docs/trace-format.md): at
 * shutdown, after the partitions. */
void trace_dump(void);

/* The current slot of the schedule ends (a timer entry at or after its
 * end, or cut short when cut: a module reset) / a slot begins (a plan
 * switch first, if the plan changed). */
void trace_slot_end(uint64_t now, bool cut);
void trace_slot_start(void);

/* A prepared window start's entry (kernel.c) runs before the start it
 * stands for: trace_mark() before it, then trace_not_before(mark, start)
 * stamps this CPU's records since the mark with the start where they are
 * earlier. Outside the record's path, which stays as it was. */
uint32_t trace_mark(void);
void trace_not_before(uint32_t mark, uint64_t ns);

/* A system partition (or the kernel: NULL) asked for the next plan. */
void trace_plan_request(const struct partition *p);

/* p's upcall delivers lines: one VIRQ_DELIVER each. */
void trace_virq_deliver(const struct partition *p, uint32_t lines);

/* For the read hypercall: the records kept, the buffer, the counters;
 * trace_copy copies up to max records from record first into out and
 * returns how many. */
uint32_t trace_kept(void);
const struct pv_trace_record *trace_buffer(void);
void trace_status(struct pv_trace_status *st);
uint32_t trace_copy(struct pv_trace_record *out, uint32_t first, uint32_t max);

static inline bool trace_on(uint32_t cls)
{
    return (trace_classes >> cls) & 1u;
}

/* Whether the system traces anything. */
static inline int trace_any_on(void)
{
    return trace_classes != 0;
}

static inline bool trace_guest_on(void)
{
    return trace_on(PV_TRACE_CLASS_GUEST);
}

static inline uint32_t trace_part(const struct partition *p)
{
    return p ? p->index : PV_TRACE_NO_PART;
}

static inline void trace_event(uint32_t cls, uint32_t kind, uint32_t part, uint32_t a, uint64_t b)
{
    if (trace_on(cls)) {
        trace_record(kind, part, a, b);
    }
}

/* The time a hypercall entered the dispatch, for its HCALL event. */
static inline uint64_t trace_hcall_start(void)
{
    return trace_on(PV_TRACE_CLASS_HCALL) ? arch_time_ns() : 0;
}

static inline void trace_hcall(const struct partition *p, uint32_t nr, int32_t status,
                               uint64_t start)
{
    uint32_t st = status == (-0x7fffffff - 1) ? TRACE_STATUS_AGAIN : (uint16_t)status;

    trace_event(PV_TRACE_CLASS_HCALL, PV_TRACE_HCALL, trace_part(p), (nr & 0xffffu) | st << 16,
                start);
}

/* Whether the arch's null-hypercall fast path must stay shut: with the
 * hcall class on, every hypercall goes through the dispatch and is
 * recorded. */
static inline bool trace_no_fast_path(void)
{
    return trace_on(PV_TRACE_CLASS_HCALL);
}

#else /* tracing compiled out: every hook is empty, the trace is empty */

/* Macros, not empty inline functions: GCC schedules the code around even
 * an empty call differently, and the figures of docs/performance.md are
 * exact to the instruction. Arguments are not evaluated. */
#define trace_record(kind, part, a, b)     ((void)0)
#define trace_hm(part, a, pc, detail)      ((void)0)
#define trace_start(t0, shared)            ((void)0)
#define trace_dump()                       ((void)0)
#define trace_slot_end(now, cut)           ((void)0)
#define trace_slot_start()                 ((void)0)
#define trace_mark()                       0u
#define trace_not_before(mark, ns)         ((void)(mark), (void)(ns))
#define trace_plan_request(p)              ((void)0)
#define trace_virq_deliver(p, lines)       ((void)0)
#define trace_copy(out, first, max)        ((void)(out), (void)(first), (void)(max), 0u)
#define trace_guest_on()                   false
#define trace_any_on()                     0
#define trace_part(p)                      0u
#define trace_event(cls, kind, part, a, b) ((void)0)
#define trace_hcall_start()                ((uint64_t)0)
#define trace_hcall(p, nr, status, start)  ((void)(start))
#define trace_no_fast_path()               false

static inline void trace_status(struct pv_trace_status *st)
{
    st->count = st->lost = st->capacity = st->classes = 0;
}

#endif

#endif
