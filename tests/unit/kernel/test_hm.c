/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of the health monitor: table lookup, the bounded log and its
 * reading, ignore counting, propagation, the restart limit and the
 * hypercalls' argument checks; and the handover of a partition between
 * CPUs (handover.c), whose late case is a health-monitor report. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "fake_arch.h"
#include "hcall.h"
#include "handover.h"
#include "hm.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/hm.h"
#include "schedule.h"

static const struct cfg_area areas[] = {
    {"code", FAKE_RAM_BASE, 0x40000000, 0x1000, CFG_AREA_READ | CFG_AREA_EXEC},
    {"data", FAKE_RAM_BASE + 0x1000, 0x40100000, 0x4000, CFG_AREA_READ | CFG_AREA_WRITE},
};
static const struct cfg_partition cfgs[] = {
    {.name = "APP",
     .id = 1,
     .initial_mode = CFG_MODE_NORMAL,
     .areas = areas,
     .num_areas = 2,
     .hm = {[PV_HM_APPLICATION_ERROR] = PV_HM_ACTION_COLD_RESTART,
            [PV_HM_STACK_OVERFLOW] = PV_HM_ACTION_PROPAGATE,
            [PV_HM_MEMORY_VIOLATION] = PV_HM_ACTION_PROPAGATE,
            [PV_HM_DEADLINE_MISSED] = PV_HM_ACTION_IGNORE},
     .hm_max_restarts = 0,
     .hm_unhandled = {[PV_HM_STACK_OVERFLOW] = PV_HM_ACTION_LOG}},
    {.name = "SYS",
     .id = 2,
     .flags = CFG_PART_SYSTEM,
     .initial_mode = CFG_MODE_NORMAL,
     .areas = areas,
     .num_areas = 2,
     .hm_max_restarts = 3},
};
const struct cfg_system cfg_system = {
    .name = "unit",
    .partitions = cfgs,
    .num_partitions = 2,
    .console_input = CFG_NO_PARTITION,
    .partition_ids = FAKE_IDS_1_2,
    .hm_module = {[PV_HM_FATAL_ERROR] = PV_HM_ACTION_LOG, [PV_HM_PORT_OVERFLOW] = PV_HM_ACTION_LOG},
    .guard_ns = 10000, /* the handover's bound (handover.c) */
};

static struct partition app, sys;
static struct pv_shared app_shared, sys_shared;

static void init_partition(struct partition *p, const struct cfg_partition *cfg,
                           struct pv_shared *s)
{
    /* The log outlives the tests, as it outlives restarts in the kernel:
     * so does the partition's bookkeeping of its entries in it. */
    uint32_t kept = p->hm_log_kept;
    uint8_t oldest = p->hm_log_oldest, newest = p->hm_log_newest;

    memset(p, 0, sizeof(*p));
    memset(s, 0, sizeof(*s));
    p->hm_log_kept = kept;
    p->hm_log_oldest = oldest;
    p->hm_log_newest = newest;
    p->cfg = cfg;
    p->shared = s;
    p->state = PART_READY;
    p->mode = PV_MODE_NORMAL;
}

static int setup(void **state)
{
    (void)state;
    init_partition(&app, &cfgs[0], &app_shared);
    init_partition(&sys, &cfgs[1], &sys_shared);
    memset(fake_ram, 0, sizeof(fake_ram));
    fake_console_len = 0;
    fake_console[0] = 0;
    return 0;
}

/* The log's state as the system partition reads it. */
static struct pv_hm_log_status log_status(void)
{
    struct pv_hm_log_status st;

    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, 0, 0, 0, 0x40101000), 0);
    memcpy(&st, fake_ram + 0x2000, sizeof(st));
    return st;
}

static void raise_error(struct partition *p, uint32_t error, uint32_t detail)
{
    struct hm_error e = {error, detail, 0, 0, NULL};

    hm_raise(p, &e);
}

static void test_tables(void **state)
{
    (void)state;
    hm_init(); /* the tables above are valid: no panic */
    /* Partition table first, then the module's, then the kernel's defaults. */
    assert_int_equal(hm_action(&app, PV_HM_APPLICATION_ERROR), PV_HM_ACTION_COLD_RESTART);
    assert_int_equal(hm_action(&app, PV_HM_FATAL_ERROR), PV_HM_ACTION_LOG);
    assert_int_equal(hm_action(&sys, PV_HM_FATAL_ERROR), PV_HM_ACTION_LOG);
    assert_int_equal(hm_action(&sys, PV_HM_APPLICATION_ERROR), PV_HM_ACTION_LOG);
    assert_int_equal(hm_action(&sys, PV_HM_MEMORY_VIOLATION), PV_HM_ACTION_HALT);
    assert_int_equal(hm_action(&sys, PV_HM_HYPERCALL_MISUSE), PV_HM_ACTION_IGNORE);
    assert_int_equal(hm_action(&sys, PV_HM_RESTART_LOOP), PV_HM_ACTION_HALT);
}

static void test_log_wraps_and_reads(void **state)
{
    struct pv_hm_log_status before = log_status(), after;
    struct pv_hm_entry e[HM_LOG_MIN];
    uint32_t total = HM_LOG_MIN + 6, share = HM_LOG_MIN / 2; /* two partitions */

    (void)state;
    assert_int_equal(before.first_seq, before.next_seq); /* empty */
    for (uint32_t i = 0; i < total; i++) {
        fake_time_ns = 1000 + i;
        raise_error(&sys, PV_HM_FATAL_ERROR, i);
    }
    after = log_status();
    /* One partition alone keeps only its share, its newest entries. */
    assert_int_equal(after.next_seq, before.next_seq + total);
    assert_int_equal(after.share, share);
    assert_int_equal(after.first_seq, after.next_seq - share);
    assert_int_equal(after.capacity, HM_LOG_MIN);
    assert_int_equal(after.overwritten - before.overwritten, total - share);
    assert_int_equal(sys.hm_log_lost, total - share);
    assert_int_equal(sys.hm_errors, total);
    assert_int_equal(sys.state, PART_READY); /* "log" lets it carry on */

    /* Asking for entry 0 gives the oldest kept one. */
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, 0, 0x40100000, 4, 0), 4);
    memcpy(e, fake_ram + 0x1000, 4 * sizeof(e[0]));
    assert_int_equal(e[0].seq, after.first_seq);
    assert_int_equal(e[3].seq, after.first_seq + 3);
    assert_int_equal(e[3].partition_id, 2);
    assert_int_equal(e[3].error, PV_HM_FATAL_ERROR);
    assert_int_equal(e[3].action, PV_HM_ACTION_LOG);
    assert_int_equal(e[3].detail, total - share + 3);
    assert_int_equal(e[3].time_ns, 1000 + total - share + 3);

    /* From the middle to the end: only what exists. */
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, after.next_seq - 2, 0x40100000, 10, 0), 2);
    memcpy(e, fake_ram + 0x1000, 2 * sizeof(e[0]));
    assert_int_equal(e[1].seq, after.next_seq - 1);
    assert_int_equal(e[1].detail, total - 1);
    /* Nothing newer yet, and nothing for a number in the future. */
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, after.next_seq, 0x40100000, 10, 0), 0);
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, after.next_seq + 5, 0x40100000, 10, 0), 0);
    /* max is capped at the capacity, and the buffer checked for that. */
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, 0, 0x40100000, 1000, 0), share);
}

/* A partition that floods the log loses its own entries, never another's. */
static void test_log_share(void **state)
{
    struct pv_hm_log_status before = log_status(), after;
    struct pv_hm_entry e[HM_LOG_MIN];
    uint32_t share = HM_LOG_MIN / 2, apps = 0, syss = 0, quiet_seq;
    int32_t n;

    (void)state;
    /* Before: only sys's entries (the previous test), at its share. */
    assert_int_equal(before.next_seq - before.first_seq, share);
    raise_error(&app, PV_HM_FATAL_ERROR, 0xa1); /* module table: log */
    quiet_seq = before.next_seq;
    raise_error(&app, PV_HM_FATAL_ERROR, 0xa2);
    for (uint32_t i = 0; i < 3 * HM_LOG_MIN; i++) {
        raise_error(&sys, PV_HM_FATAL_ERROR, i);
    }
    after = log_status();
    assert_int_equal(after.next_seq, before.next_seq + 2 + 3 * HM_LOG_MIN);
    assert_int_equal(after.first_seq, quiet_seq);
    assert_int_equal(after.overwritten - before.overwritten, 3 * HM_LOG_MIN);
    assert_int_equal(sys.hm_log_lost, 3 * HM_LOG_MIN);
    assert_int_equal(app.hm_log_lost, 0);

    n = fake_hcall(&sys, PV_HC_HM_LOG_READ, 0, 0x40100000, HM_LOG_MIN, 0);
    assert_int_equal(n, 2 + share);
    memcpy(e, fake_ram + 0x1000, (size_t)n * sizeof(e[0]));
    for (int32_t i = 0; i < n; i++) {
        if (i) {
            assert_true(e[i].seq > e[i - 1].seq); /* oldest first */
        }
        apps += e[i].partition_id == 1;
        syss += e[i].partition_id == 2;
    }
    assert_int_equal(apps, 2);
    assert_int_equal(syss, share);
    assert_int_equal(e[0].detail, 0xa1);
    assert_int_equal(e[1].detail, 0xa2);
    assert_int_equal(e[2].seq, after.next_seq - share);
    /* Asked for a dropped number (in the gap): the next kept entry. */
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, quiet_seq + 2, 0x40100000, 1, 0), 1);
    memcpy(e, fake_ram + 0x1000, sizeof(e[0]));
    assert_int_equal(e[0].seq, after.next_seq - share);
    assert_int_equal(e[0].partition_id, 2);
}

static void test_log_read_arguments(void **state)
{
    (void)state;
    /* Only system partitions read the log; the refusal is itself misuse. */
    assert_int_equal(fake_hcall(&app, PV_HC_HM_LOG_READ, 0, 0x40100000, 1, 0), PV_EPERM);
    assert_int_equal(app.hm_errors, 1);
    assert_int_equal(app.shared->hm_ignored, 1);
    /* Buffers outside the caller's writable areas, or too short. */
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, 0, 0x40000000, 1, 0), PV_EFAULT);
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, 0, 0x40104000 - 16, 1, 0), PV_EFAULT);
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, 0, 0x40104000 - 320, 0x7fffffff, 0),
                     PV_EFAULT);
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, 0, 0x40100000, 1, 0x40104000 - 4),
                     PV_EFAULT);
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, 0, 0xfffffff0, 1, 0), PV_EFAULT);
}

static void test_ignore_is_counted_not_logged(void **state)
{
    struct pv_hm_log_status before = log_status(), after;

    (void)state;
    raise_error(&app, PV_HM_DEADLINE_MISSED, 1);
    raise_error(&app, PV_HM_DEADLINE_MISSED, 2);
    after = log_status();
    assert_int_equal(after.next_seq, before.next_seq);
    assert_int_equal(after.ignored, before.ignored + 2);
    assert_int_equal(app.shared->hm_ignored, 2);
    assert_int_equal(app.hm_errors, 2);
    assert_int_equal(app.state, PART_READY);
}

static void test_raise_hypercall(void **state)
{
    struct pv_hm_log_status before = log_status();

    (void)state;
    /* Only the errors a guest can detect itself may be raised. */
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_RAISE, PV_HM_MEMORY_VIOLATION, 0, 0, 0), PV_EINVAL);
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_RAISE, PV_HM_RESTART_LOOP, 0, 0, 0), PV_EINVAL);
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_RAISE, PV_HM_ERROR_COUNT, 0, 0, 0), PV_EINVAL);
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_RAISE, 0xffffffffu, 0, 0, 0), PV_EINVAL);
    /* Each refusal was hypercall misuse (ignored by default, so counted). */
    assert_int_equal(sys.shared->hm_ignored, 4);
    assert_int_equal(log_status().next_seq, before.next_seq);
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_RAISE, PV_HM_APPLICATION_ERROR, 77, 0, 0), PV_OK);
    assert_int_equal(log_status().next_seq, before.next_seq + 1);
}

static void test_misuse_detail(void **state)
{
    (void)state;
    /* Misuse of app is ignored by default; its detail reaches a handler
     * when propagated, so check the value through the log of sys instead:
     * sys's table leaves it at "ignore" too, so only the counters move. */
    assert_int_equal(fake_hcall(&app, PV_HC_COUNT + 3, 0, 0, 0, 0), PV_ENOSYS);
    assert_int_equal(fake_hcall(&app, PV_HC_TIME_GET, 0x40000000, 0, 0, 0), PV_EFAULT);
    assert_int_equal(app.shared->hm_ignored, 2);
    /* Run-time conditions are not misuse. */
    assert_int_equal(fake_hcall(&app, PV_HC_PART_STATUS, 99, 0x40100000, 0, 0), PV_ENOENT);
    assert_int_equal(app.shared->hm_ignored, 2);
}

static void test_propagate(void **state)
{
    (void)state;
    /* Asynchronous: pending until the partition takes it. */
    raise_error(&app, PV_HM_STACK_OVERFLOW, 0x55);
    assert_int_equal(app.state, PART_READY);
    assert_int_equal(app.shared->hm_seq, 1);
    assert_int_equal(app.shared->hm_error, PV_HM_STACK_OVERFLOW);
    assert_int_equal(app.shared->hm_detail, 0x55);
    assert_int_equal(app.shared->hm_flags, 0);
    assert_true(app.shared->irq_pending & (1u << PV_IRQ_HM));

    /* Synchronous and the partition can take it now: delivered. */
    app.upcall_entry = 0x40000010;
    app.shared->irq_mask = ~(1u << PV_IRQ_HM);
    struct hm_error sync = {PV_HM_MEMORY_VIOLATION, 0x50000000, 0x40000123, 1, "page fault"};
    hm_raise(&app, &sync);
    assert_int_equal(app.state, PART_READY);
    assert_int_equal(app.shared->hm_seq, 2);
    assert_int_equal(app.shared->hm_pc, 0x40000123);
    assert_int_equal(app.shared->hm_detail, 0x50000000);
    assert_int_equal(app.shared->hm_flags, PV_HM_FLAG_SYNC);

    /* Synchronous while upcalls are disabled (e.g. inside its handler):
     * resuming would repeat the fault, so the partition is stopped. */
    app.shared->irq_level = 1;
    hm_raise(&app, &sync);
    assert_int_equal(app.state, PART_STOPPED);
    assert_int_equal(app.shared->hm_seq, 2);
}

static void test_propagate_sync_masked_or_no_handler(void **state)
{
    struct hm_error sync = {PV_HM_MEMORY_VIOLATION, 0, 0x40000123, 1, "page fault"};

    (void)state;
    app.upcall_entry = 0x40000010; /* the line is still masked, as at boot */
    app.shared->irq_mask = 0xffffffffu;
    hm_raise(&app, &sync);
    assert_int_equal(app.state, PART_STOPPED);
    setup(NULL);
    app.shared->irq_mask = 0; /* unmasked, but no handler */
    hm_raise(&app, &sync);
    assert_int_equal(app.state, PART_STOPPED);
}

static void test_restart_limit(void **state)
{
    struct pv_hm_log_status before = log_status();
    struct pv_hm_entry e[2];

    (void)state;
    /* A limit of 0: the first restart the table asks for is already a
     * restart loop, whose action (the default) halts the partition. */
    raise_error(&app, PV_HM_APPLICATION_ERROR, 9);
    assert_int_equal(app.state, PART_STOPPED);
    assert_int_equal(app.hm_restarts, 0);
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, before.next_seq, 0x40100000, 2, 0), 2);
    memcpy(e, fake_ram + 0x1000, sizeof(e));
    assert_int_equal(e[0].error, PV_HM_APPLICATION_ERROR);
    assert_int_equal(e[0].action, PV_HM_ACTION_COLD_RESTART);
    assert_int_equal(e[1].error, PV_HM_RESTART_LOOP);
    assert_int_equal(e[1].action, PV_HM_ACTION_HALT);
    assert_int_equal(e[1].detail, PV_HM_APPLICATION_ERROR);
    assert_int_equal(e[1].partition_id, 1);
}

/* hm_raise's error for "id found no handler". */
static uint32_t unhandled(uint32_t id)
{
    return PV_HM_UNHANDLED | id;
}

static void test_unhandled(void **state)
{
    struct pv_hm_log_status before = log_status();
    struct pv_hm_entry e;

    (void)state;
    /* Only an error the partition propagates can lack a handler there. */
    assert_int_equal(fake_hcall(&app, PV_HC_HM_RAISE, unhandled(PV_HM_APPLICATION_ERROR), 1, 0, 0),
                     PV_EINVAL);
    assert_int_equal(fake_hcall(&app, PV_HC_HM_RAISE, unhandled(PV_HM_ERROR_COUNT), 1, 0, 0),
                     PV_EINVAL);
    assert_int_equal(fake_hcall(&app, PV_HC_HM_RAISE, unhandled(0xff), 1, 0, 0), PV_EINVAL);
    assert_int_equal(fake_hcall(&app, PV_HC_HM_RAISE, 0x200u | PV_HM_STACK_OVERFLOW, 1, 0, 0),
                     PV_EINVAL);
    assert_int_equal(app.shared->hm_ignored, 4); /* misuse, ignored by default */
    /* Propagated, but no unhandled action: the partition's own rule. */
    assert_int_equal(fake_hcall(&app, PV_HC_HM_RAISE, unhandled(PV_HM_MEMORY_VIOLATION), 1, 0, 0),
                     PV_ENOENT);
    assert_int_equal(log_status().next_seq, before.next_seq);
    assert_int_equal(app.shared->hm_ignored, 4); /* a run-time condition, not misuse */
    /* Its own: logged under the error's id with the unhandled action. */
    assert_int_equal(
        fake_hcall(&app, PV_HC_HM_RAISE, unhandled(PV_HM_STACK_OVERFLOW), 0x1234, 0, 0), PV_OK);
    assert_int_equal(app.state, PART_READY);
    assert_int_equal(app.shared->hm_seq, 0); /* not propagated again */
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, before.next_seq, 0x40100000, 1, 0), 1);
    memcpy(&e, fake_ram + 0x1000, sizeof(e));
    assert_int_equal(e.error, PV_HM_STACK_OVERFLOW);
    assert_int_equal(e.action, PV_HM_ACTION_LOG);
    assert_int_equal(e.detail, 0x1234);
    assert_int_equal(e.partition_id, 1);
    /* sys propagates nothing. */
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_RAISE, unhandled(PV_HM_STACK_OVERFLOW), 1, 0, 0),
                     PV_EINVAL);
}

/* detail and pc are 64-bit in the control page and the log on every arch
 * (ABI version 2): a 64-bit arch's address above 4 GiB arrives whole. */
static void test_detail_and_pc_whole(void **state)
{
    struct pv_hm_log_status before = log_status();
    struct hm_error fault = {PV_HM_MEMORY_VIOLATION, 0x150000000ull, 0x140000123ull, 1, "fault"};
    struct hm_error logged = {PV_HM_FATAL_ERROR, 0xabc00001234ull, 0x1fedcba98ull, 0, NULL};
    struct pv_hm_entry e;

    (void)state;
    app.upcall_entry = 0x40000010;
    app.shared->irq_mask = ~(1u << PV_IRQ_HM);
    hm_raise(&app, &fault); /* propagated */
    assert_true(app.shared->hm_detail == 0x150000000ull);
    assert_true(app.shared->hm_pc == 0x140000123ull);
    hm_raise(&sys, &logged); /* logged */
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, before.next_seq + 1, 0x40100000, 1, 0), 1);
    memcpy(&e, fake_ram + 0x1000, sizeof(e));
    assert_int_equal(e.error, PV_HM_FATAL_ERROR);
    assert_true(e.detail == 0xabc00001234ull && e.pc == 0x1fedcba98ull);
}

/* The stand-in arch's handover counters (fake_arch.c). */
extern uint64_t fake_relax_ns;
extern unsigned fake_relaxes, fake_context_saves, fake_context_takes;
extern uint32_t fake_context_take_cpu;

/* APP moves between CPUs (kernel/core/handover.c): a free context is taken
 * at once, with the arch told which CPU takes it and the control page's
 * cpu set. */
static void test_handover_take_free(void **state)
{
    (void)state;
    app.cpu = (uint16_t)PART_CPU_MOVES; /* partition index 0 */
    schedule.cpu = 1;
    fake_context_takes = 0;
    fake_relaxes = 0;
    assert_true(handover_take(&app));
    assert_int_equal(app.context_held, 1);
    assert_int_equal(fake_context_takes, 1);
    assert_int_equal(fake_context_take_cpu, 1);
    assert_int_equal(app_shared.cpu, 1);
    assert_int_equal(fake_relaxes, 0);
    schedule.cpu = 0;
}

/* Still held by the CPU it left (a kernel bug): the taker waits at most
 * the guard time, then logs deadline-missed with the action "log" - APP's
 * own table would ignore it - changes nothing else of APP, says so, and
 * does not take it. */
static void test_handover_take_late_is_bounded(void **state)
{
    struct pv_hm_log_status before = log_status(), after;
    struct pv_hm_entry entry;
    uint32_t kept = app.hm_log_kept;
    uint64_t start;

    (void)state;
    app.cpu = (uint16_t)PART_CPU_MOVES; /* partition index 0 */
    app.context_held = 1;
    fake_relax_ns = 1000;
    fake_relaxes = 0;
    fake_context_takes = 0;
    fake_time_ns = 5000000;
    start = fake_time_ns;
    assert_false(handover_take(&app));
    assert_true(fake_time_ns - start >= cfg_system.guard_ns);
    assert_true(fake_time_ns - start <= cfg_system.guard_ns + fake_relax_ns);
    assert_int_equal(fake_relaxes, 10);
    assert_int_equal(fake_context_takes, 0);
    assert_int_equal(app.context_held, 1);
    after = log_status();
    assert_int_equal(after.next_seq, before.next_seq + 1);
    assert_int_equal(app.hm_log_kept, kept + 1);
    assert_int_equal(app.state, PART_READY);
    assert_int_equal(app.restarts, 0);
    assert_non_null(strstr(fake_console, "partition APP: not given back to CPU 0 within 10000 ns"));
    assert_non_null(strstr(fake_console, "(deadline-missed)"));
    /* The entry: APP's, the wait as its detail, no instruction (pc 0). */
    assert_int_equal(fake_hcall(&sys, PV_HC_HM_LOG_READ, before.next_seq, 0x40101000, 1, 0), 1);
    memcpy(&entry, fake_ram + 0x2000, sizeof(entry));
    assert_int_equal(entry.error, PV_HM_DEADLINE_MISSED);
    assert_int_equal(entry.action, PV_HM_ACTION_LOG);
    assert_true(entry.detail >= cfg_system.guard_ns);
    assert_int_equal(entry.pc, 0);
}

/* The timer entry that ends a moving partition's slot gives it back, after
 * the arch saved it; one whose slot goes on, or that does not move, keeps
 * it. */
static void test_handover_given_back_at_slot_end(void **state)
{
    (void)state;
    app.cpu = (uint16_t)PART_CPU_MOVES; /* partition index 0 */
    app.context_held = 1;
    fake_context_saves = 0;
    schedule.owner = &app;
    handover_timer_begin();
    handover_timer_end(); /* the slot goes on */
    assert_int_equal(app.context_held, 1);
    handover_timer_begin();
    assert_true(handover_take(&app)); /* its next window, same CPU, same entry */
    schedule.owner = &sys;
    handover_timer_end();
    assert_int_equal(app.context_held, 0);
    assert_int_equal(fake_context_saves, 1);
    sys.context_held = 1; /* not moving: never given back */
    handover_timer_begin();
    schedule.owner = NULL;
    handover_timer_end();
    assert_int_equal(sys.context_held, 1);
    assert_int_equal(fake_context_saves, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_tables, setup),
        cmocka_unit_test_setup(test_log_wraps_and_reads, setup),
        cmocka_unit_test_setup(test_log_share, setup),
        cmocka_unit_test_setup(test_log_read_arguments, setup),
        cmocka_unit_test_setup(test_ignore_is_counted_not_logged, setup),
        cmocka_unit_test_setup(test_raise_hypercall, setup),
        cmocka_unit_test_setup(test_misuse_detail, setup),
        cmocka_unit_test_setup(test_propagate, setup),
        cmocka_unit_test_setup(test_propagate_sync_masked_or_no_handler, setup),
        cmocka_unit_test_setup(test_restart_limit, setup),
        cmocka_unit_test_setup(test_unhandled, setup),
        cmocka_unit_test_setup(test_detail_and_pc_whole, setup),
        cmocka_unit_test_setup(test_handover_take_free, setup),
        cmocka_unit_test_setup(test_handover_take_late_is_bounded, setup),
        cmocka_unit_test_setup(test_handover_given_back_at_slot_end, setup),
    };

    return cmocka_run_group_tests_name("hm", tests, NULL, NULL);
}
