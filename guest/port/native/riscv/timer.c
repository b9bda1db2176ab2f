/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Time on QEMU virt, from S-mode without SBI: the time CSR (the CLINT's
 * mtime, 10 MHz) is the monotonic clock, and Sstc's stimecmp, which
 * mstart.c handed to S-mode, makes the tick. stimecmp is absolute: each
 * tick interrupt moves it on by one period from the last deadline, not
 * from now, so ticks do not drift with interrupt latency, and a tick held
 * back longer than a period (interrupts disabled) is not lost: the next
 * deadline is then already past and the interrupt comes again at once.
 * Under -icount shift=0 one count of the time CSR is 100 instructions, so
 * runs are reproducible.
 */
#include "native.h"

#include <port.h>

static bool running;
static uint64_t period_counts;
static uint64_t deadline;

static uint64_t now_counts(void)
{
    uint64_t t;

    __asm__ volatile("rdtime %0" : "=r"(t));
    return t;
}

void port_tick_start(uint32_t period_us)
{
    period_counts = (uint64_t)period_us * 1000u / NATIVE_TIMEBASE_NS;
    if (period_counts == 0) {
        period_counts = 1;
    }
    deadline = now_counts() + period_counts;
    csr_write(stimecmp, deadline);
    running = true;
    csr_set(sie, SIE_STIE);
}

bool native_tick_running(void)
{
    return running;
}

/* The tick's interrupt: the next deadline first (writing stimecmp clears
 * the pending timer interrupt), then the tick. */
void native_tick_interrupt(void)
{
    deadline += period_counts;
    csr_write(stimecmp, deadline);
    exec_tick_isr();
}

uint64_t port_clock_monotonic_ns(void)
{
    return now_counts() * NATIVE_TIMEBASE_NS;
}
