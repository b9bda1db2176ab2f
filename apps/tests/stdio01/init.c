/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * stdio from several tasks: newlib's stream locks on the executive's
 * mutexes (guest/libc/locks.c).
 *
 * 1. Two timesliced tasks print the same long line to stdout, many times
 *    each: every line must come out whole (their order does not show).
 * 2. The same on a stream of our own whose write function is slow and the
 *    stream unbuffered, so that a line is written in pieces and the tasks
 *    are preempted in the middle of lines: each task's lines must come out
 *    whole and in order.
 * 3. A task blocks (on an event) inside the write function, in the middle
 *    of a line, holding the stream's lock: a more important task that
 *    writes to the stream waits until the line is complete, and lends the
 *    holder its priority meanwhile.
 * 4. flockfile, ftrylockfile and funlockfile around a blocking call.
 *
 * Without stream locks, 1, 2 and 3 print broken lines or wrong results.
 * Only for newlib (native and pv ports): the host port's glibc locks its
 * streams per process thread, and there all tasks share one.
 */
#define _GNU_SOURCE
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME(a, b, c, d) rtems_build_name(a, b, c, d)

#define CONSOLE_LINES   40 /* per task */
#define STREAM_LINES    30 /* per task */
#define PATTERN_LENGTH  48
#define WORKER_PRIORITY 5

/* ---- A stream that writes into memory --------------------------------- */

static char text[16384];
static size_t text_length;
static volatile unsigned delay_per_byte;
/* Part 3: the first write by this task blocks (holding the stream lock). */
static volatile rtems_id block_in_write;
static rtems_id init_id;

/* Tells Init "I am blocked where you wanted me", waits for its go-ahead. */
static void block_until_told(void)
{
    rtems_event_set events;

    (void)rtems_event_send(init_id, RTEMS_EVENT_0);
    (void)rtems_event_receive(RTEMS_EVENT_1, RTEMS_EVENT_ALL | RTEMS_WAIT, RTEMS_NO_TIMEOUT,
                              &events);
}

static ssize_t memory_write(void *cookie, const char *buf, size_t n)
{
    (void)cookie;
    if (block_in_write != RTEMS_ID_NONE && block_in_write == rtems_task_self()) {
        block_in_write = RTEMS_ID_NONE;
        block_until_told();
    }
    for (size_t i = 0; i < n; i++) {
        for (volatile unsigned d = 0; d < delay_per_byte; d++) {
        }
        if (text_length < sizeof(text) - 1) {
            text[text_length++] = buf[i];
        }
    }
    return (ssize_t)n;
}

static FILE *memory_stream(void)
{
    cookie_io_functions_t io = {.read = NULL, .write = memory_write, .seek = NULL, .close = NULL};
    FILE *f = fopencookie(NULL, "w", io);

    if (f == NULL || setvbuf(f, NULL, _IONBF, 0) != 0) {
        printf("cannot open a memory stream\n");
        exit(1);
    }
    text_length = 0;
    return f;
}

/* ---- Workers ------------------------------------------------------------ */

static volatile int finished;
static FILE *shared;
static volatile int progress[2];
static volatile int saw_other_mid_run[2];

static void pattern(char *out, char c)
{
    memset(out, c, PATTERN_LENGTH);
    out[PATTERN_LENGTH] = '\0';
}

static rtems_task console_worker(rtems_task_argument arg)
{
    char half[PATTERN_LENGTH + 1];

    (void)arg;
    pattern(half, '=');
    for (int i = 0; i < CONSOLE_LINES; i++) {
        printf("%s|%s|%s\n", half, "both tasks print this very line", half);
    }
    finished++;
    rtems_task_exit();
}

static rtems_task stream_worker(rtems_task_argument arg)
{
    int me = (int)arg;
    char c = (char)('A' + me);
    char body[PATTERN_LENGTH + 1];
    int other_at_start = -1;

    pattern(body, c);
    for (int i = 0; i < STREAM_LINES; i++) {
        if (i == 1) {
            other_at_start = progress[1 - me];
        }
        /* Several pieces, each written separately: the stream has no buffer. */
        fprintf(shared, "%c%02d %s %s %c\n", c, i, body, body, c);
        progress[me] = i + 1;
    }
    saw_other_mid_run[me] = progress[1 - me] != other_at_start;
    finished++;
    rtems_task_exit();
}

static rtems_task holder(rtems_task_argument arg)
{
    (void)arg;
    block_in_write = rtems_task_self();
    fprintf(shared, "%s %s\n", "low:", "a line in which its task blocks");
    finished++;
    rtems_task_exit();
}

static rtems_task waiter(rtems_task_argument arg)
{
    (void)arg;
    fprintf(shared, "%s %s\n", "high:", "a line written by the more important task");
    finished++;
    rtems_task_exit();
}

static volatile int trylock_result;

static rtems_task locker(rtems_task_argument arg)
{
    (void)arg;
    flockfile(shared);
    fputs("locker: one ", shared);
    block_until_told();
    fputs("line\n", shared);
    funlockfile(shared);
    finished++;
    rtems_task_exit();
}

static rtems_task contender(rtems_task_argument arg)
{
    (void)arg;
    trylock_result = ftrylockfile(shared);
    fputs("contender: its own line\n", shared);
    finished++;
    rtems_task_exit();
}

static rtems_id start(char c, rtems_task_priority priority, rtems_task_entry entry,
                      rtems_task_argument arg)
{
    rtems_id id;
    rtems_status_code status = rtems_task_create(NAME('W', 'K', 'R', c), priority,
                                                 RTEMS_MINIMUM_STACK_SIZE, RTEMS_TIMESLICE, 0, &id);

    if (status == RTEMS_SUCCESSFUL) {
        status = rtems_task_start(id, entry, arg);
    }
    if (status != RTEMS_SUCCESSFUL) {
        printf("cannot start a task: %s\n", rtems_status_text(status));
        exit(1);
    }
    return id;
}

/* Lets the lower priority tasks run until all of them are blocked. */
static void let_them_run(void)
{
    (void)rtems_task_wake_after(1);
}

/* Waits until a task is blocked where it tells Init. */
static void wait_until_blocked(void)
{
    rtems_event_set events;

    (void)rtems_event_receive(RTEMS_EVENT_0, RTEMS_EVENT_ALL | RTEMS_WAIT, RTEMS_NO_TIMEOUT,
                              &events);
}

static void wait_for(int count)
{
    while (finished < count) {
        (void)rtems_task_wake_after(1);
    }
    finished = 0;
}

/* ---- Checks --------------------------------------------------------------- */

/* Counts the lines of text that are exactly what stream_worker prints. */
static void check_stream_lines(void)
{
    int intact = 0;
    int broken = 0;
    int next[2] = {0, 0};
    const char *line = text;

    text[text_length] = '\0';
    while (*line != '\0') {
        const char *end = strchr(line, '\n');
        size_t length = end != NULL ? (size_t)(end - line) : strlen(line);
        char want[2 * PATTERN_LENGTH + 16] = "";
        int who = line[0] == 'A' ? 0 : line[0] == 'B' ? 1 : -1;

        if (who >= 0) {
            char body[PATTERN_LENGTH + 1];

            pattern(body, line[0]);
            snprintf(want, sizeof(want), "%c%02d %s %s %c", line[0], next[who], body, body,
                     line[0]);
        }
        if (who >= 0 && length == strlen(want) && memcmp(line, want, length) == 0) {
            intact++;
            next[who]++;
        } else {
            if (broken++ < 2) {
                printf("broken line: %.*s\n", (int)length, line);
            }
        }
        line += length + (end != NULL ? 1 : 0);
    }
    printf("stream: %d lines intact, %d broken; A wrote %d, B wrote %d\n", intact, broken, next[0],
           next[1]);
    printf("stream: each task ran while the other was in the middle of its lines: %s\n",
           saw_other_mid_run[0] && saw_other_mid_run[1] ? "yes" : "no");
}

rtems_task Init(rtems_task_argument ignored)
{
    rtems_task_priority priority = 0;
    rtems_id low;

    (void)ignored;
    init_id = rtems_task_self();
    printf("*** BEGIN OF STDIO01 ***\n");

    /* 1. The console. */
    (void)start('A', WORKER_PRIORITY, console_worker, 0);
    (void)start('B', WORKER_PRIORITY, console_worker, 1);
    wait_for(2);

    /* 2. A slow unbuffered stream. */
    shared = memory_stream();
    delay_per_byte = 200;
    (void)start('A', WORKER_PRIORITY, stream_worker, 0);
    (void)start('B', WORKER_PRIORITY, stream_worker, 1);
    wait_for(2);
    check_stream_lines();
    fclose(shared);

    /* 3. Blocking while holding the lock. */
    shared = memory_stream();
    delay_per_byte = 0;
    low = start('L', WORKER_PRIORITY, holder, 0);
    wait_until_blocked(); /* in the middle of its line */
    (void)start('H', WORKER_PRIORITY - 1, waiter, 0);
    let_them_run(); /* the waiter waits for the stream */
    (void)rtems_task_set_priority(low, RTEMS_CURRENT_PRIORITY, &priority);
    printf("holder's priority while the waiter waits: %" PRIu32 " (its own: %d)\n", priority,
           WORKER_PRIORITY);
    (void)rtems_event_send(low, RTEMS_EVENT_1);
    wait_for(2);
    text[text_length] = '\0';
    printf("stream:\n%s", text);
    fclose(shared);

    /* 4. flockfile. */
    shared = memory_stream();
    low = start('K', WORKER_PRIORITY, locker, 0);
    wait_until_blocked(); /* with the stream locked */
    (void)start('C', WORKER_PRIORITY - 1, contender, 0);
    let_them_run(); /* the contender tries, then waits */
    (void)rtems_event_send(low, RTEMS_EVENT_1);
    wait_for(2);
    printf("ftrylockfile while locked: %s\n", trylock_result != 0 ? "busy" : "acquired");
    printf("ftrylockfile when free: %s\n", ftrylockfile(shared) == 0 ? "acquired" : "busy");
    funlockfile(shared);
    text[text_length] = '\0';
    printf("stream:\n%s", text);
    fclose(shared);

    printf("*** END OF STDIO01 ***\n");
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK 100
#define CONFIGURE_TICKS_PER_TIMESLICE   1
#define CONFIGURE_MAXIMUM_TASKS         4
#define CONFIGURE_INIT_TASK_PRIORITY    1
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
