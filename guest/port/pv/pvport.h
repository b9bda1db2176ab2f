/* SPDX-License-Identifier: BSD-2-Clause */
/* Internals shared by the files of the pv port (the executive's machine
 * port on the para-virtualization API). Prefixed pvport_: pv_ names are the
 * API's own (pv/include), pv_port_ its ARINC ports. */
#ifndef TESSERA_PVPORT_H
#define TESSERA_PVPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdnoreturn.h>

struct port_context;

/* A warm restart keeps the partition's memory, and with it the port's own
 * state of the run before: the start (system.c) forgets it. The handler of
 * propagated errors (hm.c) would otherwise serve the new run before the
 * application installs its own, the lines and tick of irq.c be taken as
 * attached and running. (trace.c's "the kernel has no guest trace class"
 * holds for every run: the class is configuration.) */
void pvport_hm_reset(void);
void pvport_irq_reset(void);

/* Reports an impossible situation on the console and halts the partition. */
noreturn void pvport_panic(const char *why);

/* Tells the health monitor that the executive cannot go on (fatal error
 * code); returns if the configured action lets the partition carry on. */
void pvport_hm_fatal(uint32_t code);

/*
 * Line PV_IRQ_HM, in interrupt context: hands the propagated error to the
 * application's handler. interrupted_isr: the upcall interrupted an
 * interrupt handler. Returns true when the error was an exception of the
 * interrupted task, now suspended: the upcall must switch away from it.
 */
bool pvport_hm_upcall(bool interrupted_isr);

/* The suspended task cannot be switched away from (dispatching disabled). */
noreturn void pvport_hm_task_stuck(void);

/* The x86 thread switch found the outgoing thread past its stack
 * (guest/port/cpu/x86/context.S, CPU_STACK_GUARD). */
noreturn void cpu_stack_overflow(struct port_context *from, struct port_context *to);

/* The two steps of an upcall (irq.c), for the traced handler (trace.c):
 * the ISRs of the frame's lines (true: the health monitor left the
 * interrupted task stuck), then the dispatch they made necessary. */
struct pv_upcall_frame;
bool pvport_upcall_work(const struct pv_upcall_frame *frame);
void pvport_upcall_leave(bool leave);

#endif
