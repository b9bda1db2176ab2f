/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Schedule plans. Id 1 (a system partition) switches to plan 2 after ten
 * windows; id 2 prints, at each of its windows, the plan and window the
 * kernel published and when it actually got the CPU.
 */
#include "tp.h"

static void switcher(void)
{
    for (int i = 0; i < 10; i++) {
        pv_idle();
    }
    tp_printf("unknown plan -> %d\n", pv_plan_switch(99));
    tp_printf("switch requested at %llu -> %d\n", (unsigned long long)pv_clock_ns(),
              pv_plan_switch(2));
    for (int i = 0; i < 10; i++) {
        pv_idle();
    }
}

static void observer(void)
{
    volatile struct pv_shared *s = pv_shared();

    tp_printf("observer switches -> %d\n", pv_plan_switch(2));
    for (int i = 0; i < 24; i++) {
        uint64_t seen;

        pv_idle();
        seen = pv_clock_ns();
        tp_printf("plan %u next %u frame %llu window %llu seen %llu\n", s->plan_id, s->next_plan_id,
                  (unsigned long long)s->frame_start_ns, (unsigned long long)s->window_start_ns,
                  (unsigned long long)seen);
    }
}

void pv_main(uint32_t id)
{
    if (id == 1) {
        switcher();
    } else {
        observer();
    }
}
