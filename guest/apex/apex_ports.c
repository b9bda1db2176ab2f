/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ARINC 653 sampling and queuing port services on the kernel's ports. The
 * configuration (the system XML) is the authority: CREATE_* only checks the
 * caller's view against it and remembers the kernel's handle.
 */
#include <string.h>

#include "apex_impl.h"

static struct apex_port ports[APEX_MAX_PORTS];

/* Length of a well-formed name, or 0. */
static size_t name_length(const char *name)
{
    size_t n = name ? strnlen(name, MAX_NAME_LENGTH) : 0;

    return n <= PV_PORT_NAME_MAX ? n : 0;
}

void apex_ports_reset(void)
{
    memset(ports, 0, sizeof(ports));
    apex_wait_reset();
}

struct apex_port *apex_port_get(APEX_INTEGER id, uint32_t kind)
{
    if (id < 1 || id > APEX_MAX_PORTS || !ports[id - 1].used || ports[id - 1].kind != kind) {
        return NULL;
    }
    return &ports[id - 1];
}

static APEX_INTEGER find(const char *name, size_t len, uint32_t kind)
{
    for (int i = 0; i < APEX_MAX_PORTS; i++) {
        if (ports[i].used && ports[i].kind == kind && strlen(ports[i].name) == len &&
            !memcmp(ports[i].name, name, len)) {
            return i + 1;
        }
    }
    return 0;
}

/* Opens the configured port and checks what every kind shares; on success
 * *slot is the free entry, filled but for the caller's extra checks. */
static RETURN_CODE_TYPE create(const char *name, uint32_t kind, MESSAGE_SIZE_TYPE size,
                               PORT_DIRECTION_TYPE dir, struct apex_port **slot, APEX_INTEGER *id)
{
    size_t len = name_length(name);
    struct pv_port_status st;
    int32_t h;

    apex_start_check();
    if (!len) {
        return INVALID_PARAM;
    }
    *id = find(name, len, kind);
    if (*id) {
        return NO_ACTION;
    }
    h = pv_port_open(name, (uint32_t)len);
    if (h < 0 || pv_port_status(h, &st) != PV_OK || st.kind != kind) {
        return INVALID_CONFIG;
    }
    if (size <= 0 || (uint32_t)size != st.max_message_size) {
        return INVALID_CONFIG;
    }
    if ((dir != SOURCE && dir != DESTINATION) ||
        st.direction != (dir == SOURCE ? PV_PORT_SOURCE : PV_PORT_DESTINATION)) {
        return INVALID_CONFIG;
    }
    for (int i = 0; i < APEX_MAX_PORTS; i++) {
        if (!ports[i].used) {
            *slot = &ports[i];
            memset(*slot, 0, sizeof(**slot));
            (*slot)->kind = kind;
            (*slot)->cfg = st;
            memcpy((*slot)->name, name, len);
            *id = i + 1;
            (*slot)->handle = h;
            (*slot)->used = true;
            return NO_ERROR;
        }
    }
    return INVALID_CONFIG;
}

/* ARINC 653: ports are created while the partition initialises; in NORMAL
 * mode a creation that would otherwise succeed is INVALID_MODE (checked
 * last, as the standard lists it). */
static RETURN_CODE_TYPE not_in_normal(struct apex_port *p, RETURN_CODE_TYPE rc)
{
    if (rc != NO_ERROR || pv_shared()->mode != PV_MODE_NORMAL) {
        return rc;
    }
    p->used = false;
    return INVALID_MODE;
}

void CREATE_SAMPLING_PORT(const char *SAMPLING_PORT_NAME, MESSAGE_SIZE_TYPE MAX_MESSAGE_SIZE,
                          PORT_DIRECTION_TYPE PORT_DIRECTION, SYSTEM_TIME_TYPE REFRESH_PERIOD,
                          SAMPLING_PORT_ID_TYPE *SAMPLING_PORT_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_port *p = NULL;
    APEX_INTEGER id = 0;
    RETURN_CODE_TYPE rc =
        create(SAMPLING_PORT_NAME, PV_PORT_SAMPLING, MAX_MESSAGE_SIZE, PORT_DIRECTION, &p, &id);

    /* A destination's period must be the configured one (0 = none, which
     * the caller may also say as INFINITE_TIME_VALUE). */
    if (rc == NO_ERROR && PORT_DIRECTION == DESTINATION &&
        !(REFRESH_PERIOD >= 0 && (uint64_t)REFRESH_PERIOD == p->cfg.refresh_ns) &&
        !(REFRESH_PERIOD == INFINITE_TIME_VALUE && p->cfg.refresh_ns == 0)) {
        p->used = false;
        rc = INVALID_CONFIG;
    }
    if (rc == NO_ERROR && REFRESH_PERIOD < INFINITE_TIME_VALUE) {
        p->used = false;
        rc = INVALID_CONFIG;
    }
    rc = not_in_normal(p, rc);
    *SAMPLING_PORT_ID = rc == NO_ERROR || rc == NO_ACTION ? id : 0;
    *RETURN_CODE = rc;
}

void CREATE_QUEUING_PORT(const char *QUEUING_PORT_NAME, MESSAGE_SIZE_TYPE MAX_MESSAGE_SIZE,
                         MESSAGE_RANGE_TYPE MAX_NB_MESSAGE, PORT_DIRECTION_TYPE PORT_DIRECTION,
                         QUEUING_DISCIPLINE_TYPE QUEUING_DISCIPLINE,
                         QUEUING_PORT_ID_TYPE *QUEUING_PORT_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_port *p = NULL;
    APEX_INTEGER id = 0;
    RETURN_CODE_TYPE rc =
        create(QUEUING_PORT_NAME, PV_PORT_QUEUING, MAX_MESSAGE_SIZE, PORT_DIRECTION, &p, &id);

    if (rc == NO_ERROR && (MAX_NB_MESSAGE <= 0 || (uint32_t)MAX_NB_MESSAGE != p->cfg.depth ||
                           (QUEUING_DISCIPLINE != FIFO && QUEUING_DISCIPLINE != PRIORITY))) {
        p->used = false;
        rc = INVALID_CONFIG;
    }
    if (rc == NO_ERROR) {
        p->discipline = QUEUING_DISCIPLINE;
    }
    rc = not_in_normal(p, rc);
    *QUEUING_PORT_ID = rc == NO_ERROR || rc == NO_ACTION ? id : 0;
    *RETURN_CODE = rc;
}

static void get_id(const char *name, uint32_t kind, APEX_INTEGER *id, RETURN_CODE_TYPE *rc)
{
    size_t len = name_length(name);

    *id = len ? find(name, len, kind) : 0;
    *rc = *id ? NO_ERROR : INVALID_CONFIG;
}

void GET_SAMPLING_PORT_ID(const char *SAMPLING_PORT_NAME, SAMPLING_PORT_ID_TYPE *SAMPLING_PORT_ID,
                          RETURN_CODE_TYPE *RETURN_CODE)
{
    get_id(SAMPLING_PORT_NAME, PV_PORT_SAMPLING, SAMPLING_PORT_ID, RETURN_CODE);
}

void GET_QUEUING_PORT_ID(const char *QUEUING_PORT_NAME, QUEUING_PORT_ID_TYPE *QUEUING_PORT_ID,
                         RETURN_CODE_TYPE *RETURN_CODE)
{
    get_id(QUEUING_PORT_NAME, PV_PORT_QUEUING, QUEUING_PORT_ID, RETURN_CODE);
}

/* Checks shared by WRITE_SAMPLING_MESSAGE and SEND_QUEUING_MESSAGE. */
static RETURN_CODE_TYPE check_send(const struct apex_port *p, MESSAGE_SIZE_TYPE len)
{
    if (!p || len <= 0) {
        return INVALID_PARAM;
    }
    if ((uint32_t)len > p->cfg.max_message_size) {
        return INVALID_CONFIG;
    }
    return p->cfg.direction == PV_PORT_SOURCE ? NO_ERROR : INVALID_MODE;
}

static RETURN_CODE_TYPE from_pv(int32_t r)
{
    if (r >= 0) {
        return NO_ERROR;
    }
    return r == PV_EAGAIN ? NOT_AVAILABLE : INVALID_PARAM;
}

void WRITE_SAMPLING_MESSAGE(SAMPLING_PORT_ID_TYPE SAMPLING_PORT_ID, MESSAGE_ADDR_TYPE MESSAGE_ADDR,
                            MESSAGE_SIZE_TYPE LENGTH, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_port *p = apex_port_get(SAMPLING_PORT_ID, PV_PORT_SAMPLING);

    *RETURN_CODE = check_send(p, LENGTH);
    if (*RETURN_CODE == NO_ERROR) {
        *RETURN_CODE = from_pv(pv_port_write(p->handle, MESSAGE_ADDR, (uint32_t)LENGTH));
    }
}

void READ_SAMPLING_MESSAGE(SAMPLING_PORT_ID_TYPE SAMPLING_PORT_ID, MESSAGE_ADDR_TYPE MESSAGE_ADDR,
                           MESSAGE_SIZE_TYPE *LENGTH, VALIDITY_TYPE *VALIDITY,
                           RETURN_CODE_TYPE *RETURN_CODE)
{
    struct apex_port *p = apex_port_get(SAMPLING_PORT_ID, PV_PORT_SAMPLING);
    struct pv_port_message_info info;
    int32_t r;

    *LENGTH = 0;
    *VALIDITY = INVALID;
    if (!p) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    if (p->cfg.direction != PV_PORT_DESTINATION) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    r = pv_port_read(p->handle, MESSAGE_ADDR, p->cfg.max_message_size, &info);
    if (r == PV_EAGAIN) {
        *RETURN_CODE = NO_ACTION; /* nothing written yet */
        return;
    }
    *RETURN_CODE = from_pv(r);
    if (r >= 0) {
        *LENGTH = r;
        *VALIDITY = info.valid ? VALID : INVALID;
        p->last_validity = *VALIDITY;
    }
}

void GET_SAMPLING_PORT_STATUS(SAMPLING_PORT_ID_TYPE SAMPLING_PORT_ID,
                              SAMPLING_PORT_STATUS_TYPE *SAMPLING_PORT_STATUS,
                              RETURN_CODE_TYPE *RETURN_CODE)
{
    const struct apex_port *p = apex_port_get(SAMPLING_PORT_ID, PV_PORT_SAMPLING);

    if (!p) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    SAMPLING_PORT_STATUS->REFRESH_PERIOD = (SYSTEM_TIME_TYPE)p->cfg.refresh_ns;
    SAMPLING_PORT_STATUS->MAX_MESSAGE_SIZE = (MESSAGE_SIZE_TYPE)p->cfg.max_message_size;
    SAMPLING_PORT_STATUS->PORT_DIRECTION =
        p->cfg.direction == PV_PORT_SOURCE ? SOURCE : DESTINATION;
    SAMPLING_PORT_STATUS->LAST_MSG_VALIDITY = p->last_validity;
    *RETURN_CODE = NO_ERROR;
}

void GET_QUEUING_PORT_STATUS(QUEUING_PORT_ID_TYPE QUEUING_PORT_ID,
                             QUEUING_PORT_STATUS_TYPE *QUEUING_PORT_STATUS,
                             RETURN_CODE_TYPE *RETURN_CODE)
{
    const struct apex_port *p = apex_port_get(QUEUING_PORT_ID, PV_PORT_QUEUING);
    struct pv_port_status st;

    if (!p || pv_port_status(p->handle, &st) != PV_OK) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    QUEUING_PORT_STATUS->NB_MESSAGE = (MESSAGE_RANGE_TYPE)st.messages;
    QUEUING_PORT_STATUS->MAX_NB_MESSAGE = (MESSAGE_RANGE_TYPE)st.depth;
    QUEUING_PORT_STATUS->MAX_MESSAGE_SIZE = (MESSAGE_SIZE_TYPE)st.max_message_size;
    QUEUING_PORT_STATUS->PORT_DIRECTION = st.direction == PV_PORT_SOURCE ? SOURCE : DESTINATION;
    QUEUING_PORT_STATUS->WAITING_PROCESSES = p->waiting;
    *RETURN_CODE = NO_ERROR;
}

void CLEAR_QUEUING_PORT(QUEUING_PORT_ID_TYPE QUEUING_PORT_ID, RETURN_CODE_TYPE *RETURN_CODE)
{
    const struct apex_port *p = apex_port_get(QUEUING_PORT_ID, PV_PORT_QUEUING);

    if (!p) {
        *RETURN_CODE = INVALID_PARAM;
    } else if (p->cfg.direction != PV_PORT_DESTINATION) {
        *RETURN_CODE = INVALID_MODE;
    } else {
        *RETURN_CODE = from_pv(pv_port_clear(p->handle));
    }
}
