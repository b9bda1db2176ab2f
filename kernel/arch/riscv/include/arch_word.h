/* SPDX-License-Identifier: BSD-2-Clause */
/* RISC-V 64 (RV64) word, address and page sizes (see x86's arch_word.h). */
#ifndef TESSERA_RISCV_ARCH_WORD_H
#define TESSERA_RISCV_ARCH_WORD_H

#include <stdint.h>

typedef uint64_t arch_word_t; /* a register: hypercall number, argument, result */
typedef uint64_t arch_addr_t; /* a virtual or physical address */
typedef uint64_t arch_size_t; /* a length within one address space */

#define ARCH_WORD_BITS 64
#define ARCH_PAGE_SIZE 4096u /* the smallest page Sv39 maps */

#endif
