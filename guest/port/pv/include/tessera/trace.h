/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The executive's events in the kernel's trace (docs/trace-format.md,
 * docs/guest.md): an application that defines CONFIGURE_TESSERA_TRACE
 * before <rtems/confdefs.h> gets TESSERA_TRACE_EXTENSION among its initial
 * extensions, which records TASK_NAME when a task is created and
 * TASK_SWITCH at every task switch, and links the pv port's traced upcall
 * handler, which records IRQ_ENTRY and IRQ_EXIT around the interrupt work
 * of each line an upcall delivers. An application without it links none
 * of this and pays nothing. The pv port only: the native port has no
 * trace to write into (this header is not on its include path).
 *
 * Such an application is linked with the traced executive library
 * (libexec-trace.a: the tree's link rules pick it, the SDK's package
 * tessera-ARCH-pv-trace names it; docs/tracing.md "Directive calls"),
 * whose generated wrappers record DIRECTIVE_ENTRY and DIRECTIVE_EXIT
 * around each Classic directive through the two functions below (ids:
 * tessera/trace_directives.h).
 */
#ifndef TESSERA_TRACE_EXTENSION_H
#define TESSERA_TRACE_EXTENSION_H

#include <rtems.h>

bool tessera_trace_thread_create(rtems_tcb *executing, rtems_tcb *created);
void tessera_trace_thread_switch(rtems_tcb *executing, rtems_tcb *heir);
void tessera_trace_directive_entry(uint32_t directive);
rtems_status_code tessera_trace_directive_exit(uint32_t directive, rtems_status_code status);

#define TESSERA_TRACE_EXTENSION                                                                    \
    {                                                                                              \
        .thread_create = tessera_trace_thread_create, .thread_switch = tessera_trace_thread_switch \
    }

#endif
