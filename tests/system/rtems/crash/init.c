/* SPDX-License-Identifier: BSD-2-Clause */
/* An RTEMS application that faults on purpose: two tasks run for a while,
 * then one writes through a null pointer. Only this partition may stop. */
#include <rtems.h>
#include <stdio.h>

static rtems_task worker(rtems_task_argument arg)
{
    for (int n = 1;; n++) {
        rtems_task_wake_after(7);
        printf("worker %d: round %d\n", (int)arg, n);
    }
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id;

    (void)arg;
    printf("CRASH: two workers, then a null pointer\n");
    rtems_task_create(rtems_build_name('W', 'R', 'K', '1'), 20, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, worker, 1);
    rtems_task_wake_after(30);
    printf("CRASH: writing through a null pointer\n");
    /* cppcheck-suppress nullPointer ; the fault is the point */
    *(volatile int *)0 = 1;
    printf("CRASH: survived\n");
    rtems_task_exit();
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 2000
#define CONFIGURE_MAXIMUM_TASKS         2
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
