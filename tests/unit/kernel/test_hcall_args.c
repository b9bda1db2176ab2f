/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Every hypercall argument case generated from the argument contract
 * (pv/include/pv/hcall_args.h, tests/common/hcall_cases.c), run through
 * hcall_dispatch() against a partition with a read-write, a read-only and a
 * code area beside another partition: each returns the documented result,
 * the caller goes on running, and nothing is written outside the range a
 * valid call may write - not a byte of RAM, not the control page.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "fake_arch.h"
#include "hcall.h"
#include "hcall_cases.h"
#include "hm.h"
#include "partition.h"
#include "port.h"
#include "vtimer.h"
#include "pv/abi.h"
#include "pv/hcall_args.h"

#define CODE_VA 0x40000000u
#define BUF_VA  0x40200000u
#define RO_VA   0x40300000u
#define PEER_VA 0x40400000u

/* The caller: a system partition that also reads the console. */
static const struct cfg_area areas0[] = {
    {"code", FAKE_RAM_BASE, CODE_VA, 0x10000, CFG_AREA_READ | CFG_AREA_EXEC},
    {"buf", FAKE_RAM_BASE + 0x10000, BUF_VA, 0x10000, CFG_AREA_READ | CFG_AREA_WRITE},
    {"ro", FAKE_RAM_BASE + 0x20000, RO_VA, 0x1000, CFG_AREA_READ},
};
static const struct cfg_area areas1[] = {
    {"secret", FAKE_RAM_BASE + 0x30000, PEER_VA, 0x1000, CFG_AREA_READ | CFG_AREA_WRITE},
};
static const struct cfg_partition parts[] = {
    {.name = "ARGS",
     .id = 1,
     .flags = CFG_PART_SYSTEM,
     .initial_mode = CFG_MODE_NORMAL,
     .areas = areas0,
     .num_areas = 3,
     .hm = {[PV_HM_FATAL_ERROR] = PV_HM_ACTION_LOG}},
    {.name = "PEER", .id = 2, .initial_mode = CFG_MODE_NORMAL, .areas = areas1, .num_areas = 1},
};

/* A sampling channel from the caller to itself: a message always waits. */
#define PORT_MAX 64u
static const struct cfg_port ports[] = {
    {"lo_out", 0, CFG_PORT_SAMPLING, CFG_PORT_SOURCE, PORT_MAX, 1, 0, 0},
    {"lo_in", 0, CFG_PORT_SAMPLING, CFG_PORT_DESTINATION, PORT_MAX, 1, 0, 0},
};
static const uint32_t dst0[] = {1};
static uint8_t chan_buf[2 * (PORT_MAX + 16)] __attribute__((aligned(8)));
static const struct cfg_channel channels[] = {
    {"loop", CFG_PORT_SAMPLING, PORT_MAX, 1, 0, dst0, 1, chan_buf, sizeof(chan_buf)},
};
static struct cfg_port_slot slots[4];

/* One plan, id 0, found by a one-slot id table. */
static const struct cfg_plan plans[] = {{.name = "plan0", .id = 0}};
static const uint8_t plan_slot[] = {0};
const struct cfg_system cfg_system = {
    .name = "unit",
    .partitions = parts,
    .num_partitions = 2,
    .console_input = 0,
    .ports = ports,
    .num_ports = 2,
    .channels = channels,
    .num_channels = 1,
    .port_slots = slots,
    .port_slot_mask = 3,
    .port_hash_seed = 7,
    .partition_ids = FAKE_IDS_1_2,
    .plans = plans,
    .num_plans = 1,
    .plan_ids = {plan_slot, 0, 0},
};

static struct pv_shared shared[2];

static const struct hc_env env = {
    .buf = BUF_VA,
    .buf_size = 0x10000,
    .ro = RO_VA,
    .ro_size = 0x1000,
    .code = CODE_VA,
    .code_size = 0x10000,
    .kernel = 0x00100000,
    .peer = PEER_VA,
    .control = 0xf0000000u,
    .insn_align = ARCH_INSN_ALIGN,
    .peer_id = 2,
    .port_src = 0,
    .port_dst = 1,
    .port_max = PORT_MAX,
    .skip_arch = 1, /* upcall_return's frame: the fake arch does not read it */
};

_Static_assert(HM_LOG_READ_MAX == 64, "pv_hcall_contracts: hm_log_read's max");

static uint8_t before[FAKE_RAM_SIZE];

static int32_t call(struct partition *p, const pv_word_t *args, pv_word_t nr)
{
    p->ctx.regs[0] = nr;
    for (unsigned i = 0; i < 5; i++) {
        p->ctx.regs[i + 1] = args[i];
    }
    hcall_dispatch(p);
    return (int32_t)p->ctx.regs[0];
}

static void fresh_system(void)
{
    for (uint32_t i = 0; i < 2; i++) {
        memset(&partitions[i], 0, sizeof(partitions[i]));
        partitions[i].cfg = &parts[i];
        partitions[i].index = i;
        partitions[i].shared = &shared[i];
        partitions[i].state = PART_READY;
        partitions[i].mode = PV_MODE_NORMAL;
    }
    num_partitions = 2;
}

/* Physical RAM offset of the caller's va, or -1 outside its areas. */
static long ram_offset(pv_word_t va)
{
    for (unsigned i = 0; i < 3; i++) {
        if (va >= areas0[i].virt && va - areas0[i].virt < areas0[i].size) {
            return (long)(areas0[i].phys - FAKE_RAM_BASE + (va - areas0[i].virt));
        }
    }
    return -1;
}

struct run_state {
    unsigned failed;
};

static void run_case(const struct hc_case *c, void *ctx)
{
    struct run_state *rs = ctx;
    struct partition *p = &partitions[0];
    struct pv_shared shared_before;
    uint32_t msg[2] = {0x0d0d0d0du, 0};
    pv_word_t margs[5] = {0, BUF_VA, 0, 0, 0};
    long from = -1, to = -1;
    int32_t got;
    int bad = 0;

    /* A message of .valid = 2 bytes waits in the caller's own channel. */
    memcpy(fake_ram + ram_offset(BUF_VA), msg, sizeof(msg));
    margs[2] = 2;
    assert_int_equal(call(p, margs, PV_HC_PORT_WRITE), PV_OK);
    memset(fake_ram + ram_offset(BUF_VA), '\r', 0x10000);
    p->state = PART_READY;
    memcpy(before, fake_ram, sizeof(before));
    memcpy(&shared_before, p->shared, sizeof(shared_before));
    got = call(p, c->args, c->nr);
    if (c->write_len) {
        from = ram_offset(c->write_va);
        to = from + (long)c->write_len;
    }
    if (!hc_result_ok(c, got)) {
        printf("# %s arg %u %s: got %d, expected %s%d\n", c->call, c->arg, c->what, got,
               c->expect == HC_ACCEPTED ? "no argument error, not " : "", c->expect);
        bad = 1;
    }
    for (long i = 0; i < (long)sizeof(before); i++) {
        if ((i < from || i >= to) && fake_ram[i] != before[i]) {
            printf("# %s arg %u %s: wrote RAM at offset %lx\n", c->call, c->arg, c->what,
                   (unsigned long)i);
            bad = 1;
            break;
        }
    }
    /* A refused call is counted there (hypercall misuse, action ignore),
     * and nothing else changes. */
    shared_before.hm_ignored = p->shared->hm_ignored;
    if (c->expect != HC_ACCEPTED && memcmp(&shared_before, p->shared, sizeof(shared_before))) {
        printf("# %s arg %u %s: wrote the control page\n", c->call, c->arg, c->what);
        bad = 1;
    }
    if (p->state != PART_READY && p->state != PART_IDLE) {
        printf("# %s arg %u %s: the caller was stopped (state %d)\n", c->call, c->arg, c->what,
               (int)p->state);
        bad = 1;
    }
    /* What valid cases set up is undone: timers, upcall entry, mode. */
    p->upcall_entry = 0;
    for (unsigned i = 0; i < 2; i++) {
        vtimer_set(&p->timers[i], 0, 0);
    }
    p->mode = PV_MODE_NORMAL;
    rs->failed += (unsigned)bad;
}

static int setup(void **state)
{
    (void)state;
    memset(fake_ram, 0, sizeof(fake_ram));
    memset(shared, 0, sizeof(shared));
    for (uint32_t i = 0; i < 4; i++) {
        slots[i] = (struct cfg_port_slot){0, CFG_PORT_SLOT_EMPTY};
    }
    for (uint32_t port = 0; port < 2; port++) {
        uint32_t h = cfg_port_hash(cfg_system.port_hash_seed, 0, ports[port].name,
                                   (uint32_t)strlen(ports[port].name)),
                 k = 0;

        while (slots[(h + k) & 3].port != CFG_PORT_SLOT_EMPTY) {
            k++;
        }
        slots[(h + k) & 3] = (struct cfg_port_slot){(uint16_t)(h >> 16), (uint16_t)port};
    }
    fresh_system();
    hm_init();
    ports_init();
    ports_reset();
    fake_console_room = -1;
    return 0;
}

/* Every call has a contract entry, and every contract entry's pointer
 * lengths point at numbers. */
static void test_contract_is_complete(void **state)
{
    (void)state;
    for (uint32_t nr = 0; nr < PV_HC_COUNT; nr++) {
        const struct pv_hcall_contract *hc = &pv_hcall_contracts[nr];

        assert_non_null(hc->name);
        assert_true(hc->nargs <= 5);
        for (unsigned i = 0; i < hc->nargs; i++) {
            const struct pv_arg_contract *a = &hc->args[i];

            assert_true(a->kind != PV_ARG_UNUSED);
            if ((a->kind == PV_ARG_IN || a->kind == PV_ARG_OUT) && a->len_arg != PV_ARG_FIXED) {
                assert_true(a->len_arg < hc->nargs);
                assert_int_equal(hc->args[a->len_arg].kind, PV_ARG_NUMBER);
            }
        }
    }
}

static void test_every_case(void **state)
{
    struct run_state rs = {0};
    unsigned n;

    (void)state;
    n = hc_generate(&env, HC_ALL, run_case, &rs);
    printf("# %u cases, %u failed\n", n, rs.failed);
    assert_true(n > 100);
    assert_int_equal(rs.failed, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_contract_is_complete, setup),
        cmocka_unit_test_setup(test_every_case, setup),
    };

    return cmocka_run_group_tests(tests, 0, 0);
}
