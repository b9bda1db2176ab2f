/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The cost of a module reset, in instructions under -icount, from a
 * partition that is the same in a small and in a large system
 * (tests/system/gen_reset_cost.py). Its role is its configured id:
 *   1  T, system partition: reads the clock, puts the reading in the
 *      detail of an application-error (the module's action: reset-module)
 *      and, started again by the reset, reads the clock first thing: the
 *      difference is the reset's kernel entry plus its own reload and
 *      start, which do not depend on the rest of the system. It also
 *      reports what the reset did to X, Y and the channels it writes.
 *   2  X: reads what the channels from T hold once the resets are over.
 *   3  Y: configured initial-mode idle, never runs.
 *   4+ fillers: halt.
 * tests/system/test_module_reset_cost.py compares the two systems.
 */
#include <stddef.h>
#include "tp.h"
#include "lib/tsc.h"

#define RESETS   4 /* within T's share of the HM log in the 16-partition system */
#define X_ID     2u
#define Y_ID     3u
#define MSG_SIZE 16u

static int32_t open_port(const char *name)
{
    uint32_t n = 0;

    while (name[n]) {
        n++;
    }
    return pv_port_open(name, n);
}

static uint32_t messages(int32_t port)
{
    struct pv_port_status st = {0};

    pv_port_status(port, &st);
    return st.messages;
}

/* Messages are whole MSG_SIZE buffers, NUL-padded. */
static const char stale[MSG_SIZE] = "stale";

/* What the last reset did, seen by the system partition. */
static void report(uint32_t boot, uint32_t cost, int32_t c, int32_t s)
{
    struct pv_partition_status x = {0}, y = {0};

    tp_printf("reset %u: cost %u\n", boot, cost);
    pv_partition_status(X_ID, &x);
    pv_partition_status(Y_ID, &y);
    tp_printf("reset %u: X state=%u mode=%u start=%u restarts=%u; Y state=%u mode=%u start=%u "
              "restarts=%u\n",
              boot, x.state, x.mode, x.start_condition, x.restarts, y.state, y.mode,
              y.start_condition, y.restarts);
    tp_printf("reset %u: channels C=%u S=%u\n", boot, messages(c), messages(s));
}

static void trigger(uint32_t t1)
{
    volatile struct pv_shared *sh = pv_shared();
    uint32_t boot = sh->restarts;
    int32_t c = open_port("c_out"), s = open_port("s_out");
    char text[MSG_SIZE] = "boot ?";
    uint32_t t0;

    if (sh->start_condition == PV_START_HM_MODULE_RESTART) {
        struct pv_hm_log_status st;
        struct pv_hm_entry e = {0};

        /* The newest entry is this partition's error: its detail is t0. */
        pv_hm_log_read(0, NULL, 0, &st);
        pv_hm_log_read(st.next_seq - 1, &e, 1, NULL);
        report(boot, t1 - e.detail, c, s);
    } else {
        /* Messages no port operation touches after the first reset. */
        pv_port_write(open_port("d_out"), stale, MSG_SIZE);
        pv_port_write(open_port("s0_out"), stale, MSG_SIZE);
    }
    text[5] = (char)('0' + boot);
    pv_port_write(c, text, MSG_SIZE);
    pv_port_write(s, text, MSG_SIZE);
    if (boot == RESETS) {
        tp_printf("done\n");
        pv_halt_self();
    }
    t0 = bench_tsc32();
    pv_hm_raise(PV_HM_APPLICATION_ERROR, t0);
    tp_printf("not reset\n");
}

static void read_port(const char *name)
{
    char msg[MSG_SIZE + 1] = {0};
    int32_t n = pv_port_read(open_port(name), msg, MSG_SIZE, NULL);

    tp_printf("%s: %d %s\n", name, (int)n, n > 0 ? msg : "-");
}

static void reader(void)
{
    volatile struct pv_shared *sh = pv_shared();

    tp_printf("start=%u restarts=%u\n", sh->start_condition, sh->restarts);
    read_port("c_in");
    read_port("c_in");
    read_port("s_in");
    read_port("d_in");
    read_port("s0_in");
}

void pv_main(uint32_t id)
{
    uint32_t t1 = bench_tsc32(); /* first: the end of the measured span */

    if (id == 1) {
        trigger(t1);
    } else if (id == X_ID) {
        reader();
    } else {
        tp_printf("start=%u restarts=%u\n", pv_shared()->start_condition, pv_shared()->restarts);
    }
    pv_halt_self();
}
