/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The native side of bench_port.h, the same on every native port
 * (guest/port/native): the software interrupt that tm.c and tmtick.c raise
 * is the port's software vector, caught with rtems_interrupt_catch and
 * raised by the arch's instruction (native/ARCH/trigger.h); the port's
 * extra measures are in native/ARCH/extras.c.
 */
#include "bench_port.h"
#include "port_native.h"

#include "trigger.h"

static uint32_t raised;
uint32_t bench_native_samples[BENCH_NATIVE_SAMPLES];

uint32_t bench_entries(void)
{
    return raised;
}

rtems_status_code bench_trigger_attach(rtems_isr_entry isr)
{
    rtems_isr_entry old;

    return rtems_interrupt_catch(isr, BENCH_TRIGGER_VECTOR, &old);
}

void bench_trigger(void)
{
    raised++;
    bench_trigger_raise();
}
