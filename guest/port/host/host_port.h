/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Test hooks of the host port. Time is simulated: it advances by one tick
 * whenever the idle thread runs, so a program's output does not depend on
 * the host's speed.
 */
#ifndef TESSERA_HOST_PORT_H
#define TESSERA_HOST_PORT_H

#include <stdint.h>

/*
 * Raises a simulated interrupt on vector (caught by rtems_interrupt_catch).
 * Delivered at once if interrupts are enabled, otherwise when they are.
 */
void host_port_raise(uint32_t vector);

#endif
