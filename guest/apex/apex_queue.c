/* SPDX-License-Identifier: BSD-2-Clause */
/* SEND_QUEUING_MESSAGE and RECEIVE_QUEUING_MESSAGE: one kernel try each,
 * repeated by apex_wait() while the queue is full or empty. */
#include <stddef.h>

#include "apex_impl.h"

struct msg {
    MESSAGE_ADDR_TYPE addr;
    uint32_t len;
};

static int32_t try_send(struct apex_port *p, void *arg)
{
    const struct msg *m = arg;

    return pv_port_write(p->handle, m->addr, m->len);
}

static int32_t try_receive(struct apex_port *p, void *arg)
{
    const struct msg *m = arg;

    return pv_port_read(p->handle, m->addr, m->len, NULL);
}

/* The return code for what apex_wait() ended with. */
static RETURN_CODE_TYPE outcome(int32_t r, SYSTEM_TIME_TYPE timeout, RETURN_CODE_TYPE rc)
{
    if (rc != NO_ERROR) {
        return rc;
    }
    if (r >= 0) {
        return NO_ERROR;
    }
    if (r == PV_EAGAIN) {
        return timeout == 0 ? NOT_AVAILABLE : TIMED_OUT;
    }
    return INVALID_PARAM; /* an unreadable or unwritable buffer */
}

void SEND_QUEUING_MESSAGE(QUEUING_PORT_ID_TYPE QUEUING_PORT_ID, MESSAGE_ADDR_TYPE MESSAGE_ADDR,
                          MESSAGE_SIZE_TYPE LENGTH, SYSTEM_TIME_TYPE TIME_OUT,
                          RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_port *p = apex_port_get(QUEUING_PORT_ID, PV_PORT_QUEUING);
    struct msg m = {MESSAGE_ADDR, (uint32_t)LENGTH};
    RETURN_CODE_TYPE rc = NO_ERROR;
    int32_t r;

    if (!p || LENGTH <= 0) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    if ((uint32_t)LENGTH > p->cfg.max_message_size) {
        *RETURN_CODE = INVALID_CONFIG;
        return;
    }
    if (p->cfg.direction != PV_PORT_SOURCE) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    r = apex_wait(p, try_send, &m, TIME_OUT, &rc);
    *RETURN_CODE = outcome(r, TIME_OUT, rc);
}

void RECEIVE_QUEUING_MESSAGE(QUEUING_PORT_ID_TYPE QUEUING_PORT_ID, SYSTEM_TIME_TYPE TIME_OUT,
                             MESSAGE_ADDR_TYPE MESSAGE_ADDR, MESSAGE_SIZE_TYPE *LENGTH,
                             RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_port *p = apex_port_get(QUEUING_PORT_ID, PV_PORT_QUEUING);
    struct msg m;
    RETURN_CODE_TYPE rc = NO_ERROR;
    int32_t r;

    *LENGTH = 0;
    if (!p) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    if (p->cfg.direction != PV_PORT_DESTINATION) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    /* ARINC 653: the buffer holds the port's maximum message size. */
    m.addr = MESSAGE_ADDR;
    m.len = p->cfg.max_message_size;
    r = apex_wait(p, try_receive, &m, TIME_OUT, &rc);
    *RETURN_CODE = outcome(r, TIME_OUT, rc);
    if (*RETURN_CODE == NO_ERROR) {
        *LENGTH = r;
    }
}
