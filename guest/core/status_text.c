/* SPDX-License-Identifier: BSD-2-Clause */
#include <rtems/rtems/status.h>

#include <stddef.h>

static const char *const names[] = {
    "RTEMS_SUCCESSFUL",        "RTEMS_TASK_EXITTED",       "RTEMS_MP_NOT_CONFIGURED",
    "RTEMS_INVALID_NAME",      "RTEMS_INVALID_ID",         "RTEMS_TOO_MANY",
    "RTEMS_TIMEOUT",           "RTEMS_OBJECT_WAS_DELETED", "RTEMS_INVALID_SIZE",
    "RTEMS_INVALID_ADDRESS",   "RTEMS_INVALID_NUMBER",     "RTEMS_NOT_DEFINED",
    "RTEMS_RESOURCE_IN_USE",   "RTEMS_UNSATISFIED",        "RTEMS_INCORRECT_STATE",
    "RTEMS_ALREADY_SUSPENDED", "RTEMS_ILLEGAL_ON_SELF",    "RTEMS_ILLEGAL_ON_REMOTE_OBJECT",
    "RTEMS_CALLED_FROM_ISR",   "RTEMS_INVALID_PRIORITY",   "RTEMS_INVALID_CLOCK",
    "RTEMS_INVALID_NODE",      "RTEMS_NOT_CONFIGURED",     "RTEMS_NOT_OWNER_OF_RESOURCE",
    "RTEMS_NOT_IMPLEMENTED",   "RTEMS_INTERNAL_ERROR",     "RTEMS_NO_MEMORY",
    "RTEMS_IO_ERROR",          "RTEMS_INTERRUPTED",        "RTEMS_PROXY_BLOCKING",
};

_Static_assert(sizeof(names) / sizeof(names[0]) == RTEMS_STATUS_CODES_LAST + 1,
               "one name per status code");

const char *rtems_status_text(rtems_status_code code)
{
    if ((unsigned)code < sizeof(names) / sizeof(names[0])) {
        return names[code];
    }
    return "?";
}
