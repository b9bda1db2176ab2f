/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the RTEMS benchmark programs (tm.c, tmtick.c) need that differs
 * between the pv and the native port: counting kernel entries and raising
 * a software interrupt. Everything else is the same source on both ports.
 * port_pv.c and port_native.c (with native/ARCH/) implement it.
 */
#ifndef BENCH_PORT_H
#define BENCH_PORT_H

#include <rtems.h>
#include <stdint.h>

/* pv: the control page's kernel_entries (every trap, interrupt and
 * hypercall while the partition ran). native: there is no kernel; the
 * count of software interrupts this file raised (the tick is accounted by
 * the caller, see docs/performance.md). */
uint32_t bench_entries(void);

/* Catches the software-triggered interrupt with isr. */
rtems_status_code bench_trigger_attach(rtems_isr_entry isr);

/* Raises it: native "int $0x30"; pv: the execution-time timer armed in
 * the past (one hypercall, which returns into the upcall). */
void bench_trigger(void);

/* Raises it without a kernel: pv: tessera_interrupt_raise() (the port's
 * own pending line and dispatch, <tessera/irq.h>); native: the same as
 * bench_trigger(), the CPU's own. */
void bench_trigger_fast(void);

/* Port-only measures (native: cli/sti and a bare int $n round trip). */
void bench_port_extras(void);

#endif
