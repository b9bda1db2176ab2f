/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Task manager: creation and its errors, start, ident, suspend/resume,
 * priorities and preemption, modes, delays, restart, delete, construct.
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

static rtems_id worker_id;
static int worker_runs;

static void show(const char *what, rtems_status_code status)
{
    printf("%s: %s\n", what, rtems_status_text(status));
}

static void show_priority(const char *who, rtems_id id)
{
    rtems_task_priority priority;
    rtems_id scheduler;

    (void)rtems_scheduler_ident(NAME('U', 'P', 'D', ' '), &scheduler);
    show("get_priority", rtems_task_get_priority(id, scheduler, &priority));
    printf("%s priority %" PRIu32 "\n", who, priority);
}

static rtems_task worker(rtems_task_argument arg)
{
    worker_runs++;
    printf("worker runs (arg %d, run %d)\n", (int)arg, worker_runs);
    if (arg == 7) {
        printf("worker exits\n");
        rtems_task_exit();
    }
    show("worker suspends itself", rtems_task_suspend(RTEMS_SELF));
    printf("worker resumed\n");
    for (;;) {
        show("worker wake_after(10)", rtems_task_wake_after(10));
    }
}

static rtems_task low(rtems_task_argument arg)
{
    printf("low runs, arg %d\n", (int)arg);
    rtems_task_exit();
}

static rtems_task delayer(rtems_task_argument ticks)
{
    rtems_interval start = rtems_clock_get_ticks_since_boot();

    show("delayer wake_after", rtems_task_wake_after((rtems_interval)ticks));
    printf("delayer %d woke after %" PRIu32 " ticks\n", (int)ticks,
           rtems_clock_get_ticks_since_boot() - start);
    rtems_task_exit();
}

static char storage[RTEMS_TASK_STORAGE_SIZE(RTEMS_MINIMUM_STACK_SIZE, RTEMS_DEFAULT_ATTRIBUTES)]
    __attribute__((aligned(RTEMS_TASK_STORAGE_ALIGNMENT)));

rtems_task Init(rtems_task_argument arg)
{
    rtems_id id, id2, self;
    rtems_task_priority old;
    rtems_mode mode;
    rtems_name name;
    rtems_task_config config;

    (void)arg;
    printf("*** BEGIN OF TASK01 ***\n");
    self = rtems_task_self();
    printf("Init id 0x%08" PRIxrtems_id "\n", self);
    show_priority("Init", RTEMS_SELF);

    /* Creation errors. */
    show("create bad name", rtems_task_create(0, 1, 0, 0, 0, &id));
    show("create NULL id", rtems_task_create(NAME('W', 'R', 'K', ' '), 1, 0, 0, 0, NULL));
    show("create priority 0", rtems_task_create(NAME('W', 'R', 'K', ' '), 0, 0, 0, 0, &id));
    show("create priority 256", rtems_task_create(NAME('W', 'R', 'K', ' '), 256, 0, 0, 0, &id));

    show("create worker",
         rtems_task_create(NAME('W', 'R', 'K', ' '), 5, RTEMS_MINIMUM_STACK_SIZE,
                           RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &worker_id));
    printf("worker id 0x%08" PRIxrtems_id "\n", worker_id);
    show("create low", rtems_task_create(NAME('L', 'O', 'W', ' '), 10, 0, RTEMS_DEFAULT_MODES,
                                         RTEMS_DEFAULT_ATTRIBUTES, &id2));
    show("create XXX", rtems_task_create(NAME('X', 'X', 'X', ' '), 10, 0, 0, 0, &id));
    show("create YYY", rtems_task_create(NAME('Y', 'Y', 'Y', ' '), 10, 0, 0, 0, &id));
    show("create too many", rtems_task_create(NAME('Z', 'Z', 'Z', ' '), 10, 0, 0, 0, &id));
    show("delete YYY", rtems_task_delete(id));
    show("delete YYY again", rtems_task_delete(id));
    show("ident XXX", rtems_task_ident(NAME('X', 'X', 'X', ' '), RTEMS_SEARCH_LOCAL_NODE, &id));
    show("delete XXX", rtems_task_delete(id));

    show("ident worker", rtems_task_ident(NAME('W', 'R', 'K', ' '), RTEMS_SEARCH_ALL_NODES, &id));
    printf("ident found worker: %s\n", id == worker_id ? "yes" : "no");
    show("ident unknown", rtems_task_ident(NAME('N', 'O', 'N', 'E'), RTEMS_SEARCH_ALL_NODES, &id));
    show("ident NULL", rtems_task_ident(NAME('W', 'R', 'K', ' '), RTEMS_SEARCH_ALL_NODES, NULL));
    show("get name", rtems_object_get_classic_name(worker_id, &name));
    printf("name matches: %s\n", name == NAME('W', 'R', 'K', ' ') ? "yes" : "no");

    show("start NULL entry", rtems_task_start(worker_id, NULL, 0));
    show("start bad id", rtems_task_start(0x0a01ffff, worker, 0));
    show("restart dormant", rtems_task_restart(worker_id, 0));
    show("resume not suspended", rtems_task_resume(worker_id));

    /* Init is not preemptible (default init mode): the worker waits. */
    show("start worker", rtems_task_start(worker_id, worker, 1));
    show("start worker again", rtems_task_start(worker_id, worker, 1));
    printf("worker has run: %d\n", worker_runs);
    show("mode preempt", rtems_task_mode(RTEMS_PREEMPT, RTEMS_PREEMPT_MASK, &mode));
    printf("previous mode had NO_PREEMPT: %s\n", (mode & RTEMS_NO_PREEMPT) ? "yes" : "no");
    /* Init priority 1 still outranks the worker at 5. */
    printf("worker has run: %d\n", worker_runs);
    show("lower Init to 6", rtems_task_set_priority(RTEMS_SELF, 6, &old));
    printf("old priority %" PRIu32 ", worker has run: %d\n", old, worker_runs);
    show("is_suspended worker", rtems_task_is_suspended(worker_id));
    show("suspend worker again", rtems_task_suspend(worker_id));
    show("resume worker", rtems_task_resume(worker_id));
    show("set_priority bad", rtems_task_set_priority(worker_id, 256, &old));
    show("set_priority NULL", rtems_task_set_priority(worker_id, 3, NULL));
    show("set_priority current", rtems_task_set_priority(worker_id, RTEMS_CURRENT_PRIORITY, &old));
    printf("worker priority %" PRIu32 "\n", old);

    /* Restart the delayed worker with a new argument: it runs at once. */
    show("restart worker", rtems_task_restart(worker_id, 7));
    printf("worker has run: %d\n", worker_runs);

    /* Delays wake in deadline order. */
    show("start low", rtems_task_start(id2, low, 3));
    show("raise Init to 1", rtems_task_set_priority(RTEMS_SELF, 1, &old));
    show("create d30", rtems_task_create(NAME('D', '3', '0', ' '), 2, 0, 0, 0, &id));
    show("start d30", rtems_task_start(id, delayer, 30));
    show("create d10", rtems_task_create(NAME('D', '1', '0', ' '), 2, 0, 0, 0, &id2));
    show("start d10", rtems_task_start(id2, delayer, 10));
    show("wake_after 50", rtems_task_wake_after(50));
    printf("ticks since boot %" PRIu32 "\n", rtems_clock_get_ticks_since_boot());

    show("delete bad id", rtems_task_delete(0x0a010099));
    show("suspend bad id", rtems_task_suspend(0x0a010099));
    show("mode NULL", rtems_task_mode(0, RTEMS_CURRENT_MODE, NULL));

    /* User-provided storage. */
    config.name = NAME('C', 'O', 'N', ' ');
    config.initial_priority = 2;
    config.storage_area = NULL;
    config.storage_size = 0;
    config.maximum_thread_local_storage_size = 0;
    config.storage_free = NULL;
    config.initial_modes = RTEMS_DEFAULT_MODES;
    config.attributes = RTEMS_DEFAULT_ATTRIBUTES;
    show("construct NULL storage", rtems_task_construct(&config, &id));
    config.storage_area = storage;
    config.storage_size = sizeof(storage) / 2;
    show("construct small storage", rtems_task_construct(&config, &id));
    config.storage_size = sizeof(storage);
    show("construct", rtems_task_construct(&config, &id));
    show("start constructed", rtems_task_start(id, low, 4));
    show("yield", rtems_task_wake_after(RTEMS_YIELD_PROCESSOR));
    show("wake_after 1", rtems_task_wake_after(1));
    printf("*** END OF TASK01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MAXIMUM_TASKS 5
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
