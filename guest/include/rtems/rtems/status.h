/* SPDX-License-Identifier: BSD-2-Clause */
/* Directive status codes. The numeric values are RTEMS's: programs print them. */
#ifndef TESSERA_RTEMS_STATUS_H
#define TESSERA_RTEMS_STATUS_H

typedef enum {
    RTEMS_SUCCESSFUL = 0,
    RTEMS_TASK_EXITTED = 1,
    RTEMS_MP_NOT_CONFIGURED = 2,
    RTEMS_INVALID_NAME = 3,
    RTEMS_INVALID_ID = 4,
    RTEMS_TOO_MANY = 5,
    RTEMS_TIMEOUT = 6,
    RTEMS_OBJECT_WAS_DELETED = 7,
    RTEMS_INVALID_SIZE = 8,
    RTEMS_INVALID_ADDRESS = 9,
    RTEMS_INVALID_NUMBER = 10,
    RTEMS_NOT_DEFINED = 11,
    RTEMS_RESOURCE_IN_USE = 12,
    RTEMS_UNSATISFIED = 13,
    RTEMS_INCORRECT_STATE = 14,
    RTEMS_ALREADY_SUSPENDED = 15,
    RTEMS_ILLEGAL_ON_SELF = 16,
    RTEMS_ILLEGAL_ON_REMOTE_OBJECT = 17,
    RTEMS_CALLED_FROM_ISR = 18,
    RTEMS_INVALID_PRIORITY = 19,
    RTEMS_INVALID_CLOCK = 20,
    RTEMS_INVALID_NODE = 21,
    RTEMS_NOT_CONFIGURED = 22,
    RTEMS_NOT_OWNER_OF_RESOURCE = 23,
    RTEMS_NOT_IMPLEMENTED = 24,
    RTEMS_INTERNAL_ERROR = 25,
    RTEMS_NO_MEMORY = 26,
    RTEMS_IO_ERROR = 27,
    RTEMS_INTERRUPTED = 28,
    RTEMS_PROXY_BLOCKING = 29
} rtems_status_code;

#define RTEMS_STATUS_CODES_FIRST RTEMS_SUCCESSFUL
#define RTEMS_STATUS_CODES_LAST  RTEMS_PROXY_BLOCKING

static inline int rtems_is_status_successful(rtems_status_code code)
{
    return code == RTEMS_SUCCESSFUL;
}

static inline int rtems_are_statuses_equal(rtems_status_code a, rtems_status_code b)
{
    return a == b;
}

/* Name of a status code ("RTEMS_TIMEOUT"), "?" for an unknown value. */
const char *rtems_status_text(rtems_status_code code);

#endif
