/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The native side of bench_port.h, the same on every native port
 * (guest/port/native): the count of software interrupts raised and their
 * vector caught with rtems_interrupt_catch. What is the arch's - the
 * vector, the instruction that raises it (bench_trigger, timed by tm.c and
 * tmtick.c, so inline there) and the port's extra measures - is in
 * native/ARCH/extras.c.
 */
#include "bench_port.h"
#include "port_native.h"

uint32_t bench_native_raised;
uint32_t bench_native_samples[BENCH_NATIVE_SAMPLES];

uint32_t bench_entries(void)
{
    return bench_native_raised;
}

rtems_status_code bench_trigger_attach(rtems_isr_entry isr)
{
    rtems_isr_entry old;

    return rtems_interrupt_catch(isr, bench_native_trigger_vector, &old);
}

/* The CPU raises it itself: there is no slower kind natively. */
void bench_trigger_fast(void)
{
    bench_trigger();
}
