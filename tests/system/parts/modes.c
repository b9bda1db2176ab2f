/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ARINC 653 partition modes. Boot in COLD_START, go NORMAL, warm restart
 * (data kept), cold restart (data reset), then IDLE. Which step is next is
 * told by the restart count in the control page.
 */
#include "tp.h"

static uint32_t value = 5; /* initialised data */

static void show(const char *when)
{
    volatile struct pv_shared *s = pv_shared();

    tp_printf("%s: mode %u start %u restarts %u value %u\n", when, s->mode, s->start_condition,
              s->restarts, value);
}

void pv_main(uint32_t id)
{
    (void)id;
    switch (pv_shared()->restarts) {
    case 0:
        show("boot");
        value = 7;
        tp_printf("warm start while cold -> %d\n", pv_mode_set(PV_MODE_WARM_START));
        tp_printf("normal -> %d\n", pv_mode_set(PV_MODE_NORMAL));
        show("normal");
        tp_printf("normal again -> %d\n", pv_mode_set(PV_MODE_NORMAL));
        tp_printf("unknown mode -> %d\n", pv_mode_set(9));
        pv_mode_set(PV_MODE_WARM_START);
        tp_printf("warm start returned\n");
        break;
    case 1:
        show("after warm start");
        pv_mode_set(PV_MODE_NORMAL);
        pv_mode_set(PV_MODE_COLD_START);
        tp_printf("cold start returned\n");
        break;
    default:
        show("after cold start");
        pv_mode_set(PV_MODE_IDLE);
        tp_printf("idle returned\n");
        break;
    }
}
