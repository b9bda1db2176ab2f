/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of the boot check of an id table (cfg_id_table): what a lookup
 * relies on is accepted, every way a table could mislead it is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "fake_arch.h"
#include "idtable.h"

static const uint32_t ids[] = {1, 2};

static uint32_t id_of(uint32_t index)
{
    return ids[index];
}

static void test_valid(void **state)
{
    const struct cfg_id_table t = FAKE_IDS_1_2;

    (void)state;
    assert_true(id_table_valid(&t, 2, id_of));
    assert_int_equal(cfg_id_slot(&t, 1), 0);
    assert_int_equal(cfg_id_slot(&t, 2), 1);
    /* A table for more items than there are: its slots lead past them. */
    assert_false(id_table_valid(&t, 1, id_of));
}

/* The table of FAKE_IDS_1_2 with slot 0 and slot 2, the seed and the mask
 * given; without slots at all when no_slots. */
static int valid(uint8_t slot0, uint8_t slot2, uint32_t seed, uint32_t mask, int no_slots)
{
    const uint8_t slots[4] = {slot0, CFG_ID_SLOT_EMPTY, slot2, 0};
    const struct cfg_id_table t = {no_slots ? NULL : slots, mask, seed};

    return id_table_valid(&t, 2, id_of);
}

static void test_refused(void **state)
{
    const uint8_t e = CFG_ID_SLOT_EMPTY;

    (void)state;
    assert_true(valid(e, 1, 0, 3, 0));
    assert_false(valid(2, 1, 0, 3, 0)); /* an index past the items */
    assert_false(valid(e, 0, 0, 3, 0)); /* id 2 not found at its slot */
    assert_false(valid(e, 1, 1, 3, 0)); /* another seed: ids 1 and 2 share a slot */
    assert_false(valid(e, 1, 0, 2, 0)); /* not a power of two */
    assert_false(valid(e, 1, 0, 3, 1)); /* no slots */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_refused),
    };

    return cmocka_run_group_tests_name("idtable", tests, NULL, NULL);
}
