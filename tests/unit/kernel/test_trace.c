/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of the event trace (kernel/core/trace.c, trace_hc.c), built
 * with TESSERA_TRACE, through the host stand-in architecture: the record
 * function and its full-buffer policy, the hypercall events, and the two
 * trace hypercalls with their arguments. */
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
#include "pv/status.h"
#include "schedule.h"
#include "trace.h"

/* The tests below fill it exactly: 2 + 2 * 3 + 2 + 3 records. */
#define RECORDS 13u
/* Every class but virq: the unit's calls raise no line worth a record. */
CFG_TRACE_DEFINE(RECORDS, PV_TRACE_CLASSES_ALL & ~(1u << PV_TRACE_CLASS_VIRQ))

static const struct cfg_area areas[] = {
    {"code", FAKE_RAM_BASE, 0x40000000, 0x1000, CFG_AREA_READ | CFG_AREA_EXEC},
    {"data", FAKE_RAM_BASE + 0x1000, 0x40100000, 0x1000, CFG_AREA_READ | CFG_AREA_WRITE},
};
static const struct cfg_partition cfgs[] = {
    {.name = "SYS",
     .id = 1,
     .flags = CFG_PART_SYSTEM,
     .initial_mode = CFG_MODE_NORMAL,
     .areas = areas,
     .num_areas = 2},
    {.name = "APP", .id = 2, .initial_mode = CFG_MODE_NORMAL, .areas = areas, .num_areas = 2},
};
static const struct cfg_plan plans[] = {{.name = "plan7", .id = 7}};
static const uint8_t plan_slot[] = {0};
const struct cfg_system cfg_system = {.name = "unit",
                                      .partitions = cfgs,
                                      .num_partitions = 2,
                                      .console_input = CFG_NO_PARTITION,
                                      .partition_ids = FAKE_IDS_1_2,
                                      .plans = plans,
                                      .num_plans = 1,
                                      .plan_ids = {plan_slot, 0, 0}};
static struct partition parts[2];
static struct pv_shared shared[2];

#define DATA_VA 0x40100000u

static struct pv_trace_record *data_records(void)
{
    return (struct pv_trace_record *)(fake_ram + 0x1000);
}

static int setup(void **state)
{
    (void)state;
    memset(parts, 0, sizeof(parts));
    memset(shared, 0, sizeof(shared));
    for (uint32_t i = 0; i < 2; i++) {
        parts[i].cfg = &cfgs[i];
        parts[i].shared = &shared[i];
        parts[i].state = PART_READY;
        parts[i].index = i;
    }
    memset(fake_ram, 0, sizeof(fake_ram));
    fake_time_ns = 1000;
    schedule.current = NULL;
    return 0;
}

/* The test binary keeps one trace for all tests: they run in this order
 * and each knows how many records the ones before it left. */
static void test_guest_event_stamped_by_kernel(void **state)
{
    struct pv_trace_status st;

    (void)state;
    trace_start(500, false);
    fake_time_ns = 2000;
    /* APP names partition 0 in every word it can: the record is its own. */
    assert_int_equal(fake_hcall(&parts[1], PV_HC_TRACE_EVENT, PV_TRACE_USER, 0, 5, 0), PV_OK);
    trace_status(&st);
    assert_int_equal(st.count, 2); /* the USER event, then the HCALL event */
    assert_int_equal(trace_buffer()[0].kind, PV_TRACE_USER);
    assert_int_equal(trace_buffer()[0].part, 1);
    assert_int_equal(trace_buffer()[0].ts, 2000);
    assert_int_equal(trace_buffer()[0].a, 0);
    assert_int_equal(trace_buffer()[0].b, 5);
    assert_int_equal(trace_buffer()[1].kind, PV_TRACE_HCALL);
    assert_int_equal(trace_buffer()[1].part, 1);
    assert_int_equal(trace_buffer()[1].a, PV_HC_TRACE_EVENT);
    assert_int_equal(trace_buffer()[1].b, 2000); /* entry time */
}

static void test_guest_kind_range(void **state)
{
    (void)state;
    assert_int_equal(fake_hcall(&parts[1], PV_HC_TRACE_EVENT, PV_TRACE_GUEST_FIRST - 1, 0, 0, 0),
                     PV_EINVAL);
    assert_int_equal(fake_hcall(&parts[1], PV_HC_TRACE_EVENT, PV_TRACE_GUEST_LAST + 1, 0, 0, 0),
                     PV_EINVAL);
    /* Two HCALL events with status PV_EINVAL, and the health monitor's
     * misuse event and its detail for each (HM class on). */
    assert_int_equal(trace_kept(), 8);
    assert_int_equal(trace_buffer()[2].kind, PV_TRACE_HCALL);
    assert_int_equal(trace_buffer()[2].a, PV_HC_TRACE_EVENT | (uint32_t)(uint16_t)PV_EINVAL << 16);
    assert_int_equal(trace_buffer()[3].kind, PV_TRACE_HM_EVENT);
    assert_int_equal(trace_buffer()[3].a & 0xffff, PV_HM_HYPERCALL_MISUSE);
    assert_int_equal(trace_buffer()[4].kind, PV_TRACE_HM_DETAIL);
    assert_int_equal(trace_buffer()[4].a, trace_buffer()[3].a);
    assert_int_equal(trace_buffer()[4].b, PV_HM_MISUSE_DETAIL(PV_HC_TRACE_EVENT, PV_EINVAL));
}

/* An error's pc and detail are recorded whole, each in its own 64-bit
 * field: a kernel keeping 32 bits of either fails here. */
static void test_hm_event_whole_words(void **state)
{
    const struct hm_error e = {PV_HM_HYPERCALL_MISUSE, 0x123456789abcdef0ull, 0xfedcba9876543210ull,
                               false, NULL};

    (void)state;
    hm_raise(&parts[1], &e);
    assert_int_equal(trace_kept(), 10);
    assert_int_equal(trace_buffer()[8].kind, PV_TRACE_HM_EVENT);
    assert_int_equal(trace_buffer()[8].part, 1);
    assert_int_equal(trace_buffer()[8].a, PV_HM_HYPERCALL_MISUSE | PV_HM_ACTION_IGNORE << 16);
    assert_true(trace_buffer()[8].b == 0xfedcba9876543210ull);
    assert_int_equal(trace_buffer()[9].kind, PV_TRACE_HM_DETAIL);
    assert_int_equal(trace_buffer()[9].a, trace_buffer()[8].a);
    assert_true(trace_buffer()[9].b == 0x123456789abcdef0ull);
}

static void test_read_rights_and_args(void **state)
{
    (void)state;
    /* An application partition may not read the trace. */
    assert_int_equal(fake_hcall(&parts[1], PV_HC_TRACE_READ, 0, DATA_VA, 1, 0), PV_EPERM);
    /* Bad pointers: the records' range, the status. */
    assert_int_equal(fake_hcall(&parts[0], PV_HC_TRACE_READ, 0, 0x40000000, 1, 0), PV_EFAULT);
    assert_int_equal(fake_hcall(&parts[0], PV_HC_TRACE_READ, 0, DATA_VA + 0xff0, 1, 0), PV_EFAULT);
    assert_int_equal(fake_hcall(&parts[0], PV_HC_TRACE_READ, 0, DATA_VA, 1, 0x50000000), PV_EFAULT);
    /* Full: the EPERM call's HCALL, misuse event and detail were the last
     * three. */
    assert_int_equal(trace_kept(), RECORDS);
}

static void test_read_copies_and_status(void **state)
{
    struct pv_trace_status *st = (struct pv_trace_status *)(fake_ram + 0x1f00);

    (void)state;
    /* Asked for more than PV_TRACE_READ_MAX: clamped, copies what is kept. */
    assert_int_equal(fake_hcall(&parts[0], PV_HC_TRACE_READ, 0, DATA_VA, 1000, DATA_VA + 0xf00),
                     RECORDS);
    assert_memory_equal(data_records(), trace_buffer(), RECORDS * sizeof(struct pv_trace_record));
    assert_int_equal(st->count, RECORDS);
    assert_true(st->lost > 0);
    assert_int_equal(st->capacity, RECORDS);
    assert_int_equal(st->classes, trace_classes);
    /* From a record on; past the end: nothing, not an error. */
    assert_int_equal(fake_hcall(&parts[0], PV_HC_TRACE_READ, 5, DATA_VA, 64, 0), RECORDS - 5);
    assert_memory_equal(data_records(), trace_buffer() + 5, 3 * sizeof(struct pv_trace_record));
    assert_int_equal(fake_hcall(&parts[0], PV_HC_TRACE_READ, RECORDS, DATA_VA, 64, 0), 0);
    assert_int_equal(fake_hcall(&parts[0], PV_HC_TRACE_READ, 0xffffffffu, DATA_VA, 64, 0), 0);
}

static void test_full_buffer_keeps_oldest(void **state)
{
    struct pv_trace_record first;
    struct pv_trace_status before, after;

    (void)state;
    first = trace_buffer()[0];
    trace_status(&before);
    trace_record(PV_TRACE_USER, 0, 1, 2);
    trace_status(&after);
    assert_int_equal(after.count, RECORDS);
    assert_int_equal(after.lost, before.lost + 1);
    assert_memory_equal(&trace_buffer()[0], &first, sizeof(first));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_guest_event_stamped_by_kernel, setup),
        cmocka_unit_test_setup(test_guest_kind_range, setup),
        cmocka_unit_test_setup(test_hm_event_whole_words, setup),
        cmocka_unit_test_setup(test_read_rights_and_args, setup),
        cmocka_unit_test_setup(test_read_copies_and_status, setup),
        cmocka_unit_test_setup(test_full_buffer_keeps_oldest, setup),
    };

    return cmocka_run_group_tests(tests, 0, 0);
}
