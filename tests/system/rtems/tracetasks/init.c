/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * An RTEMS application that traces its executive (CONFIGURE_TESSERA_TRACE,
 * tests/system/test_trace.py): Init starts two tasks that take turns
 * through a semaphore, each printing its id and name, so that the test can
 * hold the trace's TASK_NAME and TASK_SWITCH events against them; the
 * clock tick's interrupts give IRQ_ENTRY / IRQ_EXIT events. Linked with the
 * traced executive (CONFIGURE_TESSERA_TRACE), its directive calls give
 * DIRECTIVE_ENTRY / DIRECTIVE_EXIT events: Init's first call fails
 * (RTEMS_INVALID_NAME), the semaphore obtains block and resume in the
 * other task's turn, rtems_task_exit never returns.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

static rtems_id turn[2];

static rtems_task worker(rtems_task_argument arg)
{
    rtems_id self = 0;

    rtems_task_ident(RTEMS_WHO_AM_I, RTEMS_SEARCH_LOCAL_NODE, &self);
    printf("task %lu id 0x%08lx\n", (unsigned long)arg, (unsigned long)self);
    for (int i = 0; i < 3; i++) {
        rtems_semaphore_obtain(turn[arg], RTEMS_WAIT, RTEMS_NO_TIMEOUT);
        printf("task %lu round %d\n", (unsigned long)arg, i);
        rtems_semaphore_release(turn[1 - arg]);
    }
    if (arg == 1) {
        rtems_task_wake_after(2);
        printf("TRACETASKS done\n");
        exit(0);
    }
    rtems_task_exit();
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id;

    (void)arg;
    if (rtems_task_ident(rtems_build_name('N', 'O', 'N', 'E'), RTEMS_SEARCH_ALL_NODES, &id) !=
        RTEMS_INVALID_NAME) {
        printf("task_ident of an unknown name did not fail\n");
    }
    rtems_task_ident(RTEMS_WHO_AM_I, RTEMS_SEARCH_LOCAL_NODE, &id);
    printf("init id 0x%08lx\n", (unsigned long)id);
    for (int i = 0; i < 2; i++) {
        rtems_semaphore_create(rtems_build_name('T', 'R', 'N', (char)('0' + i)), i == 0 ? 1 : 0,
                               RTEMS_SIMPLE_BINARY_SEMAPHORE, 0, &turn[i]);
    }
    for (int i = 0; i < 2; i++) {
        rtems_task_create(rtems_build_name('W', 'K', 'R', (char)('A' + i)), 10,
                          RTEMS_MINIMUM_STACK_SIZE, RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES,
                          &id);
        rtems_task_start(id, worker, (rtems_task_argument)i);
    }
    rtems_task_exit();
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 1000
#define CONFIGURE_MAXIMUM_TASKS         3
#define CONFIGURE_MAXIMUM_SEMAPHORES    2
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_TESSERA_TRACE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
