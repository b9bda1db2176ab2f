/* SPDX-License-Identifier: BSD-2-Clause */
/* Fatal error manager: every way out of the executive ends here. */
#include <rtems.h>
#include <tessera/exec_types.h>

#include "directive.h"
#include "extension.h"

#include <port.h>

_Noreturn void rtems_fatal(rtems_fatal_source fatal_source, rtems_fatal_code error_code)
{
    (void)exec_directive_lock(); /* for good: this directive does not return */
    exec_ext_fatal(fatal_source, error_code);
    port_halt((uint32_t)fatal_source, error_code);
}

_Noreturn void rtems_fatal_error_occurred(uint32_t the_error)
{
    rtems_fatal(INTERNAL_ERROR_RTEMS_API, the_error);
}

_Noreturn void rtems_shutdown_executive(uint32_t result)
{
    rtems_fatal(RTEMS_FATAL_SOURCE_EXIT, result);
}
