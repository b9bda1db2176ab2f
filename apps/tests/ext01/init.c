/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * User extensions: the hooks of CONFIGURE_INITIAL_EXTENSIONS and of an
 * extension created at run time, their order (delete in reverse), a create
 * hook that refuses a task, the extension manager's error statuses, and a
 * task that returns from its entry (exitted, then fatal; the fatal hook ends
 * the program with rtems_shutdown_executive(0), which calls it once more).
 */
#include <rtems.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

/* Threads are shown as T0, T1, ... in the order the hooks first see them. */
static rtems_tcb *seen[8];
static bool refuse;
static bool count_switches;
static int switches;

static int label(rtems_tcb *t)
{
    int i;

    for (i = 0; i < 8 && seen[i] != NULL; i++) {
        if (seen[i] == t) {
            return i;
        }
    }
    if (i < 8) {
        seen[i] = t;
    }
    return i;
}

static void who(const char *hook, const char *table, rtems_tcb *executing, rtems_tcb *other)
{
    printf("%s %s: executing ", table, hook);
    if (executing == NULL) {
        printf("NULL");
    } else {
        printf("T%d", label(executing));
    }
    if (other != NULL) {
        printf(", T%d", label(other));
    }
    printf("\n");
}

static bool initial_create(rtems_tcb *executing, rtems_tcb *created)
{
    who("create", "initial", executing, created);
    return true;
}

static void initial_start(rtems_tcb *executing, rtems_tcb *started)
{
    who("start", "initial", executing, started);
}

static void initial_restart(rtems_tcb *executing, rtems_tcb *restarted)
{
    who("restart", "initial", executing, restarted);
}

static void initial_delete(rtems_tcb *executing, rtems_tcb *deleted)
{
    who("delete", "initial", executing, deleted);
}

static void initial_begin(rtems_tcb *executing)
{
    who("begin", "initial", executing, NULL);
}

static void initial_exitted(rtems_tcb *executing)
{
    who("exitted", "initial", executing, NULL);
}

static void initial_fatal(rtems_fatal_source source, bool always_false, rtems_fatal_code code)
{
    printf("initial fatal: source %d, %s, code %" PRIu32 "\n", (int)source,
           always_false ? "true" : "false", code);
    fflush(stdout);
    if (source != RTEMS_FATAL_SOURCE_EXIT) {
        rtems_shutdown_executive(0);
    }
}

static bool dynamic_create(rtems_tcb *executing, rtems_tcb *created)
{
    who("create", "dynamic", executing, created);
    return !refuse;
}

static void dynamic_delete(rtems_tcb *executing, rtems_tcb *deleted)
{
    who("delete", "dynamic", executing, deleted);
}

static void dynamic_switch(rtems_tcb *executing, rtems_tcb *heir)
{
    (void)executing;
    (void)heir;
    if (count_switches) {
        switches++;
    }
}

static void dynamic_terminate(rtems_tcb *executing)
{
    who("terminate", "dynamic", executing, NULL);
}

static const rtems_extensions_table dynamic = {
    .thread_create = dynamic_create,
    .thread_delete = dynamic_delete,
    .thread_switch = dynamic_switch,
    .thread_terminate = dynamic_terminate,
};

static void show(const char *what, rtems_status_code status)
{
    printf("%s: %s\n", what, rtems_status_text(status));
}

static rtems_task short_task(rtems_task_argument arg)
{
    printf("short task runs (%d)\n", (int)arg);
    if (arg == 2) {
        return; /* exitted */
    }
    (void)rtems_task_suspend(RTEMS_SELF);
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_id ext, other, id, task;

    (void)arg;
    printf("*** BEGIN OF EXT01 ***\n");
    show("create bad name", rtems_extension_create(0, &dynamic, &ext));
    show("create NULL table", rtems_extension_create(NAME('E', 'X', 'T', '1'), NULL, &ext));
    show("create NULL id", rtems_extension_create(NAME('E', 'X', 'T', '1'), &dynamic, NULL));
    show("create", rtems_extension_create(NAME('E', 'X', 'T', '1'), &dynamic, &ext));
    printf("extension id 0x%08" PRIxrtems_id "\n", ext);
    show("create too many", rtems_extension_create(NAME('E', 'X', 'T', '2'), &dynamic, &other));
    show("ident", rtems_extension_ident(NAME('E', 'X', 'T', '1'), &id));
    printf("ident matches: %s\n", id == ext ? "yes" : "no");
    show("ident unknown", rtems_extension_ident(NAME('N', 'O', 'N', 'E'), &id));
    show("ident NULL", rtems_extension_ident(NAME('E', 'X', 'T', '1'), NULL));
    show("delete bad id", rtems_extension_delete(0));

    show("task create", rtems_task_create(NAME('T', 'S', 'K', '1'), 5, 0, 0, 0, &task));
    count_switches = true;
    show("task start", rtems_task_start(task, short_task, 1));
    count_switches = false;
    printf("switches while it ran: %s\n", switches >= 2 ? "at least two" : "too few");
    show("task restart", rtems_task_restart(task, 1));
    show("task delete", rtems_task_delete(task));

    refuse = true;
    show("task create refused", rtems_task_create(NAME('T', 'S', 'K', '2'), 5, 0, 0, 0, &task));
    refuse = false;

    show("extension delete", rtems_extension_delete(ext));
    show("extension delete again", rtems_extension_delete(ext));
    show("task create", rtems_task_create(NAME('T', 'S', 'K', '3'), 5, 0, 0, 0, &task));
    fflush(stdout);
    (void)rtems_task_start(task, short_task, 2);
    printf("not reached\n");
    exit(1);
}

#define CONFIGURE_APPLICATION_DOES_NOT_NEED_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MAXIMUM_TASKS           2
#define CONFIGURE_MAXIMUM_USER_EXTENSIONS 1
#define CONFIGURE_INIT_TASK_PRIORITY      10
#define CONFIGURE_INIT_TASK_INITIAL_MODES RTEMS_PREEMPT
#define CONFIGURE_INITIAL_EXTENSIONS                                                               \
    {                                                                                              \
        .thread_create = initial_create, .thread_start = initial_start,                            \
        .thread_restart = initial_restart, .thread_delete = initial_delete,                        \
        .thread_begin = initial_begin, .thread_exitted = initial_exitted, .fatal = initial_fatal,  \
    }
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
