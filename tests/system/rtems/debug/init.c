/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The program of tests/system/test_debug.py. Two partitions run this one
 * image, so its functions sit at the same addresses in both; only their
 * data differ: each scales its reading by its own partition id. A debugger
 * that stops in the wrong partition, or reads the other one's memory, sees
 * the other value.
 */
#include <pv/pv.h>
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

/* noipa: the test breaks in these by name and steps from one into the
 * other, so they must stay calls. The locals are volatile so that -O2
 * keeps them in the frame, where gdb reads them at every line. */
__attribute__((noipa)) static int32_t scale_reading(int32_t raw)
{
    volatile int32_t scaled = raw * 100;

    scaled += 7;
    return scaled;
}

__attribute__((noipa)) static int32_t sample(uint32_t partition_id)
{
    volatile int32_t raw = (int32_t)partition_id * 11;
    int32_t value = scale_reading(raw);

    printf("sample: partition %u raw %d value %d\n", (unsigned)partition_id, (int)raw, (int)value);
    return value;
}

static rtems_task sampler(rtems_task_argument arg)
{
    (void)arg;
    sample(pv_shared()->partition_id);
    printf("debug target done\n");
    exit(0);
}

/* A second task, blocked for ever, so that the task list has two states. */
static rtems_task waiter(rtems_task_argument arg)
{
    rtems_event_set got;

    (void)arg;
    rtems_event_receive(RTEMS_EVENT_0, RTEMS_WAIT | RTEMS_EVENT_ANY, RTEMS_NO_TIMEOUT, &got);
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id;

    (void)arg;
    rtems_task_create(rtems_build_name('W', 'A', 'I', 'T'), 5, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, waiter, 0);
    rtems_task_create(rtems_build_name('S', 'M', 'P', 'L'), 10, RTEMS_MINIMUM_STACK_SIZE,
                      RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    rtems_task_start(id, sampler, 0);
    rtems_task_exit();
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 1000
#define CONFIGURE_MAXIMUM_TASKS         3
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
