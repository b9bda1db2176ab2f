/* SPDX-License-Identifier: BSD-2-Clause */
/* Internals shared by the APEX port services. */
#ifndef APEX_IMPL_H
#define APEX_IMPL_H

#include <apex.h>
#include <stdbool.h>
#include <pv/pv.h>

/* Ports a partition may create; ids are index + 1 so that 0 is no port. */
#define APEX_MAX_PORTS 16

struct apex_port {
    bool used;
    int32_t handle; /* the kernel's */
    uint32_t kind;  /* PV_PORT_SAMPLING or PV_PORT_QUEUING */
    struct pv_port_status cfg;
    char name[MAX_NAME_LENGTH + 1];
    VALIDITY_TYPE last_validity;
    WAITING_RANGE_TYPE waiting;
    QUEUING_DISCIPLINE_TYPE discipline; /* of the tasks waiting (queuing ports) */
};

/* The port of id and kind, or NULL. */
struct apex_port *apex_port_get(APEX_INTEGER id, uint32_t kind);

/*
 * Retries op(port, arg) until it stops answering PV_EAGAIN, blocking only
 * the calling task between tries; returns op's last result, or PV_EAGAIN
 * after timeout ns (TIMED_OUT). *rc is set to INVALID_MODE when the caller
 * may not block, INVALID_PARAM for a bad timeout.
 */
int32_t apex_wait(struct apex_port *port, int32_t (*op)(struct apex_port *, void *), void *arg,
                  SYSTEM_TIME_TYPE timeout, RETURN_CODE_TYPE *rc);

#endif
