/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Pipeline partition GYRO (1 ms tick), the one with a planted bug: its rate
 * task samples every 5 ticks and at the 4th sample applies a calibration
 * table through a pointer nobody set. That memory violation goes to the
 * health monitor, whose table for this partition says: restart it cold, at
 * most twice; the third time is a restart loop and halts it. The other
 * partitions carry on as if nothing happened.
 */
#include <pv/pv.h>
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

static const volatile int32_t *calibration; /* the bug: never set */

static rtems_task rate(rtems_task_argument arg)
{
    struct pv_partition_status st;
    int32_t rate = 0;

    (void)arg;
    pv_partition_status(PV_PART_SELF, &st);
    printf("gyro: boot after %u restarts (start condition %u)\n", (unsigned)st.restarts,
           (unsigned)st.start_condition);
    for (int n = 1;; n++) {
        rate += 3;
        printf("gyro: rate sample %d: %d deg/s\n", n, (int)rate);
        if (n == 4) {
            printf("gyro: applying the calibration table\n");
            rate += *calibration;
        }
        rtems_task_wake_after(5);
    }
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id;

    (void)arg;
    rtems_task_create(rtems_build_name('R', 'A', 'T', 'E'), 10, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, rate, 0);
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
