/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The health-monitor log's index by entry number (hm_index.c): finds the
 * first kept entry numbered `first` or later in the same instructions
 * whatever the size of the log, so that PV_HC_HM_LOG_READ does not walk
 * the log (its cost must not grow with the configuration).
 *
 * Two halves, each an array of (entry number, slot) in ascending entry
 * order with a bitmap of which positions are still kept. Readers search
 * the active half; every append also copies HM_INDEX_COPY_STEPS positions
 * of the active half into the other, kept ones only, so the other half is a
 * compacted copy when the copy reaches the active half's end, and the
 * halves swap. A dropped entry only clears its bit; the copy leaves it
 * behind. The halves are sized by the configuration (cfg_state.h).
 */
#ifndef TESSERA_HM_INDEX_H
#define TESSERA_HM_INDEX_H

#include <stdint.h>

#include "cfg.h"
#include "hm.h"

/* Positions of the active half the copy advances per append. With k steps
 * a copy of a half of L positions ends after L / (k - 1) appends; a half
 * then holds at most the kept entries (<= E, the log's size) and the
 * appends of one copy: L <= E + L / (k - 1), and the active half grows to
 * L * k / (k - 1) at most. k = 3: L <= 2 E + 2, at most 3 E + 4 positions
 * in use (a full half would panic; test_hm_index_ops.c drops what the copy
 * just carried over and drives a half to 2.9 E). A larger k costs every
 * append more copying, a smaller one more memory. */
#define HM_INDEX_COPY_STEPS     3u
#define HM_INDEX_LEN(entries)   (3u * (entries) + 8u)
#define HM_INDEX_WORDS(entries) ((HM_INDEX_LEN(entries) + 31u) / 32u)
/* The search's first step: a power of two above half the largest half, so
 * that every configuration takes the same number of steps. */
#define HM_INDEX_SEARCH_TOP 512u
_Static_assert(2u * HM_INDEX_SEARCH_TOP > HM_INDEX_LEN(HM_LOG_ENTRIES(CFG_MAX_PARTITIONS)),
               "the search's steps reach every position of the largest index");
/* The bitmap's summary is one word: a bit per bitmap word. */
_Static_assert(HM_INDEX_WORDS(HM_LOG_ENTRIES(CFG_MAX_PARTITIONS)) <= 32, "summary fits a word");

/* Defined by CFG_STATE_DEFINE: both halves one after the other. */
extern const uint32_t hm_index_len; /* positions per half */
extern uint32_t hm_index_seq[];     /* 2 * hm_index_len entry numbers */
extern hm_log_slot hm_index_slot[]; /* 2 * hm_index_len slots */
extern uint16_t hm_index_pos[];     /* 2 * hm_log_size: a slot's position per half */
extern uint32_t hm_index_live[];    /* 2 * HM_INDEX_WORDS bits: kept positions */

/* Adds the newest entry (number seq, in slot), then copies. Constant time. */
void hm_index_append(hm_log_slot slot, uint32_t seq);

/* Forgets the entry in slot (it is being dropped). Constant time. */
void hm_index_drop(hm_log_slot slot);

/* The slot of the first kept entry whose number is at or after first, or
 * HM_NO_SLOT. first must lie between the oldest kept number and the next
 * number (numbers are compared as distances from the oldest the active
 * half holds, so that wrapping does not matter). Constant time. */
hm_log_slot hm_index_find(uint32_t first);

#endif
