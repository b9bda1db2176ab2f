/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of the HM log's index by entry number (kernel/core/hm_index.c)
 * driven directly, without the log: appends and drops in any pattern the
 * index's contract allows (at most hm_log_size kept, each in its own slot),
 * not only those the log's per-partition shares produce. test_hm_index.c's
 * shares of 16 never empty a bitmap word while a later word holds only its
 * first few positions; here whole runs are dropped at every fill level, so
 * each word boundary is crossed with the words before it empty.
 *
 * Built with 18 partitions (state.c: UNIT_STATE_PARTS): 72 log entries, an
 * index half of 224 positions, an exact multiple of the 32-bit bitmap word,
 * and with AddressSanitizer, so a bitmap that outgrows its array fails. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <cmocka.h>
#include "console.h"
#include "hm_index.h"

#ifndef UNIT_STATE_PARTS
#error "built with -DUNIT_STATE_PARTS (tests/unit/unit.mk)"
#endif

_Static_assert(HM_INDEX_LEN(HM_LOG_ENTRIES(UNIT_STATE_PARTS)) % 32u == 0,
               "a half ends exactly at a bitmap word's end");

/* A full half panics (hm_index.c): the message goes to stderr, and the
 * stand-in arch_shutdown() ends the test. */
void console_print_kernel_line(const char *line, int n)
{
    fwrite(line, 1, (size_t)n, stderr);
}

/* The model: the kept entries, oldest first, and which slots are free. */
static struct {
    uint32_t seq;
    hm_log_slot slot;
} kept[HM_LOG_ENTRIES(UNIT_STATE_PARTS)];
static uint32_t kept_n;
static uint8_t slot_used[HM_LOG_ENTRIES(UNIT_STATE_PARTS)];
static uint32_t next_seq;
static uint32_t rng;

/* A mirror of the index's two halves (hm_index.h's design: appends to the
 * active half, HM_INDEX_COPY_STEPS kept positions copied per append, a
 * swap when the copy reaches the end), so that a test can choose what to
 * drop by where it lies; mirror_check() holds it to the index's arrays. */
#define HALF_LEN HM_INDEX_LEN(HM_LOG_ENTRIES(UNIT_STATE_PARTS))
static struct {
    hm_log_slot slot[2][HALF_LEN];
    uint8_t live[2][HALF_LEN];
    uint32_t used[2], peak[2], active, copied;
} mirror;

static void mirror_put(uint32_t half, hm_log_slot slot)
{
    uint32_t pos = mirror.used[half]++;

    mirror.slot[half][pos] = slot;
    mirror.live[half][pos] = 1;
    if (mirror.used[half] > mirror.peak[half]) {
        mirror.peak[half] = mirror.used[half];
    }
}

static void mirror_append(hm_log_slot slot)
{
    mirror_put(mirror.active, slot);
    for (uint32_t k = 0; k < HM_INDEX_COPY_STEPS; k++) {
        uint32_t from = mirror.active, pos = mirror.copied;

        if (pos == mirror.used[from]) {
            mirror.active ^= 1u;
            mirror.used[from] = 0;
            mirror.copied = 0;
        } else {
            mirror.copied = pos + 1u;
            if (mirror.live[from][pos]) {
                mirror_put(from ^ 1u, mirror.slot[from][pos]);
            }
        }
    }
}

static void mirror_drop(hm_log_slot slot)
{
    for (uint32_t half = 0; half < 2; half++) {
        for (uint32_t pos = 0; pos < mirror.used[half]; pos++) {
            if (mirror.slot[half][pos] == slot) {
                mirror.live[half][pos] = 0;
            }
        }
    }
}

static void mirror_check(void)
{
    for (uint32_t half = 0; half < 2; half++) {
        for (uint32_t pos = 0; pos < mirror.used[half]; pos++) {
            assert_int_equal(hm_index_slot[half * hm_index_len + pos], mirror.slot[half][pos]);
        }
    }
}

static uint32_t random32(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static void drop_at(uint32_t i)
{
    hm_index_drop(kept[i].slot);
    mirror_drop(kept[i].slot);
    slot_used[kept[i].slot] = 0;
    memmove(&kept[i], &kept[i + 1], (kept_n - i - 1) * sizeof(kept[0]));
    kept_n--;
}

static void append(void)
{
    hm_log_slot slot = (hm_log_slot)(random32() % hm_log_size);

    if (kept_n == hm_log_size) {
        drop_at(random32() % kept_n);
    }
    while (slot_used[slot]) {
        slot = (hm_log_slot)((slot + 1u) % hm_log_size);
    }
    slot_used[slot] = 1;
    kept[kept_n].seq = next_seq;
    kept[kept_n++].slot = slot;
    hm_index_append(slot, next_seq++);
    mirror_append(slot);
}

/* Every first the log may ask (hm.c: after the oldest kept, up to the next
 * number) gets the slot of the first kept entry at or after it. */
static void check_every_first(void)
{
    uint32_t from = kept_n ? kept[0].seq : next_seq, i = 0;

    for (uint32_t first = from; first != next_seq + 1u; first++) {
        while (i < kept_n && kept[i].seq - from < first - from) { /* numbers wrap */
            i++;
        }
        assert_int_equal(hm_index_find(first), i < kept_n ? kept[i].slot : HM_NO_SLOT);
    }
}

/* Drops a run of kept entries: the oldest, a middle or the newest part,
 * sometimes all, so the positions of every word of a half get emptied
 * while the positions after them stay kept. */
static void drop_run(void)
{
    uint32_t len, at;

    if (!kept_n) {
        return;
    }
    len = 1u + random32() % kept_n;
    at = random32() % (kept_n - len + 1u);
    if (random32() % 4u == 0) { /* all but the oldest a and the newest b */
        uint32_t a = random32() % 4u, b = random32() % 4u;

        at = a < kept_n ? a : kept_n;
        len = kept_n - at > b ? kept_n - at - b : 0;
    }
    while (len--) {
        drop_at(at);
    }
}

static void run(uint32_t seed, uint32_t ops)
{
    rng = seed;
    for (uint32_t op = 0; op < ops; op++) {
        uint32_t burst = random32() % 8u ? 1u : random32() % (2u * hm_log_size);

        for (uint32_t k = 0; k < burst; k++) {
            append();
            check_every_first();
        }
        if (random32() % 3u == 0) {
            drop_run();
            check_every_first();
        }
        if (random32() % 5u == 0 && kept_n) {
            drop_at(random32() % kept_n);
            check_every_first();
        }
    }
}

/* A flood that keeps the index full, then runs dropped from it at every
 * fill level; new entries follow each run. */
static void test_runs_dropped(void **state)
{
    (void)state;
    check_every_first();
    run(12345u, 6000u);
}

/* Entry numbers that wrap past 2^32 while the index holds them. */
static void test_numbers_wrap(void **state)
{
    (void)state;
    while (kept_n) {
        drop_at(0);
    }
    /* The index compacts what it holds as new entries arrive: enough
     * appends leave none of the earlier numbers in the active half. */
    next_seq = 0xffffff00u;
    run(777u, 3000u);
}

/* Every fill level of a half, each emptied but for its newest k: after n
 * appends, all but the newest k are dropped and every first is read. */
static void test_all_but_newest(void **state)
{
    (void)state;
    for (uint32_t k = 0; k < 4; k++) {
        for (uint32_t n = 1; n <= 3u * hm_log_size; n++) {
            for (uint32_t i = 0; i < n; i++) {
                append();
            }
            while (kept_n > k) {
                drop_at(0);
            }
            check_every_first();
        }
    }
}

/* The inactive half at its fullest: with the log full, each append drops
 * the entry the copy put last into the inactive half, so every copied
 * position but the newest few dies there and the next copy carries the
 * rest and all the appends again. The halves grow past 2.6 E positions,
 * into half 1's last bitmap word (a bitmap stride one word too long puts
 * that word past the array, which AddressSanitizer reports); without
 * this pattern they stay below 2.3 E. */
static void test_halves_at_their_fullest(void **state)
{
    uint32_t words = (HALF_LEN + 31u) / 32u;

    (void)state;
    for (uint32_t op = 0; op < 20u * HALF_LEN; op++) {
        uint32_t to = mirror.active ^ 1u, pos = mirror.used[to], victim = 0;

        while (pos > 0 && !mirror.live[to][pos - 1u]) {
            pos--;
        }
        if (kept_n == hm_log_size && pos > 0) {
            while (kept[victim].slot != mirror.slot[to][pos - 1u]) {
                victim++;
            }
            drop_at(victim);
        }
        append();
        mirror_check();
        check_every_first();
    }
    assert_true(mirror.peak[1] > (words - 1u) * 32u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_runs_dropped),
        cmocka_unit_test(test_numbers_wrap),
        cmocka_unit_test(test_all_but_newest),
        cmocka_unit_test(test_halves_at_their_fullest),
    };

    return cmocka_run_group_tests_name("hm_index_ops", tests, NULL, NULL);
}
