/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The contract between the arch-neutral executive (guest/core) and a port.
 *
 * A port is everything the executive needs from the machine: interrupt
 * masking, thread contexts, idling, a periodic tick, a clock, a console,
 * interrupt vectors, the heap area and the way out. Ports: host (Linux
 * process, for tests), pv (Tessera para-virtualization API), native (bare
 * x86). The core calls nothing else that is machine-specific, so adding a
 * port means implementing exactly the port_* functions below and calling the
 * exec_* entry points at the places described.
 *
 * Interrupt level: one number. 0 means "interrupts enabled"; any other value
 * means "disabled". This is also the meaning of the interrupt-level bits of
 * an RTEMS task mode, so a level taken from a mode can be handed to the port
 * as is. A port without graded levels (pv: one shared "enabled" flag) treats
 * all non-zero levels alike.
 *
 * Unless stated otherwise a port function may be called from task and from
 * interrupt context, with interrupts enabled or disabled.
 */
#ifndef TESSERA_GUEST_PORT_H
#define TESSERA_GUEST_PORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdnoreturn.h>

typedef uint32_t port_isr_level;

/*
 * Disables interrupts and returns the level that was in effect before.
 * Must not trap on pv: it is one store to the shared "enabled" flag.
 */
port_isr_level port_interrupt_disable(void);

/*
 * Sets the interrupt level, typically a value returned by
 * port_interrupt_disable(). Enabling delivers interrupts that became pending
 * while disabled (on pv: a hypercall only if something is pending).
 */
void port_interrupt_restore(port_isr_level level);

/*
 * port_interrupt_restore() where the level changes at the application's
 * request (rtems_interrupt_local_enable and _flash, a task mode or a thread
 * start that sets the level): it also delivers what the port itself made
 * pending while interrupts were disabled (pv: lines raised in the partition,
 * <tessera/irq.h>). The directives' lock and unlock use
 * port_interrupt_restore(): they go back to the level they began at, and
 * while interrupts are enabled the port holds nothing pending, so there is
 * nothing of the port's to deliver (and the directives do not pay the check).
 * Ports with nothing of their own make it port_interrupt_restore().
 */
void port_interrupt_enable(port_isr_level level);

/* Current interrupt level (0 = enabled). */
port_isr_level port_interrupt_level(void);

/*
 * Thread contexts. The storage of a context lives inside the thread's stack
 * area (the port carves it out, typically at the top), so the core's control
 * blocks do not depend on the port and need no port header.
 */
struct port_context;

/*
 * Prepares [stack_area, stack_area + stack_size) so that switching to the
 * returned context calls entry() on that stack with interrupts disabled.
 * entry never returns. fp: the thread uses the floating-point unit, the port
 * must preserve FP state across switches for it (other threads may share
 * one FP state). Called by the core with interrupts disabled, also on the
 * stack of the running thread when it restarts itself (the port must not
 * rely on the old contents of the area). Returns NULL if the area cannot
 * hold a context plus PORT-specific minimum of usable stack.
 */
struct port_context *port_context_init(void *stack_area, size_t stack_size, bool fp,
                                       void (*entry)(void));

/*
 * Saves the running thread's state in from and resumes to. Called by the
 * core in task context (also at the end of an interrupt, see
 * exec_isr_dispatch) with interrupts disabled; returns, with interrupts still
 * disabled, when some other thread switches back to from.
 */
void port_context_switch(struct port_context *from, struct port_context *to);

/*
 * Resumes to without saving anything: the current context is abandoned
 * (boot stack at start of multitasking, a thread that deleted or restarted
 * itself). Called with interrupts disabled.
 */
noreturn void port_context_start(struct port_context *to);

/*
 * Called by the idle thread in a loop with interrupts enabled. Waits until an
 * interrupt may have been delivered (hlt, a pv "yield until next event"
 * hypercall, or on the host port: simulate the next tick) and returns.
 */
void port_idle(void);

/*
 * Starts the periodic tick: from now on, every period_us microseconds, the
 * port takes an interrupt and runs, in interrupt context,
 *     exec_isr_enter(); exec_tick_isr(); if (exec_isr_leave()) exec_isr_dispatch();
 * Called once by the core during initialization, interrupts disabled, only
 * if the application configured a clock driver.
 */
void port_tick_start(uint32_t period_us);

/*
 * Monotonic clock in nanoseconds since an arbitrary origin before boot;
 * never goes back. Must not trap where the hardware allows (rdtsc with a
 * published scale on pv x86).
 */
uint64_t port_clock_monotonic_ns(void);

/* Writes len bytes to the console, synchronously (polled). Any context. */
void port_console_write(const char *buf, size_t len);

/*
 * Ends the executive for good. source/code: the RTEMS fatal source and code
 * (RTEMS_FATAL_SOURCE_EXIT with the exit status for exit() and
 * rtems_shutdown_executive()). The host port exits the process with the
 * status for an exit, 128 + source otherwise; pv reports to the health
 * monitor / stops the partition. Called with interrupts disabled.
 */
noreturn void port_halt(uint32_t source, uint32_t code);

/*
 * An error the executive detected that a health monitor may want to know
 * about: PORT_ERROR_DEADLINE_MISSED (detail: the period's id) when
 * rtems_rate_monotonic_period() finds the period expired. The pv port reports
 * it to the kernel's health monitor (which may restart the partition: then
 * this does not return); the host and native ports ignore it. Task context,
 * interrupts enabled or disabled.
 */
#define PORT_ERROR_DEADLINE_MISSED 1u
void port_error_report(uint32_t error, uint32_t detail);

/*
 * The memory left to the C heap (newlib's sbrk): [*begin, *end). Called by
 * the libc glue, any time after exec_boot started.
 */
void port_heap_area(uintptr_t *begin, uintptr_t *end);

/*
 * Interrupt vectors for rtems_interrupt_catch(). The vector numbers are the
 * port's (pv: virtual interrupt lines). Returns false if vector does not
 * exist or cannot be caught; otherwise, from then on, when the vector fires
 * the port runs in interrupt context
 *     exec_isr_enter(); exec_vector_isr(vector); if (exec_isr_leave()) exec_isr_dispatch();
 * and unmasks the line if needed. Called with interrupts disabled.
 */
bool port_vector_attach(uint32_t vector);

/* ---- Entry points the core provides to the port ---------------------- */

/*
 * The port's start-up code calls this once, on a boot stack, with a C
 * environment ready (data, bss) and interrupts disabled. Never returns.
 */
noreturn void exec_boot(void);

/* First thing in every interrupt handler (maintains the nesting level). */
void exec_isr_enter(void);

/*
 * Last thing in every interrupt handler. Returns true if this was the
 * outermost level and a thread switch is due: then the port must call
 * exec_isr_dispatch() on the interrupted thread's stack with interrupts
 * disabled, before returning to the interrupted code.
 */
bool exec_isr_leave(void);

/* See exec_isr_leave(). Returns when the interrupted thread runs again. */
void exec_isr_dispatch(void);

/* Body of the tick interrupt (see port_tick_start). */
void exec_tick_isr(void);

/*
 * exec_tick_isr() for a tick whose period the executive did not run at all
 * (a pv partition outside its windows, told of the ticks it missed when its
 * window starts): the clock and the watchdogs catch up, but the executing
 * thread's timeslice is not charged, since the thread did not run then.
 * Charged, the missed ticks would end the slice of the thread that was
 * running when the last window ended, and its successor's slice would end
 * at the window's first tick of its own, however soon that comes.
 */
void exec_missed_tick_isr(void);

/* Body of a caught vector's interrupt (see port_vector_attach). */
void exec_vector_isr(uint32_t vector);

#endif
