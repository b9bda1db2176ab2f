/* SPDX-License-Identifier: BSD-2-Clause */
/* What the port hypercalls (PV_HC_PORT_*) report. */
#ifndef PV_PORT_H
#define PV_PORT_H

#include <stdint.h>
#include <pv/abi.h>

/* PV_PORT_SAMPLING, _QUEUING, _SOURCE, _DESTINATION: pv/abi_list.h. */
#define PV_ENUM_PORT_(name, value, ...) PV_PORT_##name = (value),
enum pv_port_kind { PV_PORT_KIND_LIST(PV_ENUM_PORT_) };
enum pv_port_direction { PV_PORT_DIRECTION_LIST(PV_ENUM_PORT_) };
_Static_assert(PV_LIST_DENSE(PV_PORT_KIND_LIST, 0), "PV_PORT_KIND_LIST");
_Static_assert(PV_LIST_DENSE(PV_PORT_DIRECTION_LIST, 0), "PV_PORT_DIRECTION_LIST");

/* Longest port name PV_HC_PORT_OPEN accepts. */
#define PV_PORT_NAME_MAX 31u

#include <pv/layout.h>

struct pv_port_status {
    uint32_t kind;             /* PV_PORT_SAMPLING or PV_PORT_QUEUING */
    uint32_t direction;        /* PV_PORT_SOURCE or PV_PORT_DESTINATION */
    uint32_t max_message_size; /* bytes */
    uint32_t depth;            /* queuing: capacity in messages; sampling: 1 */
    uint32_t messages;         /* queuing: messages waiting; sampling: 1 once written */
    uint32_t refused;          /* queuing source: sends refused because the queue was full */
    uint64_t refresh_ns;       /* sampling destination: validity period, 0 = always valid */
    uint64_t last_write_ns;    /* sampling: wall time of the last write, 0 = never */
};

PV_ASSERT_SIZE(struct pv_port_status, 40);
PV_ASSERT_OFFSET(struct pv_port_status, kind, 0);
PV_ASSERT_OFFSET(struct pv_port_status, direction, 4);
PV_ASSERT_OFFSET(struct pv_port_status, max_message_size, 8);
PV_ASSERT_OFFSET(struct pv_port_status, depth, 12);
PV_ASSERT_OFFSET(struct pv_port_status, messages, 16);
PV_ASSERT_OFFSET(struct pv_port_status, refused, 20);
PV_ASSERT_OFFSET(struct pv_port_status, refresh_ns, 24);
PV_ASSERT_OFFSET(struct pv_port_status, last_write_ns, 32);

/* About the message PV_HC_PORT_READ returned. */
struct pv_port_message_info {
    uint64_t written_ns; /* wall time the source wrote it */
    uint32_t valid;      /* sampling: 1 if its age is within the refresh period */
    uint32_t reserved;   /* 0 */
};

PV_ASSERT_SIZE(struct pv_port_message_info, 16);
PV_ASSERT_OFFSET(struct pv_port_message_info, written_ns, 0);
PV_ASSERT_OFFSET(struct pv_port_message_info, valid, 8);
PV_ASSERT_OFFSET(struct pv_port_message_info, reserved, 12);

#endif
