/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RTEMS Classic API directive costs, in the spirit of RTEMS's tmtests: the
 * same source is linked with the pv port (a partition) and with the native
 * port (bare x86, ring 0), so the ratio of the two is the price of
 * para-virtualization. On SPARC there is only the pv port (and the clock is
 * a hypercall: lib/tsc.h). Each measure takes SAMPLES per-operation TSC samples
 * in rounds of ROUND operations; every round starts right after a clock
 * tick and ends well before the next, so no tick interrupt falls inside a
 * round, and the kernel entries counted over the rounds are the
 * operations' own.
 */
#include <stddef.h>
#include <rtems.h>
#include <rtems/bspIo.h>

#include "../lib/samples.h"
#include "../lib/tsc.h"
#include "bench_port.h"

#define SAMPLES 10000
#define ROUND   500

static uint32_t a[SAMPLES], b[SAMPLES];
static uint32_t ov; /* instructions of an empty timed region */
static uint32_t entries, rounds_ticks;
static rtems_id sem, queue, timer, high;
static volatile uint32_t t_mark, t_isr;
static volatile uint32_t n_done;

enum mode { SEM, MSG, EVENT, ISR };
static volatile enum mode high_mode;

/* The timing overhead (bench/lib/tsc.h), and on a coarse clock its mean. */
static void calibrate(void)
{
    uint32_t sum;

    ov = bench_timing_overhead(&sum);
    if (BENCH_CLOCK_QUANTUM > 1) {
        samples_fact(printk, "timing", "overhead_mean_milli", sum);
    }
}

/* Waits for a tick so that the round that follows has a whole tick. */
static void round_start(void)
{
    rtems_interval t = rtems_clock_get_ticks_since_boot();

    rtems_task_wake_after(1);
    rounds_ticks += rtems_clock_get_ticks_since_boot() - t;
    entries -= bench_entries();
}

static void round_end(void)
{
    entries += bench_entries();
}

static void report(const char *name, uint32_t *v)
{
    samples_report(printk, name, v, SAMPLES);
    samples_fact(printk, name, "entries", entries);
    samples_fact(printk, name, "ops", SAMPLES);
}

/* Measures of one operation pass no second name. */
static void report_if(const char *name, uint32_t *v)
{
    if (name) {
        report(name, v);
    }
}

/* Times op1 into a[] and op2 into b[] for every sample. */
#define MEASURE2(name1, op1, name2, op2)                                                           \
    do {                                                                                           \
        entries = 0;                                                                               \
        for (uint32_t r = 0; r < SAMPLES; r += ROUND) {                                            \
            round_start();                                                                         \
            for (uint32_t i = r; i < r + ROUND; i++) {                                             \
                uint32_t t0, t1, t2;                                                               \
                bench_dither(i);                                                                   \
                t0 = bench_tsc32();                                                                \
                op1;                                                                               \
                t1 = bench_tsc32();                                                                \
                op2;                                                                               \
                t2 = bench_tsc32();                                                                \
                a[i] = t1 - t0 - ov;                                                               \
                b[i] = t2 - t1 - ov;                                                               \
            }                                                                                      \
            round_end();                                                                           \
        }                                                                                          \
        report(name1, a);                                                                          \
        report_if(name2, b);                                                                       \
    } while (0)

static rtems_timer_service_routine on_timer(rtems_id id, void *arg)
{
    (void)id;
    (void)arg;
}

static rtems_isr on_trigger(rtems_vector_number v)
{
    (void)v;
    t_isr = bench_tsc32();
    if (high_mode == ISR) {
        rtems_event_send(high, RTEMS_EVENT_1);
    }
}

/* The higher-priority task: blocks in the directive under test; when the
 * low task (Init) unblocks it, it records how long that took since t_mark,
 * marks the time it blocks again, and blocks. */
static rtems_task high_task(rtems_task_argument arg)
{
    (void)arg;
    for (;;) {
        rtems_event_set ev;
        uint32_t t, n = n_done;
        size_t size;
        uint32_t msg;

        t_mark = bench_tsc32();
        switch (high_mode) {
        case SEM:
            rtems_semaphore_obtain(sem, RTEMS_WAIT, RTEMS_NO_TIMEOUT);
            break;
        case MSG:
            rtems_message_queue_receive(queue, &msg, &size, RTEMS_WAIT, RTEMS_NO_TIMEOUT);
            break;
        case EVENT:
        case ISR:
            rtems_event_receive(RTEMS_EVENT_1, RTEMS_WAIT | RTEMS_EVENT_ANY, RTEMS_NO_TIMEOUT, &ev);
            break;
        }
        t = bench_tsc32();
        if (n < SAMPLES) {
            a[n] = (high_mode == ISR ? t - t_isr : t - t_mark) - ov;
        }
        n_done = n + 1;
    }
}

typedef void (*wake_fn)(void);
static wake_fn current_wake;

static void wake_sem(void)
{
    rtems_semaphore_release(sem);
}

static void wake_msg(void)
{
    uint32_t msg = 0;

    rtems_message_queue_send(queue, &msg, sizeof(msg));
}

static void wake_event(void)
{
    rtems_event_send(high, RTEMS_EVENT_1);
}

/* One blocking hand-over per sample: Init (low priority) calls wake with
 * t_mark set; high records wake -> high running into a[] (for ISR: ISR
 * entry -> high running); Init records high blocking again -> Init running
 * into b[] (for ISR: trigger -> ISR entry). */
static void handover(const char *name1, const char *name2, enum mode mode, wake_fn wake)
{
    high_mode = mode;
    if (current_wake) {
        /* Unblock high once more in the old mode: it loops and blocks in
         * the new one. The sample it takes is dropped (n_done). */
        n_done = SAMPLES;
        current_wake();
    }
    current_wake = wake;
    n_done = 0;
    entries = 0;
    for (uint32_t r = 0; r < SAMPLES; r += ROUND) {
        round_start();
        for (uint32_t i = r; i < r + ROUND; i++) {
            uint32_t t0, t1;

            bench_dither(i);
            t0 = bench_tsc32();
            t_mark = t0;
            wake();
            t1 = bench_tsc32();
            b[i] = (mode == ISR ? t_isr - t0 : t1 - t_mark) - ov;
        }
        round_end();
    }
    report(name1, a);
    report(name2, b);
}

static void single_task(void)
{
    rtems_interrupt_level level;
    rtems_event_set ev;
    volatile uint64_t sink;
    uint32_t msg = 0;
    size_t size;

    MEASURE2("irq_pair", rtems_interrupt_local_disable(level);
             rtems_interrupt_local_enable(level), NULL, (void)0);
    MEASURE2("clock_uptime", sink = rtems_clock_get_uptime_nanoseconds(), NULL, (void)0);
    MEASURE2("sem_release", rtems_semaphore_release(sem), "sem_obtain",
             rtems_semaphore_obtain(sem, RTEMS_NO_WAIT, 0));
    MEASURE2("msg_send", rtems_message_queue_send(queue, &msg, sizeof(msg)), "msg_receive",
             rtems_message_queue_receive(queue, &msg, &size, RTEMS_NO_WAIT, 0));
    MEASURE2("event_send", rtems_event_send(RTEMS_SELF, RTEMS_EVENT_1), "event_receive",
             rtems_event_receive(RTEMS_EVENT_1, RTEMS_NO_WAIT | RTEMS_EVENT_ANY, 0, &ev));
    MEASURE2("timer_fire_after", rtems_timer_fire_after(timer, 100, on_timer, NULL), "timer_cancel",
             rtems_timer_cancel(timer));
    MEASURE2("clock_tick", rtems_clock_tick(), NULL, (void)0);
    MEASURE2("isr_null", bench_trigger(), NULL, (void)0);
    MEASURE2("isr_null_fast", bench_trigger_fast(), NULL, (void)0);
    (void)sink;
}

rtems_task Init(rtems_task_argument arg)
{
    rtems_status_code sc;

    (void)arg;
    printk("bench tm start\n");
    calibrate();
    samples_fact(printk, "timing", "overhead", ov);
    bench_port_extras();
    sc = rtems_semaphore_create(rtems_build_name('S', 'E', 'M', 'B'), 0,
                                RTEMS_COUNTING_SEMAPHORE | RTEMS_PRIORITY, 0, &sem);
    sc |= rtems_message_queue_create(rtems_build_name('Q', 'U', 'E', 'B'), 1, sizeof(uint32_t),
                                     RTEMS_FIFO, &queue);
    sc |= rtems_timer_create(rtems_build_name('T', 'M', 'R', 'B'), &timer);
    sc |= bench_trigger_attach(on_trigger);
    sc |= rtems_task_create(rtems_build_name('H', 'I', 'G', 'H'), 5, RTEMS_MINIMUM_STACK_SIZE,
                            RTEMS_DEFAULT_MODES, RTEMS_DEFAULT_ATTRIBUTES, &high);
    if (sc != RTEMS_SUCCESSFUL) {
        printk("bench tm setup failed\n");
        rtems_shutdown_executive(1);
    }
    single_task();
    /* high preempts Init at once and blocks on the semaphore. */
    rtems_task_start(high, high_task, 0);
    handover("sem_release_switch", "sem_obtain_block_switch", SEM, wake_sem);
    handover("msg_send_switch", "msg_receive_block_switch", MSG, wake_msg);
    handover("event_send_switch", "event_receive_block_switch", EVENT, wake_event);
    handover("isr_to_task", "isr_entry", ISR, bench_trigger_fast);
    samples_fact(printk, "tm", "ticks_waited", rounds_ticks);
    printk("bench tm done\n");
    rtems_shutdown_executive(0);
}

#define CONFIGURE_APPLICATION_NEEDS_SIMPLE_CONSOLE_DRIVER
#define CONFIGURE_APPLICATION_NEEDS_CLOCK_DRIVER
#define CONFIGURE_MICROSECONDS_PER_TICK   10000
#define CONFIGURE_MAXIMUM_TASKS           2
#define CONFIGURE_MAXIMUM_SEMAPHORES      1
#define CONFIGURE_MAXIMUM_MESSAGE_QUEUES  1
#define CONFIGURE_MAXIMUM_TIMERS          1
#define CONFIGURE_MESSAGE_BUFFER_MEMORY   CONFIGURE_MESSAGE_BUFFERS_FOR_QUEUE(1, sizeof(uint32_t))
#define CONFIGURE_INIT_TASK_PRIORITY      10
#define CONFIGURE_INIT_TASK_INITIAL_MODES RTEMS_DEFAULT_MODES
#define CONFIGURE_RTEMS_INIT_TASKS_TABLE
#define CONFIGURE_INIT
#include <rtems/confdefs.h>
