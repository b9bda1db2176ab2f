/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A system partition acting on partitions of another CPU (x86,
 * tests/system/test_smp_control.py). Id 1, a system partition on CPU 0,
 * restarts R (id 3) and halts H (id 2), both on CPU 1, and watches their
 * status until the kernel has applied each (at the target's next window
 * start on its CPU); then it tries what must be refused and halts. H
 * prints the start of each of its windows until it is halted; R prints its
 * start condition and restart count at each start and halts itself after
 * its second.
 */
#include "tp.h"

#define WAIT_WINDOWS 40

static uint32_t status_of(uint32_t id, struct pv_partition_status *st)
{
    return (uint32_t)pv_partition_status(id, st);
}

static void system_partition(void)
{
    struct pv_partition_status st;
    uint32_t w;

    for (int i = 0; i < 4; i++) {
        pv_idle();
    }
    tp_printf("restart R at %llu -> %d\n", (unsigned long long)tp_now(),
              (int)pv_partition_control(3, PV_PART_RESTART));
    for (w = 1; w <= WAIT_WINDOWS; w++) {
        pv_idle();
        if (status_of(3, &st) == 0 && st.restarts == 1) {
            break;
        }
    }
    tp_printf("R restarted: %u (windows waited %u)\n", st.restarts, w);
    tp_printf("halt H at %llu -> %d\n", (unsigned long long)tp_now(),
              (int)pv_partition_control(2, PV_PART_HALT));
    for (w = 1; w <= WAIT_WINDOWS; w++) {
        pv_idle();
        if (status_of(2, &st) == 0 && st.state == PV_STATE_HALTED) {
            break;
        }
    }
    tp_printf("H state %u (windows waited %u)\n", st.state, w);
    tp_printf("halt H again -> %d\n", (int)pv_partition_control(2, PV_PART_HALT));
    tp_printf("unknown op on R -> %d\n", (int)pv_partition_control(3, 7));
}

static void halted_later(void)
{
    volatile struct pv_shared *s = pv_shared();

    for (;;) {
        pv_idle();
        tp_printf("window %llu\n", (unsigned long long)s->window_start_ns);
    }
}

static void restarted(void)
{
    struct pv_partition_status st;

    status_of(PV_PART_SELF, &st);
    tp_printf("start condition %u, restarts %u\n", st.start_condition, st.restarts);
    /* Until the restart comes; after it, a few windows and halt. */
    for (int i = 0; i < (st.restarts ? 3 : 1000); i++) {
        pv_idle();
    }
}

void pv_main(uint32_t id)
{
    if (id == 1) {
        system_partition();
    } else if (id == 2) {
        halted_later();
    } else {
        restarted();
    }
}
