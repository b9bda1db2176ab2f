/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kernel's event trace as the ABI shows it: classes, event kinds, the
 * 24-byte record that PV_HC_TRACE_READ copies out and the shutdown dump
 * holds, and the dump's header. docs/trace-format.md is the format; this
 * is its C form, shared by the kernel, guests and the host tools' tests.
 */
#ifndef PV_TRACE_H
#define PV_TRACE_H

#include <stdint.h>
#include <pv/abi_list.h>
#include <pv/layout.h>

/* Class bits (PV_TRACE_CLASS_LIST of pv/abi_list.h). */
#define PV_TRACE_ENUM_CLASS_(name, bit, ...) PV_TRACE_CLASS_##name = (bit),
enum pv_trace_class { PV_TRACE_CLASS_LIST(PV_TRACE_ENUM_CLASS_) };
#define PV_TRACE_CLASS_BIT_(name, bit, ...) | (1u << (bit))
#define PV_TRACE_CLASSES_ALL                (0u PV_TRACE_CLASS_LIST(PV_TRACE_CLASS_BIT_))

/* Event kinds: the kernel's below 256, the guests' 256..511. */
#define PV_TRACE_WINDOW_START    1u
#define PV_TRACE_WINDOW_END      2u
#define PV_TRACE_PART_SWITCH     3u
#define PV_TRACE_HCALL           16u
#define PV_TRACE_VIRQ_RAISE      32u
#define PV_TRACE_VIRQ_DELIVER    33u
#define PV_TRACE_HM_EVENT        48u
#define PV_TRACE_HM_DETAIL       49u
#define PV_TRACE_PORT_WRITE      64u
#define PV_TRACE_PORT_READ       65u
#define PV_TRACE_PORT_OVERFLOW   66u
#define PV_TRACE_PLAN_SWITCH     80u
#define PV_TRACE_MODE_CHANGE     96u
#define PV_TRACE_RESTART         97u
#define PV_TRACE_GUEST_FIRST     256u
#define PV_TRACE_TASK_SWITCH     256u
#define PV_TRACE_IRQ_ENTRY       257u
#define PV_TRACE_IRQ_EXIT        258u
#define PV_TRACE_DIRECTIVE_ENTRY 259u
#define PV_TRACE_DIRECTIVE_EXIT  260u
#define PV_TRACE_TASK_NAME       261u
#define PV_TRACE_USER            262u
#define PV_TRACE_GUEST_LAST      511u

/* part of an event that belongs to no partition (the idle loop, a gap). */
#define PV_TRACE_NO_PART 0xffu
/* The window index of an idle gap's WINDOW_START / WINDOW_END. */
#define PV_TRACE_GAP 0xffffu

struct pv_trace_record {
    uint64_t ts;   /* ns, the kernel's clock */
    uint16_t kind; /* PV_TRACE_* */
    uint8_t part;  /* partition index, or PV_TRACE_NO_PART */
    uint8_t cpu;   /* 0 */
    uint32_t a;
    uint64_t b;
};

#define PV_TRACE_MAGIC       "TSTRACE1"
#define PV_TRACE_ORDER       0x01020304u
#define PV_TRACE_VERSION     2u
#define PV_TRACE_HEADER_SIZE 48u
#define PV_TRACE_RECORD_SIZE 24u

struct pv_trace_header {
    char magic[8];        /* PV_TRACE_MAGIC, no NUL */
    uint32_t order;       /* PV_TRACE_ORDER in the target's byte order */
    uint32_t version;     /* PV_TRACE_VERSION */
    uint32_t header_size; /* PV_TRACE_HEADER_SIZE */
    uint32_t record_size; /* PV_TRACE_RECORD_SIZE */
    uint32_t count;       /* records that follow */
    uint32_t lost;        /* records not kept: the buffer was full */
    uint32_t classes;     /* the class bits that were on */
    uint32_t partitions;  /* partition count */
    uint64_t t0;          /* ns: the start of the first major frame */
};

PV_ASSERT_SIZE(struct pv_trace_record, PV_TRACE_RECORD_SIZE);
PV_ASSERT_OFFSET(struct pv_trace_record, ts, 0);
PV_ASSERT_OFFSET(struct pv_trace_record, kind, 8);
PV_ASSERT_OFFSET(struct pv_trace_record, part, 10);
PV_ASSERT_OFFSET(struct pv_trace_record, cpu, 11);
PV_ASSERT_OFFSET(struct pv_trace_record, a, 12);
PV_ASSERT_OFFSET(struct pv_trace_record, b, 16);

PV_ASSERT_SIZE(struct pv_trace_header, PV_TRACE_HEADER_SIZE);
PV_ASSERT_OFFSET(struct pv_trace_header, magic, 0);
PV_ASSERT_OFFSET(struct pv_trace_header, order, 8);
PV_ASSERT_OFFSET(struct pv_trace_header, version, 12);
PV_ASSERT_OFFSET(struct pv_trace_header, header_size, 16);
PV_ASSERT_OFFSET(struct pv_trace_header, record_size, 20);
PV_ASSERT_OFFSET(struct pv_trace_header, count, 24);
PV_ASSERT_OFFSET(struct pv_trace_header, lost, 28);
PV_ASSERT_OFFSET(struct pv_trace_header, classes, 32);
PV_ASSERT_OFFSET(struct pv_trace_header, partitions, 36);
PV_ASSERT_OFFSET(struct pv_trace_header, t0, 40);

/* Records PV_HC_TRACE_READ copies at most per call. */
#define PV_TRACE_READ_MAX 64u

/* What PV_HC_TRACE_READ reports besides the records. */
struct pv_trace_status {
    uint32_t count;    /* records in the buffer */
    uint32_t lost;     /* records not kept: the buffer was full */
    uint32_t capacity; /* the buffer's size in records */
    uint32_t classes;  /* the class bits that are on */
};

PV_ASSERT_SIZE(struct pv_trace_status, 16);
PV_ASSERT_OFFSET(struct pv_trace_status, count, 0);
PV_ASSERT_OFFSET(struct pv_trace_status, lost, 4);
PV_ASSERT_OFFSET(struct pv_trace_status, capacity, 8);
PV_ASSERT_OFFSET(struct pv_trace_status, classes, 12);

#endif
