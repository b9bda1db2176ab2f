/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of the HM log's index by entry number (kernel/core/hm_index.c)
 * through PV_HC_HM_LOG_READ: against a model of the log (each partition
 * keeps its newest `share` entries), for every kind of `first` (kept,
 * dropped, older than the log, the next number, the future), under
 * uniform errors and under floods by one partition while the others stay
 * quiet, which leaves old entries among many dropped ones. An index half
 * that overflowed would panic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "fake_arch.h"
#include "hcall.h"
#include "hm.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/hm.h"

#define PARTS 4u
#define SHARE (HM_LOG_MIN / PARTS)
#define BUF   0x40100000u

static const struct cfg_area areas[] = {
    {"code", FAKE_RAM_BASE, 0x40000000, 0x1000, CFG_AREA_READ | CFG_AREA_EXEC},
    {"data", FAKE_RAM_BASE + 0x1000, 0x40100000, 0x4000, CFG_AREA_READ | CFG_AREA_WRITE},
};
#define PART(n, i, f)                                                                              \
    {                                                                                              \
        .name = n, .id = i, .flags = f, .initial_mode = CFG_MODE_NORMAL, .areas = areas,           \
        .num_areas = 2                                                                             \
    }
static const struct cfg_partition cfgs[PARTS] = {PART("SYS", 1, CFG_PART_SYSTEM), PART("A", 2, 0),
                                                 PART("B", 3, 0), PART("C", 4, 0)};
const struct cfg_system cfg_system = {
    .name = "unit",
    .partitions = cfgs,
    .num_partitions = PARTS,
    .console_input = CFG_NO_PARTITION,
    .partition_ids = FAKE_IDS_1_2, /* no call here looks an id up */
    .hm_module = {[PV_HM_FATAL_ERROR] = PV_HM_ACTION_LOG},
};

static struct partition parts[PARTS];
static struct pv_shared shared[PARTS];

/* The model: each partition's kept entry numbers, oldest first. */
static uint32_t kept[PARTS][SHARE];
static uint32_t kept_n[PARTS];
static uint32_t next_seq;
static uint32_t rng = 12345;

static uint32_t random32(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static void raise_in(uint32_t part)
{
    struct hm_error e = {PV_HM_FATAL_ERROR, next_seq, 0, 0, NULL};

    hm_raise(&parts[part], &e);
    if (kept_n[part] == SHARE) {
        memmove(kept[part], kept[part] + 1, (SHARE - 1) * sizeof(kept[0][0]));
        kept_n[part]--;
    }
    kept[part][kept_n[part]++] = next_seq++;
}

/* The model's answer: the kept numbers at or after first, ascending. */
static uint32_t model_read(uint32_t first, uint32_t *out, uint32_t max)
{
    uint32_t n = 0, at[PARTS] = {0};

    for (;;) {
        uint32_t best = PARTS;

        for (uint32_t p = 0; p < PARTS; p++) {
            while (at[p] < kept_n[p] && kept[p][at[p]] < first) {
                at[p]++;
            }
            if (at[p] < kept_n[p] && (best == PARTS || kept[p][at[p]] < kept[best][at[best]])) {
                best = p;
            }
        }
        if (best == PARTS || n == max) {
            return n;
        }
        out[n++] = kept[best][at[best]++];
    }
}

static void check_read(uint32_t first, uint32_t max)
{
    uint32_t want[HM_LOG_READ_MAX], n;
    struct pv_hm_entry got[HM_LOG_READ_MAX];
    int32_t r = fake_hcall(&parts[0], PV_HC_HM_LOG_READ, first, BUF, max, 0);

    n = model_read(first, want, max < HM_LOG_READ_MAX ? max : HM_LOG_READ_MAX);
    assert_int_equal(r, n);
    memcpy(got, fake_ram + 0x1000, n * sizeof(got[0]));
    for (uint32_t i = 0; i < n; i++) {
        assert_int_equal(got[i].seq, want[i]);
        assert_int_equal(got[i].detail, want[i]);
    }
}

/* Reads from every kind of first: the oldest kept and before it, each
 * kept number, a dropped one (each gap's first number), the next number
 * and the future. */
static void check_all(void)
{
    uint32_t all[HM_LOG_MIN], n = model_read(0, all, HM_LOG_MIN);

    check_read(0, HM_LOG_READ_MAX);
    check_read(next_seq, HM_LOG_READ_MAX);
    check_read(next_seq + 1 + random32() % 1000, HM_LOG_READ_MAX);
    for (uint32_t i = 0; i < n; i++) {
        check_read(all[i], 1 + random32() % HM_LOG_READ_MAX);
        if (i && all[i] != all[i - 1] + 1) {
            check_read(all[i - 1] + 1, HM_LOG_READ_MAX);
        }
    }
    if (n && all[0]) {
        check_read(all[0] - 1, HM_LOG_READ_MAX);
    }
}

static int setup(void **state)
{
    (void)state;
    for (uint32_t p = 0; p < PARTS; p++) {
        parts[p].cfg = &cfgs[p];
        parts[p].index = p;
        parts[p].shared = &shared[p];
        parts[p].state = PART_READY;
        parts[p].mode = PV_MODE_NORMAL;
    }
    memset(fake_ram, 0, sizeof(fake_ram));
    return 0;
}

/* Errors from every partition in random order. */
static void test_uniform(void **state)
{
    (void)state;
    check_all();
    for (uint32_t i = 0; i < 20000; i++) {
        raise_in(random32() % PARTS);
        if (i % 7 == 0) {
            check_all();
        }
    }
}

/* One partition floods for long stretches while the others log now and
 * then: their entries stay kept while hundreds of the flooder's are
 * dropped after them, and the index's copies must carry them along. */
static void test_floods(void **state)
{
    (void)state;
    for (uint32_t round = 0; round < 200; round++) {
        uint32_t flooder = random32() % PARTS, len = random32() % (8 * HM_LOG_MIN);

        for (uint32_t i = 0; i < len; i++) {
            raise_in(i % 97 == 5 ? random32() % PARTS : flooder);
            if (i % 31 == 0) {
                check_all();
            }
        }
        check_all();
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_uniform, setup),
        cmocka_unit_test_setup(test_floods, setup),
    };

    return cmocka_run_group_tests_name("hm_index", tests, NULL, NULL);
}
