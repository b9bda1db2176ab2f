/* SPDX-License-Identifier: BSD-2-Clause */
/* The stand-in architecture's API words: x86's (see ../arch_word.h). */
#ifndef PV_HOST_WORD_H
#define PV_HOST_WORD_H

#include <stdint.h>

typedef uint32_t pv_word_t;

#define PV_WORD_BITS 32
#define PV_PAGE_SIZE 4096u

#endif
