/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The health-monitor log's index by entry number (hm_index.h has the
 * design). Every operation is constant time: an append writes one position
 * and copies HM_INDEX_COPY_STEPS, a drop clears at most one bit per half,
 * a search takes the same log2 steps in every configuration and then finds
 * the next kept position with two word scans. It runs on the fault path
 * (hm_raise) and in PV_HC_HM_LOG_READ, so neither may grow with the log.
 */
#include "hm_index.h"
#include "kprintf.h"

static uint32_t active;     /* the half readers search: 0 or 1 */
static uint32_t used[2];    /* positions written in each half */
static uint32_t copied;     /* positions of the active half copied into the other */
static uint32_t summary[2]; /* bit w: word w of the half's bitmap has a kept position */

static uint32_t words_per_half(void)
{
    return (hm_index_len + 31u) / 32u;
}

/* The lowest set bit's number; x != 0. A de Bruijn sequence rather than
 * __builtin_ctz, which is a libgcc call on SPARC V8 and RV64IMAC. */
static uint32_t lowest_bit(uint32_t x)
{
    static const uint8_t bit_of[32] = {0,  1,  28, 2,  29, 14, 24, 3,  30, 22, 20,
                                       15, 25, 17, 4,  8,  31, 27, 13, 23, 21, 19,
                                       16, 7,  26, 12, 18, 6,  11, 5,  10, 9};

    return bit_of[((x & -x) * 0x077cb531u) >> 27];
}

static void put(uint32_t half, hm_log_slot slot, uint32_t seq)
{
    uint32_t pos = used[half], i = half * hm_index_len + pos;
    uint32_t *word = &hm_index_live[half * words_per_half() + pos / 32u];

    /* The halves' sizes bound what a copy leaves behind (hm_index.h): a
     * full half is a kernel bug, not a partition's doing. */
    if (pos >= hm_index_len) {
        panic("hm index: half %u full", half);
    }
    used[half] = pos + 1;
    hm_index_seq[i] = seq;
    hm_index_slot[i] = slot;
    hm_index_pos[half * hm_log_size + slot] = (uint16_t)pos;
    /* Positions fill from 0 after each swap: a word's first position clears
     * what the word held in the half's previous life. */
    if (pos % 32u == 0) {
        *word = 0;
    }
    *word |= 1u << pos % 32u;
    summary[half] |= 1u << pos / 32u;
}

/* One position of the active half into the other, if it is still kept;
 * at the end of the active half, the halves swap. */
static void copy_step(void)
{
    uint32_t from = active, to = from ^ 1u, pos = copied;

    if (pos == used[from]) {
        active = to;
        used[from] = 0;
        summary[from] = 0;
        copied = 0;
        return;
    }
    copied = pos + 1;
    if (hm_index_live[from * words_per_half() + pos / 32u] & 1u << pos % 32u) {
        put(to, hm_index_slot[from * hm_index_len + pos], hm_index_seq[from * hm_index_len + pos]);
    }
}

void hm_index_append(hm_log_slot slot, uint32_t seq)
{
    put(active, slot, seq);
    for (uint32_t k = 0; k < HM_INDEX_COPY_STEPS; k++) {
        copy_step();
    }
}

void hm_index_drop(hm_log_slot slot)
{
    for (uint32_t half = 0; half < 2; half++) {
        uint32_t pos = hm_index_pos[half * hm_log_size + slot];
        uint32_t *word = &hm_index_live[half * words_per_half() + pos / 32u];

        /* The position is the slot's only if the half's current life wrote
         * it there (a position left from an earlier life names another
         * slot, or lies past what is written). */
        if (pos >= used[half] || hm_index_slot[half * hm_index_len + pos] != slot) {
            continue;
        }
        *word &= ~(1u << pos % 32u);
        if (!*word) {
            summary[half] &= ~(1u << pos / 32u);
        }
    }
}

hm_log_slot hm_index_find(uint32_t first)
{
    uint32_t half = active, n = used[half], lo = 0, base, dist, w, bits;
    const uint32_t *seq = &hm_index_seq[half * hm_index_len];
    const uint32_t *live = &hm_index_live[half * words_per_half()];

    if (!n) {
        return HM_NO_SLOT;
    }
    /* Position 0 holds the smallest number in the half, kept or not. */
    base = seq[0];
    dist = first - base;
    /* lo = the positions whose numbers are below first (they are sorted),
     * by a binary search of the same steps whatever n is, each step without
     * a branch: a probe past n reads position 0 and is discarded. */
    for (uint32_t step = HM_INDEX_SEARCH_TOP; step; step >>= 1) {
        uint32_t probe = lo + step, in = -(uint32_t)(probe <= n);
        uint32_t below = -(uint32_t)(seq[(probe - 1) & in] - base < dist);

        lo += step & in & below;
    }
    if (lo >= n) {
        return HM_NO_SLOT;
    }
    /* The first kept position at or after lo: in lo's word, else in the
     * first later word that has one. */
    w = lo / 32u;
    bits = live[w] & ~0u << lo % 32u;
    if (!bits) {
        uint32_t later = summary[half] & ~((2u << w) - 1u);

        if (!later) {
            return HM_NO_SLOT;
        }
        w = lowest_bit(later);
        bits = live[w];
    }
    return hm_index_slot[half * hm_index_len + w * 32u + lowest_bit(bits)];
}
