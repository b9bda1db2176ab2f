/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * How values wider than a word travel as hypercall arguments, the same on
 * every arch: a 64-bit value takes PV_U64_WORDS consecutive argument words,
 * low word first - one word where the arch's words are 64 bits wide, two
 * on 32-bit arches. The kernel reads one back with arch_hcall_arg64().
 */
#ifndef PV_HCALL_WORDS_H
#define PV_HCALL_WORDS_H

#include <stdint.h>
#include <pv/word.h>

#define PV_U64_WORDS (64 / PV_WORD_BITS)

/* PV_HC_TIMER_SET(clock, deadline, period): the argument word of each. */
#define PV_TIMER_SET_ARG_CLOCK    0
#define PV_TIMER_SET_ARG_DEADLINE 1
#define PV_TIMER_SET_ARG_PERIOD   (PV_TIMER_SET_ARG_DEADLINE + PV_U64_WORDS)

/* Stores v into PV_U64_WORDS argument words at w, low word first. */
static inline void pv_u64_to_words(pv_word_t *w, uint64_t v)
{
    for (unsigned i = 0; i < PV_U64_WORDS; i++) {
        w[i] = (pv_word_t)(v >> (i * PV_WORD_BITS));
    }
}

#endif
