/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Smallest application: printf and printk from the Init task, an
 * application task with the id RTEMS gives the second Classic task, exit.
 */
#include <rtems.h>
#include <bsp.h>
#include <stdio.h>
#include <stdlib.h>

static rtems_task app_task(rtems_task_argument argument)
{
    rtems_id tid;
    rtems_status_code status;

    status = rtems_task_ident(RTEMS_WHO_AM_I, RTEMS_SEARCH_ALL_NODES, &tid);
    printf("ident: %s\n", rtems_status_text(status));
    printf("Application task was invoked with argument (%d) and has id of 0x%" PRIxrtems_id "\n",
           (int)argument, tid);
    printf("*** END OF HELLO01 ***\n");
    exit(0);
}

rtems_task Init(rtems_task_argument ignored)
{
    rtems_id tid;
    rtems_status_code status;

    (void)ignored;
    printf("*** BEGIN OF HELLO01 ***\n");
    printk("printk: %s %d %05u 0x%08" PRIx32 " %-4s|\n", "works", -42, 7u, (uint32_t)0xbeef, "ab");
    printf("Init id 0x%08" PRIxrtems_id "\n", rtems_task_self());
    status = rtems_task_create(rtems_build_name('T', 'A', '1', ' '), 1, RTEMS_MINIMUM_STACK_SIZE,
                               RTEMS_INTERRUPT_LEVEL(0), RTEMS_DEFAULT_ATTRIBUTES, &tid);
    printf("create: %s\n", rtems_status_text(status));
    status = rtems_task_start(tid, app_task, 0);
    printf("start: %s\n", rtems_status_text(status));
    rtems_task_exit();
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MAXIMUM_TASKS 2
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
