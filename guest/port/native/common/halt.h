/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The native ports' ways out and heap (halt.c): the same on every arch;
 * each port gives its exit device, the top of its heap and its name.
 */
#ifndef NATIVE_HALT_H
#define NATIVE_HALT_H

#include <stdint.h>
#include <stdnoreturn.h>

/* The exit code of every fatal error but exit(): printed first. */
#define NATIVE_EXIT_FATAL 0x7fu

/* The arch's name in the port's messages ("x86", "riscv"). */
extern const char native_arch_name[];

/* Ends the machine with exit code v (0-127), interrupts already off: the
 * arch's exit device under QEMU; where there is none, the CPU stops. */
noreturn void native_exit(uint32_t v);

/* The end of the heap: the arch's RAM limit for it (from the end of the
 * image, __heap_start, up to there). */
uintptr_t native_heap_top(void);

#endif
