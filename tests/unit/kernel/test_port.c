/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests of the port hypercalls: name resolution through the
 * configuration's hash table, the boot checks of that table, and port
 * events raised in constant time at the destination's window start. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include "fake_arch.h"
#include "hcall.h"
#include "partition.h"
#include "port.h"
#include "pv/abi.h"
#include "pv/port.h"

/* Both partitions see their data at the same address, in RAM of their own. */
static const struct cfg_area areas0[] = {
    {"data", FAKE_RAM_BASE, 0x40100000, 0x4000, CFG_AREA_READ | CFG_AREA_WRITE},
};
static const struct cfg_area areas1[] = {
    {"data", FAKE_RAM_BASE + 0x4000, 0x40100000, 0x4000, CFG_AREA_READ | CFG_AREA_WRITE},
};
static const struct cfg_partition parts[] = {
    {.name = "P0", .id = 1, .initial_mode = CFG_MODE_NORMAL, .areas = areas0, .num_areas = 1},
    {.name = "P1", .id = 2, .initial_mode = CFG_MODE_NORMAL, .areas = areas1, .num_areas = 1},
};

/* P0: alpha -> P1 alpha (sampling); beta -> P1 gamma (queuing);
 * loop_out -> P0 loop_in and P1 loop_copy (sampling, P0 reads its own);
 * big_out -> P1 big_in (sampling) and bigq_out -> P1 bigq_in (queuing, 2
 * deep) carry messages of BIG bytes, longer than a copy chunk. */
#define BIG 5000u
enum {
    P0_ALPHA,
    P0_BETA,
    P0_LOOP_OUT,
    P0_LOOP_IN,
    P0_BIG_OUT,
    P0_BIGQ_OUT,
    P1_ALPHA,
    P1_GAMMA,
    P1_LOOP_COPY,
    P1_BIG_IN,
    P1_BIGQ_IN,
    NPORTS
};
static const struct cfg_port ports[NPORTS] = {
    [P0_ALPHA] = {"alpha", 0, CFG_PORT_SAMPLING, CFG_PORT_SOURCE, 8, 1, 0, 0},
    [P0_BETA] = {"beta", 0, CFG_PORT_QUEUING, CFG_PORT_SOURCE, 8, 2, 0, 1},
    [P0_LOOP_OUT] = {"loop_out", 0, CFG_PORT_SAMPLING, CFG_PORT_SOURCE, 8, 1, 0, 2},
    [P0_LOOP_IN] = {"loop_in", 0, CFG_PORT_SAMPLING, CFG_PORT_DESTINATION, 8, 1, 0, 2},
    [P1_ALPHA] = {"alpha", 1, CFG_PORT_SAMPLING, CFG_PORT_DESTINATION, 8, 1, 0, 0},
    [P1_GAMMA] = {"gamma", 1, CFG_PORT_QUEUING, CFG_PORT_DESTINATION, 8, 2, 0, 1},
    [P1_LOOP_COPY] = {"loop_copy", 1, CFG_PORT_SAMPLING, CFG_PORT_DESTINATION, 8, 1, 0, 2},
    [P0_BIG_OUT] = {"big_out", 0, CFG_PORT_SAMPLING, CFG_PORT_SOURCE, BIG, 1, 0, 3},
    [P1_BIG_IN] = {"big_in", 1, CFG_PORT_SAMPLING, CFG_PORT_DESTINATION, BIG, 1, 0, 3},
    [P0_BIGQ_OUT] = {"bigq_out", 0, CFG_PORT_QUEUING, CFG_PORT_SOURCE, BIG, 2, 0, 4},
    [P1_BIGQ_IN] = {"bigq_in", 1, CFG_PORT_QUEUING, CFG_PORT_DESTINATION, BIG, 2, 0, 4},
};
static const uint32_t dst0[] = {P1_ALPHA}, dst1[] = {P1_GAMMA}, dst2[] = {P0_LOOP_IN, P1_LOOP_COPY},
                      dst3[] = {P1_BIG_IN}, dst4[] = {P1_BIGQ_IN};
static uint8_t buf0[48] __attribute__((aligned(8))), buf1[48] __attribute__((aligned(8))),
    buf2[48] __attribute__((aligned(8))), buf3[2 * (BIG + 16)] __attribute__((aligned(8))),
    buf4[2 * (BIG + 16)] __attribute__((aligned(8)));
static const struct cfg_channel channels[] = {
    {"c0", CFG_PORT_SAMPLING, 8, 1, P0_ALPHA, dst0, 1, buf0, sizeof(buf0)},
    {"c1", CFG_PORT_QUEUING, 8, 2, P0_BETA, dst1, 1, buf1, sizeof(buf1)},
    {"c2", CFG_PORT_SAMPLING, 8, 1, P0_LOOP_OUT, dst2, 2, buf2, sizeof(buf2)},
    {"c3", CFG_PORT_SAMPLING, BIG, 1, P0_BIG_OUT, dst3, 1, buf3, sizeof(buf3)},
    {"c4", CFG_PORT_QUEUING, BIG, 2, P0_BIGQ_OUT, dst4, 1, buf4, sizeof(buf4)},
};

#define SLOTS 64u
/* Mutable, so that tests can spoil it; the kernel sees it as const. */
static struct cfg_port_slot slots[SLOTS];

const struct cfg_system cfg_system = {
    .name = "unit",
    .partitions = parts,
    .num_partitions = 2,
    .console_input = CFG_NO_PARTITION,
    .ports = ports,
    .num_ports = NPORTS,
    .channels = channels,
    .num_channels = 5,
    .port_slots = slots,
    .partition_ids = FAKE_IDS_1_2,
    .port_slot_mask = SLOTS - 1,
    .port_hash_seed = 7,
};

static struct pv_shared shared[2];

static uint32_t hash_of(uint32_t port)
{
    return cfg_port_hash(cfg_system.port_hash_seed, ports[port].partition, ports[port].name,
                         (uint32_t)strlen(ports[port].name));
}

/* Linear probing, as tessera-config places names (without its Robin Hood
 * refinement, which these few ports do not need). */
static void build_table(void)
{
    for (uint32_t i = 0; i < SLOTS; i++) {
        slots[i] = (struct cfg_port_slot){0, CFG_PORT_SLOT_EMPTY};
    }
    for (uint32_t port = 0; port < NPORTS; port++) {
        uint32_t h = hash_of(port), k = 0;

        while (slots[(h + k) & (SLOTS - 1)].port != CFG_PORT_SLOT_EMPTY) {
            k++;
        }
        assert_true(k < CFG_PORT_PROBES);
        slots[(h + k) & (SLOTS - 1)] = (struct cfg_port_slot){(uint16_t)(h >> 16), (uint16_t)port};
    }
}

static int32_t call(struct partition *p, uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2)
{
    p->ctx.regs[0] = nr;
    p->ctx.regs[1] = a0;
    p->ctx.regs[2] = a1;
    p->ctx.regs[3] = a2;
    p->ctx.regs[4] = 0;
    hcall_dispatch(p);
    return (int32_t)p->ctx.regs[0];
}

/* Opens name (copied into P0's data area) as partition p. */
static int32_t open_as(struct partition *p, const char *name, uint32_t len)
{
    memcpy(fake_ram + p->index * 0x4000, name, len);
    return call(p, PV_HC_PORT_OPEN, 0x40100000, len, 0);
}

static int setup(void **state)
{
    (void)state;
    memset(fake_ram, 0, sizeof(fake_ram));
    memset(shared, 0, sizeof(shared));
    for (uint32_t i = 0; i < 2; i++) {
        memset(&partitions[i], 0, sizeof(partitions[i]));
        partitions[i].cfg = &parts[i];
        partitions[i].index = i;
        partitions[i].shared = &shared[i];
        partitions[i].state = PART_READY;
    }
    build_table();
    ports_init();
    ports_reset();
    return 0;
}

static void test_open_finds_own_ports_only(void **state)
{
    struct partition *p0 = &partitions[0], *p1 = &partitions[1];

    (void)state;
    assert_int_equal(open_as(p0, "alpha", 5), P0_ALPHA);
    assert_int_equal(open_as(p0, "beta", 4), P0_BETA);
    assert_int_equal(open_as(p0, "loop_in", 7), P0_LOOP_IN);
    assert_int_equal(open_as(p1, "alpha", 5), P1_ALPHA);
    assert_int_equal(open_as(p1, "gamma", 5), P1_GAMMA);
    /* Another partition's name, prefixes and extensions are no port. */
    assert_int_equal(open_as(p0, "gamma", 5), PV_ENOENT);
    assert_int_equal(open_as(p1, "beta", 4), PV_ENOENT);
    assert_int_equal(open_as(p0, "alph", 4), PV_ENOENT);
    assert_int_equal(open_as(p0, "alphaa", 6), PV_ENOENT);
    assert_int_equal(open_as(p0, "alpha\0", 6), PV_ENOENT);
    assert_int_equal(open_as(p0, "x", 0), PV_EINVAL);
    assert_int_equal(open_as(p0, "0123456789012345678901234567890123", PV_PORT_NAME_MAX + 1),
                     PV_EINVAL);
    assert_int_equal(call(p0, PV_HC_PORT_OPEN, 0x40103ffe, 4, 0), PV_EFAULT);
}

/* A name whose every probe slot carries its tag and a port of the caller
 * with a longer name of the same prefix: the kernel compares
 * CFG_PORT_PROBES names at most and still answers right. */
static void test_open_with_colliding_tags(void **state)
{
    uint32_t h = cfg_port_hash(cfg_system.port_hash_seed, 0, "alp", 3);

    (void)state;
    for (uint32_t k = 0; k < CFG_PORT_PROBES; k++) {
        slots[(h + k) & (SLOTS - 1)] = (struct cfg_port_slot){(uint16_t)(h >> 16), P0_ALPHA};
    }
    assert_int_equal(open_as(&partitions[0], "alp", 3), PV_ENOENT);
}

/* Runs ports_init() in a child: whether it panicked. */
static int init_panics(void)
{
    pid_t pid = fork();
    int status;

    if (pid == 0) {
        ports_init();
        _exit(0);
    }
    assert_true(pid > 0);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return !WIFEXITED(status) || WEXITSTATUS(status) != 0;
}

static void test_boot_checks_name_table(void **state)
{
    uint32_t h = hash_of(P1_GAMMA), i;

    (void)state;
    assert_false(init_panics());
    /* A port the table does not lead to. */
    for (i = 0; slots[i].port != P1_GAMMA; i++) {
        ;
    }
    slots[i].port = CFG_PORT_SLOT_EMPTY;
    assert_true(init_panics());
    /* The right slot with the wrong tag. */
    slots[i] = (struct cfg_port_slot){(uint16_t)((h >> 16) ^ 1), P1_GAMMA};
    assert_true(init_panics());
    /* A slot naming no port. */
    slots[i] = (struct cfg_port_slot){(uint16_t)(h >> 16), P1_GAMMA};
    assert_false(init_panics());
    for (i = 0; slots[i].port != CFG_PORT_SLOT_EMPTY; i++) {
        ;
    }
    slots[i].port = NPORTS;
    assert_true(init_panics());
}

static uint32_t port_pending(int part)
{
    return shared[part].irq_pending & (1u << PV_IRQ_PORT);
}

/* A write marks its readers in constant time; each reader's line rises at
 * the start of its next window, a writer that reads its own channel at
 * once. */
static void test_port_event_at_window_start(void **state)
{
    struct partition *p0 = &partitions[0], *p1 = &partitions[1];

    (void)state;
    memcpy(fake_ram + 0x100, "message", 8);
    assert_int_equal(call(p0, PV_HC_PORT_WRITE, P0_ALPHA, 0x40100100, 8), PV_OK);
    assert_int_equal(port_pending(0), 0);
    assert_int_equal(port_pending(1), 0);
    ports_window_start(p0);
    assert_int_equal(port_pending(0), 0);
    ports_window_start(p1);
    assert_true(port_pending(1));
    shared[1].irq_pending = 0;
    ports_window_start(p1); /* told once per write */
    assert_int_equal(port_pending(1), 0);

    assert_int_equal(call(p0, PV_HC_PORT_WRITE, P0_LOOP_OUT, 0x40100100, 8), PV_OK);
    assert_true(port_pending(0));
    assert_int_equal(port_pending(1), 0);
    ports_window_start(p1);
    assert_true(port_pending(1));

    /* An idle reader waiting for the event wakes when its window starts. */
    shared[1].irq_pending = 0;
    p1->state = PART_IDLE;
    assert_int_equal(call(p0, PV_HC_PORT_WRITE, P0_BETA, 0x40100100, 8), PV_OK);
    assert_int_equal(p1->state, PART_IDLE);
    ports_window_start(p1);
    assert_true(port_pending(1));
    assert_int_equal(p1->state, PART_READY);

    /* A module reset forgets owed events. */
    shared[1].irq_pending = 0;
    assert_int_equal(call(p0, PV_HC_PORT_WRITE, P0_ALPHA, 0x40100100, 8), PV_OK);
    ports_reset();
    ports_window_start(p1);
    assert_int_equal(port_pending(1), 0);
}

/* One kernel entry of a call: its result, or HCALL_AGAIN when the kernel
 * rewound the caller (which then finds its registers as they were). */
static int32_t entry(struct partition *p, uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2)
{
    unsigned before = fake_hcall_restarts;
    int32_t r = call(p, nr, a0, a1, a2);

    if (fake_hcall_restarts == before) {
        return r;
    }
    assert_int_equal(fake_hcall_restarts, before + 1);
    assert_int_equal(p->ctx.regs[0], nr);
    assert_int_equal(p->ctx.regs[1], a0);
    return HCALL_AGAIN;
}

/* The call repeated as the rewound partition would; *entries = how many. */
static int32_t complete(struct partition *p, uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2,
                        unsigned *entries)
{
    int32_t r;

    *entries = 0;
    do {
        r = entry(p, nr, a0, a1, a2);
        ++*entries;
        assert_true(*entries <= BIG / 1024 + 2);
    } while (r == HCALL_AGAIN);
    return r;
}

#define MSG_VA 0x40101000u /* in both partitions */
#define CHUNKS ((BIG + 2047) / 2048)

/* Fills the message buffer of partition part with a pattern of seed. */
static void fill(int part, uint8_t seed)
{
    for (uint32_t i = 0; i < BIG; i++) {
        fake_ram[part * 0x4000 + 0x1000 + i] = (uint8_t)(seed + i * 7);
    }
}

/* Whether partition part's buffer holds a whole message of seed. */
static int holds(int part, uint8_t seed)
{
    for (uint32_t i = 0; i < BIG; i++) {
        if (fake_ram[part * 0x4000 + 0x1000 + i] != (uint8_t)(seed + i * 7)) {
            return 0;
        }
    }
    return 1;
}

static void write_all(uint32_t port, uint8_t seed)
{
    unsigned n;

    fill(0, seed);
    assert_int_equal(complete(&partitions[0], PV_HC_PORT_WRITE, port, MSG_VA, BIG, &n), PV_OK);
    assert_int_equal(n, CHUNKS);
}

/* A long message takes one entry per chunk and is invisible until whole. */
static void test_long_message_in_chunks(void **state)
{
    struct partition *p0 = &partitions[0], *p1 = &partitions[1];
    unsigned n;

    (void)state;
    fill(0, 1);
    assert_int_equal(entry(p0, PV_HC_PORT_WRITE, P0_BIG_OUT, MSG_VA, BIG), HCALL_AGAIN);
    assert_int_equal(entry(p1, PV_HC_PORT_READ, P1_BIG_IN, MSG_VA, BIG), PV_EAGAIN);
    assert_int_equal(complete(p0, PV_HC_PORT_WRITE, P0_BIG_OUT, MSG_VA, BIG, &n), PV_OK);
    assert_int_equal(n, CHUNKS - 1);
    assert_int_equal(complete(p1, PV_HC_PORT_READ, P1_BIG_IN, MSG_VA, BIG, &n), (int32_t)BIG);
    assert_int_equal(n, CHUNKS);
    assert_true(holds(1, 1));
}

/* A sampling read goes on while the writer fills the other slot, and
 * begins again, with the newest message, once a write refills its slot. */
static void test_sampling_read_never_torn(void **state)
{
    struct partition *p1 = &partitions[1];
    unsigned n;

    (void)state;
    write_all(P0_BIG_OUT, 10);
    memset(fake_ram + 0x4000 + 0x1000, 0, BIG);
    assert_int_equal(entry(p1, PV_HC_PORT_READ, P1_BIG_IN, MSG_VA, BIG), HCALL_AGAIN);
    write_all(P0_BIG_OUT, 20); /* the other slot */
    assert_int_equal(complete(p1, PV_HC_PORT_READ, P1_BIG_IN, MSG_VA, BIG, &n), (int32_t)BIG);
    assert_int_equal(n, CHUNKS - 1);
    assert_true(holds(1, 10));

    memset(fake_ram + 0x4000 + 0x1000, 0, BIG);
    assert_int_equal(entry(p1, PV_HC_PORT_READ, P1_BIG_IN, MSG_VA, BIG), HCALL_AGAIN);
    write_all(P0_BIG_OUT, 30);
    write_all(P0_BIG_OUT, 40); /* into the slot being read */
    assert_int_equal(complete(p1, PV_HC_PORT_READ, P1_BIG_IN, MSG_VA, BIG, &n), (int32_t)BIG);
    assert_int_equal(n, CHUNKS);
    assert_true(holds(1, 40));
}

/* Progress survives only the same call again by the same incarnation. */
static void test_progress_dropped(void **state)
{
    struct partition *p0 = &partitions[0];
    unsigned n;

    (void)state;
    fill(0, 50);
    assert_int_equal(entry(p0, PV_HC_PORT_WRITE, P0_BIG_OUT, MSG_VA, BIG), HCALL_AGAIN);
    assert_int_equal(call(p0, PV_HC_PORT_STATUS, P0_ALPHA, 0x40100200, 0), PV_OK);
    assert_int_equal(complete(p0, PV_HC_PORT_WRITE, P0_BIG_OUT, MSG_VA, BIG, &n), PV_OK);
    assert_int_equal(n, CHUNKS);

    assert_int_equal(entry(p0, PV_HC_PORT_WRITE, P0_BIG_OUT, MSG_VA, BIG), HCALL_AGAIN);
    p0->restarts++;
    assert_int_equal(complete(p0, PV_HC_PORT_WRITE, P0_BIG_OUT, MSG_VA, BIG, &n), PV_OK);
    assert_int_equal(n, CHUNKS);

    assert_int_equal(entry(p0, PV_HC_PORT_WRITE, P0_BIG_OUT, MSG_VA, BIG), HCALL_AGAIN);
    assert_int_equal(complete(p0, PV_HC_PORT_WRITE, P0_BIG_OUT, MSG_VA, BIG - 1, &n), PV_OK);
    assert_int_equal(n, CHUNKS);
}

/* A queuing write fills the slot after the last message; a clear in
 * between empties the queue by moving the reader's end only (the ring has
 * one writer and one reader, each moving its own end: port.c, "Across
 * CPUs"), so the write under way goes on in its slot and is the one
 * message left. */
static void test_queue_write_across_clear(void **state)
{
    struct partition *p0 = &partitions[0], *p1 = &partitions[1];
    unsigned n;

    (void)state;
    write_all(P0_BIGQ_OUT, 60);
    fill(0, 70);
    assert_int_equal(entry(p0, PV_HC_PORT_WRITE, P0_BIGQ_OUT, MSG_VA, BIG), HCALL_AGAIN);
    assert_int_equal(call(p1, PV_HC_PORT_CLEAR, P1_BIGQ_IN, 0, 0), PV_OK);
    assert_int_equal(complete(p0, PV_HC_PORT_WRITE, P0_BIGQ_OUT, MSG_VA, BIG, &n), PV_OK);
    assert_int_equal(n, CHUNKS - 1);
    assert_int_equal(complete(p1, PV_HC_PORT_READ, P1_BIGQ_IN, MSG_VA, BIG, &n), (int32_t)BIG);
    assert_true(holds(1, 70));
    assert_int_equal(entry(p1, PV_HC_PORT_READ, P1_BIGQ_IN, MSG_VA, BIG), PV_EAGAIN);
}

/* The ring's ends run over twice its depth: a full queue (2 of 2) and an
 * empty one stay apart, and messages keep their order, through many laps
 * of both ends. */
static void test_queue_order_over_many_laps(void **state)
{
    struct partition *p0 = &partitions[0], *p1 = &partitions[1];
    uint32_t sent = 0, got = 0, v;
    struct pv_port_status st;

    (void)state;
    for (uint32_t lap = 0; lap < 9; lap++) {
        uint32_t before = sent;

        /* Filled up to its depth, 2, whatever the lap; then refused. */
        for (;;) {
            memcpy(fake_ram + 0x100, &sent, 4);
            if (call(p0, PV_HC_PORT_WRITE, P0_BETA, 0x40100100, 4) != PV_OK) {
                break;
            }
            sent++;
            assert_true(sent - before <= 2);
        }
        assert_int_equal(call(p0, PV_HC_PORT_STATUS, P0_BETA, 0x40100200, 0), PV_OK);
        memcpy(&st, fake_ram + 0x200, sizeof(st));
        assert_int_equal(st.messages, 2);
        for (uint32_t k = 0; k < 1 + lap % 2; k++) {
            assert_int_equal(call(p1, PV_HC_PORT_READ, P1_GAMMA, 0x40100300, 8), 4);
            memcpy(&v, fake_ram + 0x4000 + 0x300, 4);
            assert_int_equal(v, got);
            got++;
        }
    }
    while (call(p1, PV_HC_PORT_READ, P1_GAMMA, 0x40100300, 8) == 4) {
        memcpy(&v, fake_ram + 0x4000 + 0x300, 4);
        assert_int_equal(v, got);
        got++;
    }
    assert_int_equal(got, sent);
    assert_true(sent > 2 * 2 * 2); /* both ends wrapped */
}

/* The space a read frees is owed to the writer: its line rises at the start
 * of its next window, never in a partition that may be running elsewhere. */
static void test_space_freed_at_writer_window_start(void **state)
{
    struct partition *p0 = &partitions[0], *p1 = &partitions[1];

    (void)state;
    assert_int_equal(call(p0, PV_HC_PORT_WRITE, P0_BETA, 0x40100100, 4), PV_OK);
    shared[0].irq_pending = 0;
    assert_int_equal(call(p1, PV_HC_PORT_READ, P1_GAMMA, 0x40100300, 8), 4);
    assert_int_equal(port_pending(0), 0);
    ports_window_start(p0);
    assert_true(port_pending(0));
    shared[0].irq_pending = 0;
    assert_int_equal(call(p1, PV_HC_PORT_CLEAR, P1_GAMMA, 0, 0), PV_OK);
    assert_int_equal(port_pending(0), 0);
    ports_window_start(p0);
    assert_true(port_pending(0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_open_finds_own_ports_only, setup),
        cmocka_unit_test_setup(test_open_with_colliding_tags, setup),
        cmocka_unit_test_setup(test_boot_checks_name_table, setup),
        cmocka_unit_test_setup(test_port_event_at_window_start, setup),
        cmocka_unit_test_setup(test_long_message_in_chunks, setup),
        cmocka_unit_test_setup(test_sampling_read_never_torn, setup),
        cmocka_unit_test_setup(test_progress_dropped, setup),
        cmocka_unit_test_setup(test_queue_write_across_clear, setup),
        cmocka_unit_test_setup(test_queue_order_over_many_laps, setup),
        cmocka_unit_test_setup(test_space_freed_at_writer_window_start, setup),
    };

    return cmocka_run_group_tests(tests, 0, 0);
}
