/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RTEMS 6 behaviours that RTEMS's own sp04 and sp07 check
 * (docs/compatibility.md):
 *
 * 1. A non-preemptible task that became the heir keeps that place until it
 *    runs: a more important task made ready after it, before the switch
 *    (in an interrupt, or by the same directive), waits until the
 *    non-preemptible one blocks (sp04, RTEMS's uniprocessor heir rule).
 * 2. The restart hooks run in the context of the restarted task, when it
 *    next runs (sp07).
 * 3. A deleted task is a zombie: its id is invalid at once, but its delete
 *    hooks run (in another task's context) when the next task is created;
 *    a task deleted before it was started gets no terminate hooks; a task
 *    refused by a create hook gets the delete hooks (sp07).
 */
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

static rtems_id init_id;

static void check(const char *what, rtems_status_code status, rtems_status_code want)
{
    if (status != want) {
        printf("%s: %s, want %s\n", what, rtems_status_text(status), rtems_status_text(want));
        exit(1);
    }
}

static const char *name_of(const rtems_tcb *t)
{
    static char names[2][5];
    static int which;
    char *s = names[which++ & 1];
    uint32_t n = t->Object.name.name_u32;

    int length = 0;

    for (int i = 0; i < 4; i++) {
        s[i] = (char)(n >> (24 - 8 * i));
        if (s[i] != ' ') {
            length = i + 1;
        }
    }
    s[length] = '\0';
    return s;
}

/* Hooks print only for the tasks of this test, named T... */
static bool ours(const rtems_tcb *t)
{
    return t != NULL && (t->Object.name.name_u32 >> 24) == 'T';
}

/* Ids and names of the tasks the create hook saw: a deleted task has no
 * name any more when its delete hooks run (nor in RTEMS: _Objects_Close). */
static struct {
    rtems_id id;
    char name[5];
} seen[8];
static int seen_count;

static const char *deleted_name(const rtems_tcb *t)
{
    for (int i = seen_count - 1; i >= 0; i--) {
        if (seen[i].id == t->Object.id) {
            return seen[i].name;
        }
    }
    return NULL;
}

static bool create_hook(rtems_tcb *executing, rtems_tcb *created)
{
    if (ours(created)) {
        if (seen_count < (int)(sizeof(seen) / sizeof(seen[0]))) {
            seen[seen_count].id = created->Object.id;
            for (int i = 0; i < 5; i++) {
                seen[seen_count].name[i] = name_of(created)[i];
            }
            seen_count++;
        }
        printf("create hook: executing %s, created %s\n", name_of(executing), name_of(created));
    }
    return created->Object.name.name_u32 != NAME('T', 'N', 'O', ' ');
}

static void restart_hook(rtems_tcb *executing, rtems_tcb *restarted)
{
    if (ours(restarted)) {
        printf("restart hook: executing %s, restarted %s\n", name_of(executing),
               name_of(restarted));
    }
}

static void delete_hook(rtems_tcb *executing, rtems_tcb *deleted)
{
    const char *name = deleted_name(deleted);

    if (name != NULL) {
        printf("delete hook: executing %s, deleted %s\n", name_of(executing), name);
    }
}

static void terminate_hook(rtems_tcb *executing)
{
    if (ours(executing)) {
        printf("terminate hook: %s\n", name_of(executing));
    }
}

static const rtems_extensions_table hooks = {
    .thread_create = create_hook,
    .thread_restart = restart_hook,
    .thread_delete = delete_hook,
    .thread_terminate = terminate_hook,
};

static rtems_id create(char c, rtems_task_priority priority, rtems_mode modes)
{
    rtems_id id;

    check("create",
          rtems_task_create(NAME('T', c, ' ', ' '), priority, RTEMS_MINIMUM_STACK_SIZE, modes,
                            RTEMS_DEFAULT_ATTRIBUTES, &id),
          RTEMS_SUCCESSFUL);
    return id;
}

static void wait_done(void)
{
    rtems_event_set events;

    (void)rtems_event_receive(RTEMS_EVENT_0, RTEMS_EVENT_ALL | RTEMS_WAIT, RTEMS_NO_TIMEOUT,
                              &events);
}

/* ---- 1. The non-preemptible heir ---------------------------------------- */

static rtems_id low_id, high_id, sem_id;

static rtems_task low_task(rtems_task_argument arg)
{
    if (arg == 1) {
        (void)rtems_semaphore_obtain(sem_id, RTEMS_WAIT, RTEMS_NO_TIMEOUT);
    }
    printf("heir: non-preemptible low runs\n");
    (void)rtems_task_suspend(RTEMS_SELF);
}

static rtems_task high_task(rtems_task_argument arg)
{
    if (arg == 1) {
        (void)rtems_semaphore_obtain(sem_id, RTEMS_WAIT, RTEMS_NO_TIMEOUT);
    }
    printf("heir: high runs\n");
    (void)rtems_event_send(init_id, RTEMS_EVENT_0);
    (void)rtems_task_suspend(RTEMS_SELF);
}

static rtems_timer_service_routine start_both(rtems_id timer, void *arg)
{
    (void)timer;
    (void)arg;
    check("start low", rtems_task_start(low_id, low_task, 0), RTEMS_SUCCESSFUL);
    check("start high", rtems_task_start(high_id, high_task, 0), RTEMS_SUCCESSFUL);
}

static void heir(void)
{
    rtems_id timer;
    rtems_mode mode;

    /* In an interrupt: low (8, non-preemptible) then high (5) get ready. */
    high_id = create('H', 5, RTEMS_PREEMPT);
    low_id = create('L', 8, RTEMS_NO_PREEMPT);
    check("timer create", rtems_timer_create(NAME('T', 'I', 'M', ' '), &timer), RTEMS_SUCCESSFUL);
    check("fire after", rtems_timer_fire_after(timer, 1, start_both, NULL), RTEMS_SUCCESSFUL);
    wait_done();
    check("delete high", rtems_task_delete(high_id), RTEMS_SUCCESSFUL);
    check("delete low", rtems_task_delete(low_id), RTEMS_SUCCESSFUL);
    (void)rtems_timer_delete(timer);

    /* One directive readies both: a flush of a FIFO semaphore on which the
     * non-preemptible task waits first, by a preemptible task (the Init
     * task is not preemptible by default). */
    check("mode", rtems_task_mode(RTEMS_PREEMPT, RTEMS_PREEMPT_MASK, &mode), RTEMS_SUCCESSFUL);
    check("sem create",
          rtems_semaphore_create(NAME('S', 'E', 'M', ' '), 0, RTEMS_FIFO | RTEMS_COUNTING_SEMAPHORE,
                                 0, &sem_id),
          RTEMS_SUCCESSFUL);
    low_id = create('L', 8, RTEMS_NO_PREEMPT);
    check("start low", rtems_task_start(low_id, low_task, 1), RTEMS_SUCCESSFUL);
    high_id = create('H', 5, RTEMS_PREEMPT);
    check("start high", rtems_task_start(high_id, high_task, 1), RTEMS_SUCCESSFUL);
    printf("heir: flush\n");
    check("flush", rtems_semaphore_flush(sem_id), RTEMS_SUCCESSFUL);
    wait_done();
    check("delete high", rtems_task_delete(high_id), RTEMS_SUCCESSFUL);
    check("delete low", rtems_task_delete(low_id), RTEMS_SUCCESSFUL);
}

/* ---- 2. and 3. Restart and delete hooks ----------------------------------- */

static rtems_task sleeper(rtems_task_argument arg)
{
    rtems_event_set events;

    printf("TA runs with argument %u\n", (unsigned)arg);
    (void)rtems_event_receive(RTEMS_EVENT_1, RTEMS_EVENT_ALL | RTEMS_WAIT, RTEMS_NO_TIMEOUT,
                              &events);
}

static rtems_task exiter(rtems_task_argument arg)
{
    (void)arg;
    printf("TX exits\n");
    (void)rtems_event_send(init_id, RTEMS_EVENT_0);
    rtems_task_exit();
}

static void life(void)
{
    rtems_task_priority priority;
    rtems_id ext, a, id;

    check("extension", rtems_extension_create(NAME('E', 'X', 'T', ' '), &hooks, &ext),
          RTEMS_SUCCESSFUL);
    a = create('A', 20, RTEMS_DEFAULT_MODES);
    check("start A", rtems_task_start(a, sleeper, 0), RTEMS_SUCCESSFUL);
    (void)rtems_task_wake_after(1);
    check("restart A", rtems_task_restart(a, 1), RTEMS_SUCCESSFUL);
    printf("restart returned\n");
    (void)rtems_task_wake_after(1);

    check("delete A", rtems_task_delete(a), RTEMS_SUCCESSFUL);
    printf("delete A returned\n");
    check("A gone", rtems_task_get_priority(a, RTEMS_CURRENT_PRIORITY, &priority),
          RTEMS_INVALID_ID);
    check("A unknown", rtems_task_ident(NAME('T', 'A', ' ', ' '), RTEMS_SEARCH_ALL_NODES, &id),
          RTEMS_INVALID_NAME);
    id = create('D', 20, RTEMS_DEFAULT_MODES);
    check("delete dormant D", rtems_task_delete(id), RTEMS_SUCCESSFUL);
    printf("delete D returned\n");

    id = create('X', 20, RTEMS_DEFAULT_MODES);
    check("start X", rtems_task_start(id, exiter, 0), RTEMS_SUCCESSFUL);
    wait_done();
    (void)rtems_task_wake_after(1);
    check("create refused",
          rtems_task_create(NAME('T', 'N', 'O', ' '), 20, RTEMS_MINIMUM_STACK_SIZE,
                            RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &id),
          RTEMS_UNSATISFIED);
    printf("create refused returned\n");
}

rtems_task Init(rtems_task_argument arg)
{
    (void)arg;
    init_id = rtems_task_self();
    printf("*** BEGIN OF COMPAT02 ***\n");
    heir();
    life();
    printf("*** END OF COMPAT02 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK   10000
#define CONFIGURE_MAXIMUM_TASKS           4
#define CONFIGURE_MAXIMUM_TIMERS          1
#define CONFIGURE_MAXIMUM_SEMAPHORES      1
#define CONFIGURE_MAXIMUM_USER_EXTENSIONS 1
#define CONFIGURE_INIT_TASK_PRIORITY      10
#define CONFIGURE_INIT_TASK_NAME          NAME('I', 'N', 'I', 'T')
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
