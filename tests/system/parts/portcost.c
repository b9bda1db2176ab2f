/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The cost of the port hypercalls, in instructions under -icount, from a
 * partition whose ports are the same in a small and in the largest system
 * (tests/system/gen_ports_max.py): M (id 1) times each call; R (id 2)
 * checks that its port event still arrives; T (id 3) is restarted by M;
 * every other partition idles. All but M first log their share of HM
 * errors.
 * tests/system/test_port_costs.py compares the two systems: a cost that
 * grows with the configuration differs between them.
 */
#include <stddef.h>
#include "tp.h"
#include "lib/tsc.h"

/* Multiples of BENCH_CLOCK_QUANTUM: every tick phase. */
#define SAMPLES      250
#define SAMPLES_BIG  25
#define BIG          65536u
#define FLOOD_FRAMES 4
#define QUEUE_DEPTH  25u /* as in gen_ports_max.py */
#define LONGEST_NAME "a_port_name_of_31_characters_xx"
#define MISSING_NAME "no_such_port_here_at_all_123456"

static uint8_t big[BIG];
static uint32_t overhead;
static volatile uint32_t port_events;
static volatile uint64_t event_window;

static int32_t open_port(const char *name)
{
    uint32_t n = 0;

    while (name[n]) {
        n++;
    }
    return pv_port_open(name, n);
}

/* Times op SAMPLES times from the start of a window and prints the least
 * and greatest cost and the sum (SPARC's clock ticks every 25 instructions:
 * dithered, the mean is exact to about one instruction). */
#define MEASURE(name, samples, op)                                                                 \
    do {                                                                                           \
        uint32_t lo = 0xffffffffu, hi = 0, sum = 0, e0;                                            \
        int32_t last = 0;                                                                          \
        pv_idle();                                                                                 \
        e0 = pv_shared()->kernel_entries;                                                          \
        for (uint32_t i = 0; i < (samples); i++) {                                                 \
            uint32_t t0, c;                                                                        \
            bench_dither(i);                                                                       \
            t0 = bench_tsc32();                                                                    \
            last = (op);                                                                           \
            c = bench_tsc32() - t0 - overhead;                                                     \
            lo = c < lo ? c : lo;                                                                  \
            hi = c > hi ? c : hi;                                                                  \
            sum += c;                                                                              \
        }                                                                                          \
        tp_printf("cost %s: result %d min %u max %u sum %u entries %u\n", name, (int)last, lo, hi, \
                  sum, pv_shared()->kernel_entries - e0);                                          \
    } while (0)

/* Every other hypercall that returns, with the arguments that make it do
 * the most (docs/pv-api.md lists the largest system's figures). Not timed:
 * idle, halt and restart (they give the CPU away), upcall_return (timed as
 * part of the interrupt paths in make bench), a halt of a real partition
 * (only the first would halt it). T is restarted instead: it reloads in its
 * own window, after the measurements. */
static void measure_others(void)
{
    static char line[128];
    static struct pv_hm_entry log[64];
    struct pv_partition_status pst;
    struct pv_hm_log_status lst;
    uint64_t t;

    for (uint32_t i = 0; i < sizeof(line) - 1; i++) {
        line[i] = (char)('a' + i % 26);
    }
    line[sizeof(line) - 1] = '\n';
    MEASURE("console_write 128", 10, pv_console_write(line, sizeof(line)) == 128 ? 0 : -1);
    MEASURE("time_get", SAMPLES, pv_time_get(&t));
    MEASURE("irq_sync", SAMPLES, pv_hcall0(PV_HC_IRQ_SYNC));
    MEASURE("unknown number", SAMPLES, pv_hcall0(PV_HC_COUNT + 7) == PV_ENOSYS ? 0 : -1);
    MEASURE("upcall_set", SAMPLES, pv_upcall_set(pv_upcall_entry));
    MEASURE("timer_set", SAMPLES, pv_timer_set(PV_CLOCK_WALL, ~0ull >> 2, 0));
    pv_timer_set(PV_CLOCK_WALL, 0, 0);
    MEASURE("partition_status self", SAMPLES, pv_partition_status(PV_PART_SELF, &pst));
    MEASURE("partition_status other", SAMPLES, pv_partition_status(2, &pst));
    MEASURE("partition_control unknown", SAMPLES,
            pv_partition_control(0x7fffffff, PV_PART_HALT) == PV_ENOENT ? 0 : -1);
    MEASURE("partition_control restart", SAMPLES, pv_partition_control(3, PV_PART_RESTART));
    MEASURE("hm_raise application-error", SAMPLES, pv_hm_raise(PV_HM_APPLICATION_ERROR, 1));
    MEASURE("hm_log_read 64", SAMPLES, pv_hm_log_read(0, log, 64, &lst) >= 0 ? 0 : -1);
    /* The newest entry alone, from a full log (every other partition
     * logged its share): found without walking the entries before it,
     * so the same cost with 64 entries as with 256 (hm_index.c). */
    pv_hm_log_read(0, log, 0, &lst);
    MEASURE("hm_log_read newest", SAMPLES,
            pv_hm_log_read(lst.next_seq - 1, log, 1, NULL) == 1 ? 0 : -1);
    MEASURE("plan_switch", 10, pv_plan_switch(0));
    MEASURE("console_read (not the input partition)", SAMPLES,
            pv_console_read(line, sizeof(line)) == PV_EPERM ? 0 : -1);
}

/* The timer entry that drains output left queued at a window start
 * (drain_owed, kernel.c), the writer's own time: a line written too close
 * to the end of M's window to drain there (a line starts only with 2 us
 * plus 50 ns a byte left) waits for M's next window, where an entry 2 us in
 * drains it. M spins on the clock from its window start: the longest
 * gap is that entry (and one turn of the loop). */
#define OWED_EDGE_NS 8000u   /* from the window's end: no 127-byte line drains */
#define OWED_SPIN    200000u /* instructions (ns) of clock reads */
#define OWED_SAMPLES 5u
static void measure_owed_drain(void)
{
    static char text[128];
    volatile struct pv_shared *s = pv_shared();
    uint32_t lo = 0xffffffffu, hi = 0, sum = 0, entries = 0;

    for (uint32_t i = 0; i < sizeof(text) - 1; i++) {
        text[i] = (char)('A' + i % 26);
    }
    text[sizeof(text) - 1] = '\n';
    for (uint32_t k = 0; k < OWED_SAMPLES; k++) {
        uint64_t end;
        uint32_t start, prev, now, gap = 0, e0;

        pv_idle();
        end = s->window_end_ns - s->window_guard_ns; /* where M stops running */
        while (pv_clock_ns() + OWED_EDGE_NS < end) {
            ;
        }
        pv_console_write(text, sizeof(text));
        pv_idle();
        e0 = s->kernel_entries;
        start = prev = bench_tsc32();
        do {
            now = bench_tsc32();
            gap = now - prev > gap ? now - prev : gap;
            prev = now;
        } while (now - start < OWED_SPIN);
        entries += s->kernel_entries - e0;
        lo = gap < lo ? gap : lo;
        hi = gap > hi ? gap : hi;
        sum += gap;
    }
    tp_printf("cost console drain owed (a 128-byte line): result 0 min %u max %u sum %u "
              "entries %u\n",
              lo, hi, sum, entries);
}

static void measure(void)
{
    int32_t wide = open_port("wide_out"), narrow = open_port("narrow_out");
    int32_t big_out = open_port("big_out"), big_in = open_port("big_in");
    int32_t q_out = open_port("q_out"), q_in = open_port("q_in");
    struct pv_port_status st;
    struct pv_port_message_info info;
    uint32_t overhead_sum;

    overhead = bench_timing_overhead(&overhead_sum);
    tp_printf("handles %d %d %d %d %d %d\n", wide, narrow, big_out, big_in, q_out, q_in);
    MEASURE("open missing", SAMPLES, open_port(MISSING_NAME));
    MEASURE("open longest", SAMPLES, open_port(LONGEST_NAME) >= 0 ? 0 : -1);
    MEASURE("write 8 wide", SAMPLES, pv_port_write(wide, "8 bytes", 8));
    MEASURE("write 8 narrow", SAMPLES, pv_port_write(narrow, "8 bytes", 8));
    MEASURE("status", SAMPLES, pv_port_status(wide, &st));
    MEASURE("write 64KiB sampling", SAMPLES_BIG, pv_port_write(big_out, big, BIG));
    MEASURE("read 64KiB sampling", SAMPLES_BIG, pv_port_read(big_in, big, BIG, &info));
    MEASURE("write 64KiB queuing", SAMPLES_BIG, pv_port_write(q_out, big, BIG));
    MEASURE("read 64KiB queuing", SAMPLES_BIG, pv_port_read(q_in, big, BIG, &info));
    MEASURE("clear", SAMPLES, pv_port_clear(q_in));
    measure_others();
    measure_owed_drain();
    /* A flood of the longest messages across FLOOD_FRAMES window ends: the
     * reader's windows must still start on time. */
    for (uint32_t frames = 0; frames < FLOOD_FRAMES; frames++) {
        uint64_t window = pv_shared()->window_start_ns;

        while (pv_shared()->window_start_ns == window) {
            pv_port_write(big_out, big, BIG);
        }
    }
    /* The reader's check: one last message it must be told about. */
    pv_port_write(narrow, "last", 5);
}

void pv_upcall_handler(struct pv_upcall_frame *f)
{
    if (f->lines & (1u << PV_IRQ_PORT)) {
        port_events++;
        event_window = pv_shared()->window_start_ns;
    }
}

/* R: waits for its port event with the line unmasked, then reads what
 * arrived; the event must come at the start of a window of R's. Reports
 * how late its windows began at worst (the kernel is not preemptible: a
 * long kernel path of M's at the end of M's window delays R). */
static void reader(void)
{
    int32_t narrow = open_port("narrow_in");
    uint64_t worst = 0;
    char buf[8];
    int32_t n;

    pv_upcall_set(pv_upcall_entry);
    pv_irq_unmask_line(PV_IRQ_PORT);
    pv_irq_enable();
    for (;;) {
        uint64_t start = pv_clock_ns();

        uint64_t late;

        port_events = 0;
        pv_idle();
        late = pv_clock_ns() - pv_shared()->window_start_ns;
        worst = late > worst ? late : worst;
        if (!port_events) {
            continue;
        }
        n = pv_port_read(narrow, buf, sizeof(buf), NULL);
        tp_printf("port event in a later window: %s, read -> %d \"%s\"\n",
                  event_window > start ? "yes" : "no", n, n > 0 ? buf : "");
        if (n == 5) {
            tp_printf("latest window start: %u ns\n", (unsigned)worst);
            return;
        }
    }
}

/* Every partition but M fills its share of the HM log at once ("log" is
 * application-error's default action): M reads a full log. */
static void fill_log_share(void)
{
    for (uint32_t i = 0; i < 64; i++) {
        pv_hm_raise(PV_HM_APPLICATION_ERROR, i);
    }
}

void pv_main(uint32_t id)
{
    if (id != 1) {
        fill_log_share();
    }
    if (id == 1) {
        measure();
    } else if (id == 2) {
        reader();
    }
}
