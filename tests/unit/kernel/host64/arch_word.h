/* SPDX-License-Identifier: BSD-2-Clause */
/* A 64-bit stand-in architecture's word, address and page sizes: the same
 * kernel/core sources, unchanged, with 64-bit registers and addresses
 * (tests/unit/kernel/test_words64.c). Put before tests/unit/kernel/host. */
#ifndef TESSERA_HOST64_ARCH_WORD_H
#define TESSERA_HOST64_ARCH_WORD_H

#include <stdint.h>

typedef uint64_t arch_word_t;
typedef uint64_t arch_addr_t;
typedef uint64_t arch_size_t;

#define ARCH_WORD_BITS 64
#define ARCH_PAGE_SIZE 4096u

#endif
