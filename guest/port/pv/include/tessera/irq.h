/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Software interrupts for RTEMS applications on the pv port.
 *
 * tessera_interrupt_raise() raises one of the partition's own virtual
 * interrupt lines from inside the partition, without the kernel: the line
 * becomes pending in the port, and the handler rtems_interrupt_catch()
 * installed for it runs in interrupt context exactly as for a line the
 * kernel raised (docs/pv-api.md, "Software interrupts"):
 *
 *  - interrupts enabled and the line not masked: at once, before the call
 *    returns, with a thread dispatch after it if the handler made one due;
 *  - interrupts disabled (rtems_interrupt_local_disable, or inside an
 *    interrupt handler): when they are enabled again, i.e. at
 *    rtems_interrupt_local_enable or at the end of the interrupt (a raise
 *    from inside a handler runs after that handler, in the same interrupt,
 *    never nested in it);
 *  - raised twice before it runs: it runs once (a pending line is one bit).
 *
 * Unlike x86's `int $n`, which ignores the interrupt flag, a raised line
 * respects the mask: it behaves like a hardware line forced pending (the
 * LEON3 IRQMP's force register, a RISC-V supervisor software interrupt).
 * Nothing crosses the partition, so the kernel neither sees nor checks it.
 *
 * Only the pv port implements this interface.
 */
#ifndef TESSERA_IRQ_H
#define TESSERA_IRQ_H

#include <rtems.h>

/* Raises vector (a virtual interrupt line the application caught with
 * rtems_interrupt_catch). RTEMS_INVALID_NUMBER if no handler of the
 * application is attached to it (an uncaught line, the tick's line, or a
 * number past the lines); otherwise RTEMS_SUCCESSFUL. Any context. */
rtems_status_code tessera_interrupt_raise(rtems_vector_number vector);

#endif
