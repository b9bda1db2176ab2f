/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * GET_PARTITION_STATUS and SET_PARTITION_MODE on the kernel's partition
 * status and operating modes (PV_HC_PART_STATUS, PV_HC_MODE_SET).
 */
#include <rtems.h>

#include "apex_impl.h"

static START_CONDITION_TYPE start_condition(uint32_t pv)
{
    switch (pv) {
    case PV_START_PARTITION_RESTART:
    case PV_START_SYSTEM_RESTART: /* on request, not by the health monitor */
        return PARTITION_RESTART;
    case PV_START_HM_PARTITION_RESTART:
        return HM_PARTITION_RESTART;
    case PV_START_HM_MODULE_RESTART:
        return HM_MODULE_RESTART;
    default:
        return NORMAL_START;
    }
}

/* pv_shared()->restarts + 1 when the tables were last emptied (0: at load,
 * when they are empty anyway). */
static uint32_t tables_start;

void apex_start_check(void)
{
    uint32_t start = pv_shared()->restarts + 1u;

    if (tables_start == start) {
        return;
    }
    if (tables_start != 0) {
        apex_processes_reset();
        apex_hm_reset();
        apex_objects_reset();
        apex_ports_reset();
    }
    tables_start = start;
}

void apex_schedule_read(struct apex_schedule *out)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t seq;

    do {
        seq = s->seq;
        pv_barrier();
        out->period = s->major_frame_ns;
        out->period_start = s->frame_start_ns;
        out->window_start = s->window_start_ns;
        out->window_end = s->window_end_ns;
        pv_barrier();
    } while (seq != s->seq || (seq & 1));
}

void GET_PARTITION_STATUS(PARTITION_STATUS_TYPE *PARTITION_STATUS, RETURN_CODE_TYPE *RETURN_CODE)
{
    struct pv_partition_status st;
    struct apex_schedule sched;
    rtems_mode mode = 0;

    apex_start_check();
    if (pv_partition_status(PV_PART_SELF, &st) != PV_OK) {
        *RETURN_CODE = INVALID_CONFIG;
        return;
    }
    apex_schedule_read(&sched);
    (void)rtems_task_mode(RTEMS_CURRENT_MODE, RTEMS_CURRENT_MODE, &mode);
    PARTITION_STATUS->PERIOD = (SYSTEM_TIME_TYPE)sched.period;
    PARTITION_STATUS->DURATION = (SYSTEM_TIME_TYPE)(sched.window_end > sched.window_start
                                                        ? sched.window_end - sched.window_start
                                                        : 0);
    PARTITION_STATUS->IDENTIFIER = (PARTITION_ID_TYPE)st.id;
    PARTITION_STATUS->LOCK_LEVEL = (mode & RTEMS_PREEMPT_MASK) == RTEMS_NO_PREEMPT ? 1 : 0;
    if (apex_lock_level > 0) {
        PARTITION_STATUS->LOCK_LEVEL = apex_lock_level;
    }
    PARTITION_STATUS->OPERATING_MODE = (OPERATING_MODE_TYPE)st.mode;
    PARTITION_STATUS->START_CONDITION = start_condition(st.start_condition);
    *RETURN_CODE = NO_ERROR;
}

void SET_PARTITION_MODE(OPERATING_MODE_TYPE OPERATING_MODE, RETURN_CODE_TYPE *RETURN_CODE)
{
    uint32_t now;
    int32_t r;

    apex_start_check();
    now = pv_shared()->mode;
    /* Two enumerations (APEX's and the ABI's): compared as int. */
    _Static_assert((int)IDLE == (int)PV_MODE_IDLE && (int)COLD_START == (int)PV_MODE_COLD_START &&
                       (int)WARM_START == (int)PV_MODE_WARM_START &&
                       (int)NORMAL == (int)PV_MODE_NORMAL,
                   "ARINC modes are the kernel's");
    if (OPERATING_MODE != IDLE && OPERATING_MODE != COLD_START && OPERATING_MODE != WARM_START &&
        OPERATING_MODE != NORMAL) {
        *RETURN_CODE = INVALID_PARAM;
        return;
    }
    if (OPERATING_MODE == NORMAL && now == PV_MODE_NORMAL) {
        *RETURN_CODE = NO_ACTION;
        return;
    }
    if (OPERATING_MODE == WARM_START && now == PV_MODE_COLD_START) {
        *RETURN_CODE = INVALID_MODE;
        return;
    }
    /* NORMAL returns; IDLE, COLD_START and WARM_START do not. */
    r = pv_mode_set((uint32_t)OPERATING_MODE);
    if (r == PV_OK) {
        *RETURN_CODE = NO_ERROR;
        apex_hm_normal(); /* only NORMAL returns here */
        apex_processes_normal();
    } else if (r == PV_ESTATE) {
        *RETURN_CODE = OPERATING_MODE == NORMAL ? NO_ACTION : INVALID_MODE;
    } else {
        *RETURN_CODE = INVALID_PARAM;
    }
}
