/* SPDX-License-Identifier: BSD-2-Clause */
/* Fatal error manager: every way out of the executive ends here. */
#include <rtems.h>
#include <tessera/exec_types.h>

#include <port.h>

_Noreturn void rtems_fatal(rtems_fatal_source fatal_source, rtems_fatal_code error_code)
{
    (void)port_interrupt_disable();
    for (size_t i = 0; i < exec_config.initial_extension_count; i++) {
        if (exec_config.initial_extensions[i].fatal != NULL) {
            exec_config.initial_extensions[i].fatal(fatal_source, false, error_code);
        }
    }
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
