/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * SPARC V8 (LEON3) word, address and page sizes. The arch-neutral kernel holds
 * registers, addresses and sizes only in these types, so that an arch with
 * another word size changes this file, not kernel/core.
 */
#ifndef TESSERA_SPARC_ARCH_WORD_H
#define TESSERA_SPARC_ARCH_WORD_H

#include <stdint.h>

typedef uint32_t arch_word_t; /* a register: hypercall number, argument, result */
typedef uint32_t arch_addr_t; /* a virtual or physical address */
typedef uint32_t arch_size_t; /* a length within one address space */

#define ARCH_WORD_BITS 32
#define ARCH_PAGE_SIZE 4096u /* the smallest page the MMU maps */

#endif
