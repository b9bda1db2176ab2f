/* SPDX-License-Identifier: BSD-2-Clause */
/* The stand-in architecture's word, address and page sizes: x86's, so that
 * the unit tests pass the values a 32-bit partition can. */
#ifndef TESSERA_HOST_ARCH_WORD_H
#define TESSERA_HOST_ARCH_WORD_H

#include <stdint.h>

typedef uint32_t arch_word_t;
typedef uint32_t arch_addr_t;
typedef uint32_t arch_size_t;

#define ARCH_WORD_BITS 32
#define ARCH_PAGE_SIZE 4096u

#endif
