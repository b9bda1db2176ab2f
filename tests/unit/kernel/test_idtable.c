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

static void test_refused(void **state)
{
    uint8_t slots[4] = {CFG_ID_SLOT_EMPTY, CFG_ID_SLOT_EMPTY, 1, 0};
    struct cfg_id_table t = {slots, 3, 0};

    (void)state;
    assert_true(id_table_valid(&t, 2, id_of));
    slots[0] = 2; /* an index past the items */
    assert_false(id_table_valid(&t, 2, id_of));
    slots[0] = CFG_ID_SLOT_EMPTY;
    slots[2] = 0; /* id 2 not found at its slot */
    assert_false(id_table_valid(&t, 2, id_of));
    slots[2] = 1;
    t.seed = 1; /* another seed: ids 1 and 2 share a slot */
    assert_false(id_table_valid(&t, 2, id_of));
    t.seed = 0;
    t.mask = 2; /* not a power of two */
    assert_false(id_table_valid(&t, 2, id_of));
    t.mask = 3;
    t.slots = 0;
    assert_false(id_table_valid(&t, 2, id_of));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_refused),
    };

    return cmocka_run_group_tests_name("idtable", tests, NULL, NULL);
}
