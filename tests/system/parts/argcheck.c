/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hypercall argument cases generated from the argument contract
 * (pv/include/pv/hcall_args.h, tests/common/hcall_cases.c), through the
 * real trap. Roles by partition id:
 *   1 ARGS  runs every case: result as documented, no write outside the
 *           range a valid call may write (its whole buffer area is a guard
 *           filled with '\r', its read-only area and control page are
 *           compared), and it goes on running;
 *   2 PEER  owns the area at PEER_VA that ARGS passes as "another
 *           partition's": fills it, waits until ARGS has halted, and checks
 *           that not a byte changed;
 *   3 DUMMY the partition ARGS restarts (partition_control at its bound).
 */
#include <stddef.h>
#include "tp.h"
#include "hcall_cases.h"
#include <pv/hcall_args.h>

#define CODE_VA   0x40000000u
#define CODE_SIZE 0x10000u
#define BUF_VA    0x40200000u
#define BUF_SIZE  0x10000u
#define RO_VA     0x40300000u
#define RO_SIZE   0x1000u
#define PEER_VA   0x40400000u
#define PEER_SIZE 0x1000u
#define FILL      0x0d0d0d0du /* '\r': what console_write takes and never prints */

#if defined(__sparc__)
#define KERNEL_ADDRESS 0xf0000000u /* the kernel's mapping, supervisor-only */
#define INSN_ALIGN     4u
#elif defined(__riscv)
/* The kernel's load address (nothing is mapped there for a partition);
 * its map in Sv39's upper half is among ARCH_BAD. */
#define KERNEL_ADDRESS 0x80000000u
#define INSN_ALIGN     2u
/* Sv39: an address is canonical when bits 63..39 copy bit 38. The lower
 * half is the partitions', the upper the kernel's; each of these holds an
 * own area's address in its low bits, so a kernel that dropped high bits
 * would take it. */
static const struct hc_bad_address arch_bad[] = {
    {((uint64_t)1 << 38) + BUF_VA, "non-canonical (bit 38 alone)"},
    {((uint64_t)1 << 63) + BUF_VA, "non-canonical (bit 63 alone)"},
    {0xffffffc000000000u + BUF_VA, "Sv39 upper half"},
    {0xffffffff80000000u, "the kernel as linked"},
    {((uint64_t)1 << 38) - 0x1000u, "top page of the lower half"},
};
#define ARCH_BAD       arch_bad
#define NUM_ARCH_BAD   (sizeof(arch_bad) / sizeof(arch_bad[0]))
#else
#define KERNEL_ADDRESS 0x00100000u /* the kernel's direct map, supervisor-only */
#define INSN_ALIGN     1u
#endif
#ifndef ARCH_BAD
#define ARCH_BAD     NULL
#define NUM_ARCH_BAD 0u
#endif

static uint32_t ro_copy[RO_SIZE / 4];
static const char message[2] = {'\r', '\r'};
static int32_t src_port;

struct tally {
    unsigned cases, failed;
};

static void fill(uint32_t va, uint32_t size, uint32_t word)
{
    for (uint32_t i = 0; i < size; i += 4) {
        *(volatile uint32_t *)(uintptr_t)(va + i) = word;
    }
}

/* The first word of buf outside [from, to) that is no longer FILL, or 0. */
static uint32_t written_outside(pv_word_t from, pv_word_t to)
{
    for (uint32_t va = BUF_VA; va < BUF_VA + BUF_SIZE; va += 4) {
        if ((va + 4 <= from || va >= to) && *(volatile uint32_t *)(uintptr_t)va != FILL) {
            return va;
        }
    }
    return 0;
}

static int ro_changed(void)
{
    for (uint32_t i = 0; i < RO_SIZE / 4; i++) {
        if (((volatile uint32_t *)(uintptr_t)RO_VA)[i] != ro_copy[i]) {
            return 1;
        }
    }
    return 0;
}

static void run_case(const struct hc_case *c, void *ctx)
{
    struct tally *t = ctx;
    volatile struct pv_shared *s = pv_shared();
    uint32_t level = s->irq_level, mask = s->irq_mask, id = s->partition_id, at;
    int32_t got;
    int bad = 0;

    /* A message of .valid = 2 bytes waits in ARGS's own sampling channel. */
    pv_port_write(src_port, message, sizeof(message));
    fill(BUF_VA, BUF_SIZE, FILL);
    got = pv_hcall5(c->nr, c->args[0], c->args[1], c->args[2], c->args[3], c->args[4]);
    t->cases++;
    if (!hc_result_ok(c, got)) {
        tp_printf("FAIL %s arg %u %s: got %d, expected %s%d\n", c->call, c->arg, c->what, got,
                  c->expect == HC_ACCEPTED ? "no argument error, not " : "", c->expect);
        bad = 1;
    }
    at = written_outside(c->write_va, c->write_va + c->write_len);
    if (at) {
        tp_printf("FAIL %s arg %u %s: wrote %08x\n", c->call, c->arg, c->what, at);
        bad = 1;
    }
    if (ro_changed()) {
        tp_printf("FAIL %s arg %u %s: wrote the read-only area\n", c->call, c->arg, c->what);
        bad = 1;
        for (uint32_t i = 0; i < RO_SIZE / 4; i++) { /* report each write once */
            ro_copy[i] = ((volatile uint32_t *)(uintptr_t)RO_VA)[i];
        }
    }
    if (s->irq_level != level || s->irq_mask != mask || s->partition_id != id) {
        tp_printf("FAIL %s arg %u %s: wrote the control page\n", c->call, c->arg, c->what);
        bad = 1;
    }
    /* Undo what valid cases set up: upcall entry, timers. */
    pv_upcall_set(NULL);
    pv_timer_set(PV_CLOCK_WALL, 0, 0);
    pv_timer_set(PV_CLOCK_EXEC, 0, 0);
    t->failed += (unsigned)bad;
}

static void run_all(void)
{
    struct hc_env env = {
        .buf = BUF_VA,
        .buf_size = BUF_SIZE,
        .ro = RO_VA,
        .ro_size = RO_SIZE,
        .code = CODE_VA,
        .code_size = CODE_SIZE,
        .kernel = KERNEL_ADDRESS,
        .peer = PEER_VA,
        .control = PV_SHARED_VA,
        .insn_align = INSN_ALIGN,
        .frame_size = sizeof(struct pv_upcall_frame),
        .peer_id = 3,
        .skip_arch = 0,
        .arch_bad = ARCH_BAD,
        .num_arch_bad = NUM_ARCH_BAD,
    };
    struct tally all = {0, 0};
    int32_t src = pv_port_open("lo_out", 6), dst = pv_port_open("lo_in", 5);
    struct pv_port_status st;

    if (src < 0 || dst < 0 || pv_port_status(src, &st) != PV_OK) {
        tp_printf("ports: lo_out %d, lo_in %d\n", src, dst);
        return;
    }
    src_port = src;
    env.port_src = (uint32_t)src;
    env.port_dst = (uint32_t)dst;
    env.port_max = st.max_message_size;
    for (uint32_t i = 0; i < RO_SIZE / 4; i++) {
        ro_copy[i] = ((volatile uint32_t *)(uintptr_t)RO_VA)[i];
    }
    for (uint32_t nr = 0; nr < PV_HC_COUNT; nr++) {
        struct tally t = {0, 0};

        hc_generate(&env, nr, run_case, &t);
        tp_printf("%s: %u cases, %u failed\n", pv_hcall_contracts[nr].name, t.cases, t.failed);
        all.cases += t.cases;
        all.failed += t.failed;
    }
    tp_printf("argcheck done: %u cases, %u failed\n", all.cases, all.failed);
}

static void peer(void)
{
    struct pv_partition_status st;
    uint32_t changed = 0;

    fill(PEER_VA, PEER_SIZE, 0x5ec2e7u);
    do {
        pv_idle();
    } while (pv_partition_status(1, &st) == PV_OK && st.state != PV_STATE_HALTED);
    for (uint32_t i = 0; i < PEER_SIZE; i += 4) {
        changed += *(volatile uint32_t *)(uintptr_t)(PEER_VA + i) != 0x5ec2e7u;
    }
    tp_printf("secret area intact: %s\n", changed ? "no" : "yes");
}

void pv_main(uint32_t id)
{
    if (id == 1) {
        run_all();
    } else if (id == 2) {
        peer();
    } else {
        tp_printf("dummy %u\n", pv_shared()->restarts);
    }
}
