/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 (32-bit) word and page sizes of the para-virtualization API: a hypercall
 * number, argument and pointer travel as one pv_word_t (a register).
 */
#ifndef PV_ARCH_X86_WORD_H
#define PV_ARCH_X86_WORD_H

#include <stdint.h>

typedef uint32_t pv_word_t;

#define PV_WORD_BITS 32
#define PV_PAGE_SIZE 4096u /* the unit of areas and of the control page */

#endif
