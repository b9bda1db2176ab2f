/* SPDX-License-Identifier: BSD-2-Clause */
/* The 64-bit stand-in architecture's API words (see ../arch_word.h). */
#ifndef PV_HOST64_WORD_H
#define PV_HOST64_WORD_H

#include <stdint.h>

typedef uint64_t pv_word_t;

#define PV_WORD_BITS 64
#define PV_PAGE_SIZE 4096u

#endif
