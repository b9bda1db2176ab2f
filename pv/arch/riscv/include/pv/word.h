/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V 64 word and page sizes of the para-virtualization API: a hypercall
 * number, argument and pointer travel as one pv_word_t (a 64-bit register).
 */
#ifndef PV_ARCH_RISCV_WORD_H
#define PV_ARCH_RISCV_WORD_H

#include <stdint.h>

typedef uint64_t pv_word_t;

#define PV_WORD_BITS 64
#define PV_PAGE_SIZE 4096u /* the unit of areas and of the control page */

#endif
