/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Software interrupts raised in the partition (tessera_interrupt_raise,
 * <tessera/irq.h>) against what a line the kernel raises does: run at once
 * when interrupts are enabled, held while they are disabled and run at the
 * enable (the interrupt API, a task mode), after the handler that raised
 * them (never nested in it), once however often raised, lowest line first,
 * with the thread dispatch an interrupt ends with, and without entering the
 * kernel. Each handler appends letters to a log; each check compares the
 * log with what must have happened by then and prints "check NAME: ok" or
 * "check NAME: FAIL ..." (tests/system/test_rtems_softirq.py).
 */
#include <pv/pv.h>
#include <rtems.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tessera/irq.h>

/* Lines the kernel never raises (docs/pv-api.md: it uses 0-6). */
#define LINE_A      20u
#define LINE_B      21u
#define LINE_WAKE   22u
#define LINE_UNUSED 23u

static char log_buf[32];
static volatile unsigned log_len;
static volatile unsigned depth, max_depth;
static volatile int a_raises_b, a_raises_a, a_saw_isr;
static rtems_id high, timer;
static int failures;

static void note(char c)
{
    if (log_len < sizeof(log_buf) - 1) {
        log_buf[log_len++] = c;
        log_buf[log_len] = '\0';
    }
}

static void log_reset(void)
{
    log_len = 0;
    log_buf[0] = '\0';
    max_depth = 0;
}

static void check(const char *name, const char *want)
{
    int ok = strcmp(log_buf, want) == 0 && max_depth <= 1;

    failures += !ok;
    if (ok) {
        printf("check %s: ok\n", name);
    } else {
        printf("check %s: FAIL: log \"%s\", want \"%s\", nesting %u\n", name, log_buf, want,
               max_depth);
    }
}

static void check_true(const char *name, int ok)
{
    failures += !ok;
    printf("check %s: %s\n", name, ok ? "ok" : "FAIL");
}

static void enter(char c)
{
    if (++depth > max_depth) {
        max_depth = depth;
    }
    note(c);
}

static rtems_isr isr_a(rtems_vector_number v)
{
    (void)v;
    enter('A');
    a_saw_isr = rtems_interrupt_is_in_progress();
    if (a_raises_b) {
        a_raises_b = 0;
        (void)tessera_interrupt_raise(LINE_B);
    }
    if (a_raises_a) {
        a_raises_a = 0;
        (void)tessera_interrupt_raise(LINE_A);
    }
    note('a');
    depth--;
}

static rtems_isr isr_b(rtems_vector_number v)
{
    (void)v;
    enter('B');
    note('b');
    depth--;
}

/* Wakes the higher-priority task: it must run when the interrupt ends. */
static rtems_isr isr_wake(rtems_vector_number v)
{
    (void)v;
    enter('W');
    (void)rtems_event_send(high, RTEMS_EVENT_1);
    note('w');
    depth--;
}

static rtems_task high_task(rtems_task_argument arg)
{
    (void)arg;
    for (;;) {
        rtems_event_set ev;

        (void)rtems_event_receive(RTEMS_EVENT_1, RTEMS_WAIT | RTEMS_EVENT_ANY, RTEMS_NO_TIMEOUT,
                                  &ev);
        note('T');
    }
}

/* A timer routine runs in the tick's interrupt, which the kernel raised. */
static volatile int routine_saw_isr;
static rtems_timer_service_routine on_timer(rtems_id id, void *arg)
{
    (void)id;
    (void)arg;
    routine_saw_isr = rtems_interrupt_is_in_progress();
    note('t');
    (void)tessera_interrupt_raise(LINE_A);
    note('u');
}

static void enabled_raises(void)
{
    log_reset();
    a_saw_isr = 0;
    (void)tessera_interrupt_raise(LINE_A);
    check("enabled: runs before the raise returns", "Aa");
    check_true("enabled: the handler runs in interrupt context", a_saw_isr);

    log_reset();
    a_raises_b = 1;
    (void)tessera_interrupt_raise(LINE_A);
    check("raised from a handler: runs after it, not nested", "AaBb");

    log_reset();
    a_raises_a = 1;
    (void)tessera_interrupt_raise(LINE_A);
    check("a handler raises its own line: runs again after it", "AaAa");

    log_reset();
    (void)tessera_interrupt_raise(LINE_WAKE);
    check("dispatch: the woken higher task runs when the interrupt ends", "WwT");
}

static void masked_raises(void)
{
    rtems_interrupt_level level;
    rtems_mode old;

    log_reset();
    rtems_interrupt_local_disable(level);
    (void)tessera_interrupt_raise(LINE_B);
    (void)tessera_interrupt_raise(LINE_A);
    (void)tessera_interrupt_raise(LINE_A);
    check("disabled: nothing runs", "");
    rtems_interrupt_local_enable(level);
    check("disabled: at the enable, once each, lowest line first", "AaBb");

    log_reset();
    rtems_interrupt_local_disable(level);
    (void)tessera_interrupt_raise(LINE_WAKE);
    rtems_interrupt_flash(level);
    check("flash: runs at the flash, the task after it", "WwT");
    rtems_interrupt_local_enable(level);

    log_reset();
    (void)rtems_task_mode(RTEMS_INTERRUPT_LEVEL(1), RTEMS_INTERRUPT_MASK, &old);
    (void)tessera_interrupt_raise(LINE_A);
    check("task mode level 1: nothing runs", "");
    (void)rtems_task_mode(RTEMS_INTERRUPT_LEVEL(0), RTEMS_INTERRUPT_MASK, &old);
    check("task mode level 0: runs at the mode change", "Aa");
}

static void from_kernel_interrupt(void)
{
    log_reset();
    routine_saw_isr = 0;
    (void)rtems_timer_fire_after(timer, 1, on_timer, NULL);
    (void)rtems_task_wake_after(3);
    check("raised in the tick's interrupt: runs at its end", "tuAa");
    check_true("the timer routine ran in interrupt context", routine_saw_isr);
}

static void refusals(void)
{
    check_true("refused: a line nothing caught",
               tessera_interrupt_raise(LINE_UNUSED) == RTEMS_INVALID_NUMBER);
    check_true("refused: the tick's line",
               tessera_interrupt_raise(PV_IRQ_TIMER) == RTEMS_INVALID_NUMBER);
    check_true("refused: past the lines",
               tessera_interrupt_raise(PV_IRQ_LINES) == RTEMS_INVALID_NUMBER);
}

/* No kernel entry: a tick may fall inside one try, not inside all. */
static void no_kernel(void)
{
    uint32_t least = ~0u;

    for (int i = 0; i < 5; i++) {
        uint32_t before = pv_shared()->kernel_entries;

        (void)tessera_interrupt_raise(LINE_A);
        uint32_t n = pv_shared()->kernel_entries - before;
        least = n < least ? n : least;
    }
    check_true("no kernel entry for a raise", least == 0);
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_isr_entry old;
    rtems_status_code sc;

    (void)arg;
    printf("softirq: start\n");
    sc = rtems_interrupt_catch(isr_a, LINE_A, &old);
    sc |= rtems_interrupt_catch(isr_b, LINE_B, &old);
    sc |= rtems_interrupt_catch(isr_wake, LINE_WAKE, &old);
    sc |= rtems_timer_create(rtems_build_name('T', 'M', 'R', 'S'), &timer);
    sc |= rtems_task_create(rtems_build_name('H', 'I', 'G', 'H'), 5, RTEMS_MINIMUM_STACK_SIZE,
                            RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &high);
    sc |= rtems_task_start(high, high_task, 0);
    if (sc != RTEMS_SUCCESSFUL) {
        printf("softirq: setup failed\n");
        exit(1);
    }
    enabled_raises();
    masked_raises();
    from_kernel_interrupt();
    refusals();
    no_kernel();
    printf("softirq: done, %d failed\n", failures);
    exit(0);
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK   1000
#define CONFIGURE_MAXIMUM_TASKS           2
#define CONFIGURE_MAXIMUM_TIMERS          1
#define CONFIGURE_INIT_TASK_PRIORITY      10
#define CONFIGURE_INIT_TASK_INITIAL_MODES RTEMS_DEFAULT_MODES
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
