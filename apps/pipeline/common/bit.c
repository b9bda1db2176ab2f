/* SPDX-License-Identifier: BSD-2-Clause */
#include "bit.h"

#include <stdio.h>

struct bit_config {
    const char *who;
    rtems_interval period;
};

static struct bit_config config;

/* Reports its own progress on the partition's own tick count. */
static rtems_task bit(rtems_task_argument arg)
{
    const struct bit_config *c = (const struct bit_config *)arg;

    for (int n = 1;; n++) {
        rtems_task_wake_after(c->period);
        printf("%s: built-in test %d passed at tick %" PRIu32 "\n", c->who, n,
               rtems_clock_get_ticks_since_boot());
    }
}

rtems_status_code pipeline_start_bit(const char *who, rtems_interval period)
{
    rtems_id id;
    rtems_status_code status;

    config.who = who;
    config.period = period;
    status = rtems_task_create(rtems_build_name('B', 'I', 'T', ' '), 50, RTEMS_MINIMUM_STACK_SIZE,
                               RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id);
    if (status == RTEMS_SUCCESSFUL) {
        status = rtems_task_start(id, bit, (rtems_task_argument)&config);
    }
    return status;
}
