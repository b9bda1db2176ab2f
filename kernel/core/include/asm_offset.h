/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The way C layouts reach the kernel's assembly. Each arch's
 * kernel/arch/<arch>/asm_offsets.c lists, with ASM_OFFSET, the offsets and
 * sizes its .S files use; kernel/kernel.mk compiles that file to assembly
 * only (it is never linked) and turns every marker line into a #define of
 * the generated asm_offsets.h, which the .S files include. So an offset in
 * assembly cannot drift from the structure it describes.
 */
#ifndef ASM_OFFSET_H
#define ASM_OFFSET_H

#include <stddef.h>

/* Emits the marker line "@asm_offset NAME VALUE" into the assembly output;
 * %c0 prints the constant without the arch's immediate prefix. */
#define ASM_OFFSET(name, value) __asm__ volatile("\n@asm_offset " #name " %c0\n" : : "i"(value))

#endif
