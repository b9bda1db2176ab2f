/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * tessera-config includes kernel/core/include/cfg.h for its constants and
 * hash functions only; the tables it writes are C text that the kernel
 * compiles with its own arch's arch_word.h (kernel/arch/<arch>/include).
 * These types only let the tool include cfg.h: it never lays out a table.
 */
#ifndef TESSERA_CONFIG_ARCH_WORD_H
#define TESSERA_CONFIG_ARCH_WORD_H

#include <stdint.h>

typedef uint64_t arch_word_t;
typedef uint64_t arch_addr_t;
typedef uint64_t arch_size_t;

#endif
