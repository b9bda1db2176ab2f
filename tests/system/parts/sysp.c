/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Partition management. Behaviour by id: 1 = system partition that halts,
 * restarts and inspects the others; 2 = its target; 3 = an application
 * partition that tries the same calls (and must be refused), then restarts
 * itself once.
 */
#include "tp.h"

static uint32_t value = 5; /* initialised data: a cold restart must reset it */

static void report(const char *what, int32_t got)
{
    tp_printf("%s -> %d\n", what, got);
}

static void status(const char *what, uint32_t id)
{
    struct pv_partition_status st = {0};
    int32_t r = pv_partition_status(id, &st);

    tp_printf("%s -> %d: id %u state %u restarts %u flags %u\n", what, r, st.id, st.state,
              st.restarts, st.flags);
}

static void manager(void)
{
    status("status target", 2);
    report("halt target", pv_partition_control(2, PV_PART_HALT));
    status("status halted target", 2);
    report("halt halted target", pv_partition_control(2, PV_PART_HALT));
    report("restart target", pv_partition_control(2, PV_PART_RESTART));
    status("status restarted target", 2);
    report("unknown operation", pv_partition_control(2, 7));
    report("unknown partition", pv_partition_control(999, PV_PART_HALT));
    status("status self", PV_PART_SELF);
    for (int i = 0; i < 5; i++) {
        pv_idle();
    }
}

static void target(void)
{
    tp_printf("target start restarts=%u value=%u\n", pv_shared()->restarts, value);
    value = 6;
    for (int i = 0; i < 5; i++) {
        pv_idle();
    }
}

static void application(void)
{
    if (pv_shared()->restarts == 0) {
        report("app halts target", pv_partition_control(2, PV_PART_HALT));
        status("app reads manager", 1);
        value = 7;
        tp_printf("app restarting itself\n");
        pv_restart_self();
    }
    tp_printf("app after restart: restarts=%u value=%u\n", pv_shared()->restarts, value);
}

void pv_main(uint32_t id)
{
    if (id == 1) {
        manager();
    } else if (id == 2) {
        target();
    } else {
        application();
    }
}
