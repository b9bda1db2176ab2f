/* SPDX-License-Identifier: BSD-2-Clause */
/* The pv side of bench_port.h: the control page and the pv API. */
#include "bench_port.h"

#include <pv/pv.h>
#include <tessera/irq.h>

uint32_t bench_entries(void)
{
    return pv_shared()->kernel_entries;
}

rtems_status_code bench_trigger_attach(rtems_isr_entry isr)
{
    rtems_isr_entry old;

    return rtems_interrupt_catch(isr, PV_IRQ_EXEC_TIMER, &old);
}

void bench_trigger(void)
{
    /* A deadline in the past expires at once (docs/pv-api.md, timer_set):
     * the line is raised and delivered on the way out of this call. */
    pv_timer_set(PV_CLOCK_EXEC, 1, 0);
}

void bench_trigger_fast(void)
{
    (void)tessera_interrupt_raise(PV_IRQ_EXEC_TIMER);
}

void bench_port_extras(void)
{
    /* The bare pv operations are measured by bench/micro.c. */
}
