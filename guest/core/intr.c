/* SPDX-License-Identifier: BSD-2-Clause */
/* Interrupt manager: masking through the port, and caught vectors. */
#include <rtems.h>

#include "directive.h"
#include "dispatch.h"

#include <port.h>

/* Vectors a port may offer to rtems_interrupt_catch (pv: virtual lines). */
#define EXEC_VECTOR_COUNT 64u

static rtems_isr_entry handlers[EXEC_VECTOR_COUNT];

rtems_interrupt_level exec_interrupt_disable(void)
{
    return port_interrupt_disable();
}

void exec_interrupt_enable(rtems_interrupt_level level)
{
    port_interrupt_enable(level);
}

void exec_interrupt_flash(rtems_interrupt_level level)
{
    port_interrupt_enable(level);
    (void)port_interrupt_disable();
}

bool exec_interrupt_is_in_progress(void)
{
    return exec_isr_nest_level != 0;
}

rtems_status_code rtems_interrupt_catch(rtems_isr_entry new_isr_handler, rtems_vector_number vector,
                                        rtems_isr_entry *old_isr_handler)
{
    port_isr_level level;
    rtems_status_code status = RTEMS_SUCCESSFUL;

    if (new_isr_handler == NULL || old_isr_handler == NULL) {
        return RTEMS_INVALID_ADDRESS;
    }
    if (vector >= EXEC_VECTOR_COUNT) {
        return RTEMS_INVALID_NUMBER;
    }
    level = exec_directive_lock();
    if (handlers[vector] == NULL && !port_vector_attach(vector)) {
        status = RTEMS_INVALID_NUMBER;
    } else {
        *old_isr_handler = handlers[vector];
        handlers[vector] = new_isr_handler;
    }
    return exec_directive_unlock(level, status);
}

void exec_vector_isr(uint32_t vector)
{
    if (vector < EXEC_VECTOR_COUNT && handlers[vector] != NULL) {
        handlers[vector](vector);
    } else {
        rtems_fatal(RTEMS_FATAL_SOURCE_SPURIOUS_INTERRUPT, vector);
    }
}
