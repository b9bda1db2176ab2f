/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Pipeline partition SUPERVISOR (1 ms tick), a system partition: it reports
 * every health-monitor log entry as it appears, and when GYRO is found
 * stopped for good it switches the schedule to the plan "degraded", which
 * gives GYRO's window to nobody; the switch takes effect at the next
 * major-frame boundary. It ends when the pipeline has ended.
 */
#include <pv/pv.h>
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define GYRO          4
#define PLAN_DEGRADED 1

static const char *const error_names[PV_HM_ERROR_COUNT] = PV_HM_ERROR_NAMES;
static const char *const action_names[] = PV_HM_ACTION_NAMES;

static uint32_t next_entry;

static void report_log(void)
{
    struct pv_hm_entry e[8];
    int32_t n;

    while ((n = pv_hm_log_read(next_entry, e, 8, NULL)) > 0) {
        for (int32_t i = 0; i < n; i++) {
            printf("supervisor: hm log %u: partition %u %s -> %s\n", (unsigned)e[i].seq,
                   (unsigned)e[i].partition_id,
                   e[i].error < PV_HM_ERROR_COUNT ? error_names[e[i].error] : "?",
                   e[i].action <= PV_HM_ACTION_RESET_MODULE ? action_names[e[i].action] : "?");
            next_entry = e[i].seq + 1;
        }
    }
}

static int ended(uint32_t id)
{
    struct pv_partition_status st;

    return pv_partition_status(id, &st) == PV_OK &&
           (st.state == PV_STATE_HALTED || st.state == PV_STATE_STOPPED);
}

static rtems_task watch(rtems_task_argument arg)
{
    volatile struct pv_shared *s = pv_shared();
    struct pv_partition_status gyro;
    int requested = 0;

    (void)arg;
    for (;;) {
        report_log();
        if (!requested && pv_partition_status(GYRO, &gyro) == PV_OK &&
            gyro.state == PV_STATE_STOPPED) {
            printf("supervisor: GYRO stopped after %u restarts; requesting plan degraded\n",
                   (unsigned)gyro.hm_restarts);
            pv_plan_switch(PLAN_DEGRADED);
            requested = 1;
        }
        if (requested == 1 && s->plan_id == PLAN_DEGRADED) {
            printf("supervisor: plan degraded in effect from the frame boundary at %llu us\n",
                   (unsigned long long)(s->frame_start_ns / 1000));
            requested = 2;
        }
        if (requested == 2 && ended(1) && ended(2) && ended(3)) {
            printf("SUPERVISOR done\n");
            exit(0);
        }
        rtems_task_wake_after(5);
    }
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id;

    (void)arg;
    printf("SUPERVISOR: watching the health monitor\n");
    rtems_task_create(rtems_build_name('W', 'T', 'C', 'H'), 10, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, watch, 0);
    rtems_task_exit();
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 1000
#define CONFIGURE_MAXIMUM_TASKS         2
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
/* Its tasks in the kernel's trace when the system traces (`make trace`). */
#define CONFIGURE_TESSERA_TRACE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
