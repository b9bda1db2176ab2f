/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * SPARC register windows and traps, from a partition. Partition id 200 must
 * survive: deep recursion (window overflow and underflow on every level
 * beyond the register file), `ta 3` window flushes in the middle of it, and
 * timer upcalls arriving at any depth; it checks every result. Ids 201 and
 * up each do one forbidden thing (a bad stack for the kernel to spill to or
 * fill from, a store into another partition's memory through the kernel's
 * mappings, a trap number nobody serves): the kernel must stop exactly that
 * partition. "SURVIVED" means it did not. Ids 214 and up (system
 * sparc-stacks) are more bad stacks, aimed at the window trap fast path.
 * The forbidden things are in sparc_traps_actions.c.
 */
#include <stddef.h>
#include "sparc_traps.h"
#include "tp.h"

#define DEPTH 120 /* x 96 bytes: within the 16 KiB stack (partition.ld) */

static volatile uint32_t ticks;

/* The clock (ta 0x42) as the handler of an execution-time upcall ends. */
static volatile uint32_t handler_end;
static uint32_t clock_trap(void);

/* Non-zero: the wall-clock timer is one-shot and every upcall arms it
 * again this far ahead (a timer fast path's case, timer_entry.S). */
static volatile uint32_t oneshot_ns;

/* The deadline of a timed one-shot timer (0: none), and the latencies from
 * it to the handler (ns, by the clock trap). */
static volatile uint64_t timed_deadline;
static volatile uint32_t timed_latency_min, timed_count;

/* A periodic timer's upcalls (check_timer_periodic()): the first deadline
 * and the period, the expiration count before it, and per upcall against
 * the latest deadline the kernel has counted: before it (early), within
 * TIMER_UPCALL_FAST of it (the fast path's), or a whole period and more
 * (a deadline passed that nobody counted: PERIODIC_SLACK allows a window
 * start's upcall, which counts the deadlines of the time the partition was
 * out). */
static volatile uint64_t periodic_first, periodic_period;
static volatile uint32_t periodic_on, periodic_e0, periodic_n, periodic_fast, periodic_early,
    periodic_behind, periodic_past_end, periodic_overrun;
#define TIMER_UPCALL_FAST 400u
#define PERIODIC_SLACK    1000u
#define RUN_END_SLACK     100u

static void periodic_upcall(uint32_t now)
{
    volatile struct pv_shared *s = pv_shared();
    uint64_t t = (uint64_t)(0xffffffffu - now) * 25u;
    uint32_t e = s->timer_expirations[PV_CLOCK_WALL] - periodic_e0;
    uint64_t due = periodic_first + (uint64_t)(e - 1) * periodic_period;

    periodic_n++;
    /* A deadline at or past this window's run end (its end less the guard)
     * is the next window's: counted here, a timer interrupt was served
     * after the run should have ended. */
    if (due >= s->window_end_ns - s->window_guard_ns) {
        periodic_past_end++;
    }
    if (t < due) {
        periodic_early++;
    } else if (t - due < TIMER_UPCALL_FAST) {
        periodic_fast++;
    } else if (t - due >= periodic_period + PERIODIC_SLACK) {
        periodic_behind++;
    }
}

void pv_upcall_handler(struct pv_upcall_frame *frame)
{
    uint32_t now = clock_trap(); /* first: the latency ends here */

    if (frame->lines & (1u << PV_IRQ_TIMER)) {
        ticks++;
        if (periodic_on) {
            periodic_upcall(now);
        }
        if (timed_deadline) {
            /* The clock trap's counter counts down from 0xffffffff at boot,
             * 25 ns a tick: the kernel's clock (bench/lib/tsc.h). */
            uint32_t lat = (uint32_t)((uint64_t)(0xffffffffu - now) * 25u - timed_deadline);

            if (lat < timed_latency_min) {
                timed_latency_min = lat;
            }
            timed_count++;
            timed_deadline = 0;
        }
        if (oneshot_ns) {
            pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + oneshot_ns, 0);
        }
    }
    if (frame->lines & (1u << PV_IRQ_EXEC_TIMER)) {
        handler_end = clock_trap();
    }
}

/* Every level keeps values in registers across the call, so a window that
 * is spilled or filled wrongly changes the result. Every 50 levels the
 * windows are flushed to the stack on purpose. The call goes through a
 * volatile pointer: called directly, GCC turns the recursion into a loop
 * (and computes the result at compile time), and no window trap happens. */
static uint32_t deep(uint32_t n);
static uint32_t (*volatile deep_call)(uint32_t) = deep;

static uint32_t __attribute__((noinline, noipa)) deep(uint32_t n)
{
    uint32_t a = n * 3, b = n ^ 0x5a5a, c = n + 7, d = n << 2, r;

    if (n == 0) {
        return 1;
    }
    if (n % 50 == 0) {
        __asm__ volatile("ta 3" ::: "memory");
    }
    r = deep_call(n - 1);
    return r + a + (b ^ 0x5a5a) - n + c - 7 + (d >> 2) - n;
}

/* What deep(n) returns: each level adds 4k. */
static uint32_t expected(uint32_t n)
{
    return 1 + 2 * n * (n + 1);
}

/* The measurement clock trap (docs/pv-api.md, SPARC binding). */
static uint32_t clock_trap(void)
{
    register uint32_t o0 __asm__("o0");

    __asm__ volatile("ta 0x42" : "=r"(o0) : : "memory");
    return o0;
}

static uint32_t kernel_entries(void)
{
    return pv_shared()->kernel_entries;
}

/* ta 0x42 reads a counter that moves, and is not a kernel entry. */
static void check_clock_trap(void)
{
    uint32_t entries = 0, a = 0, b = 0, d;

    /* At the start of a window, so that no window end falls in between.
     * Output still queued then drains in a timer entry 2 us into the
     * window (console.c): a window with such an entry is measured again,
     * at most twice (nothing is printed in between, so the next is quiet). */
    for (int attempt = 0; attempt < 3; attempt++) {
        pv_idle();
        entries = kernel_entries();
        a = clock_trap();
        for (volatile int i = 0; i < 2000; i++) {
            ;
        }
        b = clock_trap();
        if (kernel_entries() == entries) {
            break;
        }
    }
    d = a > b ? a - b : b - a;
    tp_printf("clock trap: %s, kernel entries: %s\n", d > 0 && d < 100000 ? "moves" : "WRONG",
              kernel_entries() == entries ? "none" : "SOME");
}

/* ta 0x43, the pv clock (pv_arch_counter): with every other register the
 * test can see set beforehand, and icc set to N and C, which an
 * arithmetic or a multiply in the kernel's handler would change. */
static int pv_clock_trap_keeps_state(void)
{
    uint32_t cc, y, g1, o2;

    __asm__ volatile("set 0x12345, %%g1\n\t"
                     "set 0x6789a, %%o2\n\t"
                     "wr %%g0, 0x2bc, %%y\n\t"
                     "nop\n\tnop\n\tnop\n\t"
                     "subcc %%g0, 1, %%g0\n\t" /* N and C set, Z and V clear */
                     "ta 0x43\n\t"
                     "mov 0, %[cc]\n\t"
                     "bneg,a 1f\n\t"
                     " or %[cc], 1, %[cc]\n"
                     "1:\tbcs,a 2f\n\t"
                     " or %[cc], 2, %[cc]\n"
                     "2:\tbe,a 3f\n\t"
                     " or %[cc], 4, %[cc]\n"
                     "3:\tbvs,a 4f\n\t"
                     " or %[cc], 8, %[cc]\n"
                     "4:\trd %%y, %[y]\n\t"
                     "mov %%g1, %[g1]\n\t"
                     "mov %%o2, %[o2]"
                     : [cc] "=&r"(cc), [y] "=&r"(y), [g1] "=&r"(g1), [o2] "=&r"(o2)
                     :
                     : "g1", "o0", "o1", "o2", "cc");
    return cc == 3 && y == 0x2bc && g1 == 0x12345 && o2 == 0x6789a;
}

/* pv_clock_ns() through ta 0x43: the kernel's clock (between two
 * PV_HC_TIME_GET), no kernel entry, nothing else changed. */
static void check_pv_clock_trap(void)
{
    uint64_t t1, c, t2, later = 0;
    uint32_t entries = 0, a_entries = 0;
    int keeps;

    pv_time_get(&t1);
    c = pv_clock_ns();
    pv_time_get(&t2);
    for (int attempt = 0; attempt < 3; attempt++) {
        pv_idle();
        entries = kernel_entries();
        later = pv_clock_ns(); /* the read alone, at a window start */
        a_entries = kernel_entries();
        if (a_entries == entries) {
            break;
        }
    }
    keeps = pv_clock_trap_keeps_state();
    tp_printf("pv clock trap: %s, keeps registers and icc: %s, kernel entries: %s\n",
              t1 <= c && c <= t2 && t2 - t1 < 100000 && later > t2 ? "agrees with time_get"
                                                                   : "WRONG",
              keeps ? "yes" : "NO", a_entries == entries ? "none" : "SOME");
}

/* Ticks (25 ns each) that the `ta 3` at the bottom of flush_chain took. */
static uint32_t flush_ticks;

/* depth windows of plain stack frames, then a timed flush of them all. */
__attribute__((noinline)) static void flush_chain(int depth)
{
    uint32_t a;

    if (depth > 0) {
        flush_chain(depth - 1);
        __asm__ volatile("" ::: "memory"); /* no tail call: keep the window */
        return;
    }
    a = clock_trap();
    __asm__ volatile("ta 3" ::: "memory");
    flush_ticks += a - clock_trap();
}

/* A flush of the chain's windows and its callers' onto a plain stack is
 * served in the trap table (trap_fast.S, flush_fast): about 200 instructions
 * with the two clock reads, where the full kernel entry took over 500.
 * Deterministic under -icount; the mean over 128 flushes is exact to a
 * fraction of the clock's 25 ns tick. 128 rounds of ~450 instructions fit
 * in W's 90 us of run after pv_idle(); 256 did not, and passed only while
 * the run's end fell between two timed flushes, not inside one. */
#define FLUSHES        128u
#define FLUSH_FAST_MAX 300u
static void check_flush_fast(void)
{
    uint32_t ns;

    flush_ticks = 0;
    pv_idle(); /* no window end in between */
    for (uint32_t i = 0; i < FLUSHES; i++) {
        flush_chain(3);
    }
    ns = flush_ticks * 25u / FLUSHES;
    if (ns < FLUSH_FAST_MAX) {
        tp_printf("window flush onto a plain stack: served in the trap table\n");
    } else {
        tp_printf("window flush onto a plain stack: %u ns, A FULL ENTRY\n", ns);
    }
}

/* The upcall return (the trampoline's PV_HC_UPCALL_RETURN) of an upcall
 * on the way out of a timer_set, from the handler's end to the code after
 * the timer_set: served in the trap table (trap_fast.S, upcall_fast) about 170
 * instructions, through the full kernel entry about 1,700; two kernel
 * entries per round (the timer_set and the return) either way. */
#define RETURNS                64u
#define UPCALL_RETURN_FAST_MAX 500u
static void check_upcall_return_fast(void)
{
    uint32_t sum = 0, entries = 0;

    pv_irq_unmask_line(PV_IRQ_EXEC_TIMER);
    /* At a window start; again if a console drain entry fell inside. */
    for (int attempt = 0; attempt < 3; attempt++) {
        pv_idle();
        sum = 0;
        entries = kernel_entries();
        for (uint32_t i = 0; i < RETURNS; i++) {
            pv_timer_set(PV_CLOCK_EXEC, 1, 0);
            sum += handler_end - clock_trap();
        }
        entries = kernel_entries() - entries;
        if (entries == 2 * RETURNS && sum * 25u / RETURNS < UPCALL_RETURN_FAST_MAX) {
            break;
        }
    }
    pv_irq_mask_line(PV_IRQ_EXEC_TIMER);
    if (sum * 25u / RETURNS < UPCALL_RETURN_FAST_MAX && entries == 2 * RETURNS) {
        tp_printf("upcall return: served in the trap table, one kernel entry\n");
    } else {
        tp_printf("upcall return: %u ns, %u entries per round: NOT THE FAST PATH\n",
                  sum * 25u / RETURNS, entries / RETURNS);
    }
}

/* A one-shot wall-clock timer's upcall, when only that timer expires, is
 * served in the trap table (timer_entry.S, timer_fast): from the deadline to
 * the handler's clock read about 200 instructions (the deadline's rounding
 * up to a 25 ns tick included), through the full kernel entry about 700.
 * Each counts one expiration in the control page. The smallest of the
 * latencies, at a window start so that no window end falls in between. */
#define TIMED 16u
static void check_timer_upcall_fast(void)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t expired = 0;

    /* Again if the partition's console output was still draining (the
     * fast path leaves that to the full entry). */
    for (int attempt = 0; attempt < 3; attempt++) {
        timed_latency_min = UINT32_MAX;
        timed_count = 0;
        expired = s->timer_expirations[PV_CLOCK_WALL];
        pv_idle();
        for (uint32_t i = 0; i < TIMED; i++) {
            uint64_t deadline = pv_clock_ns() + 2 * US + 7 * i;

            timed_deadline = deadline;
            pv_timer_set(PV_CLOCK_WALL, deadline, 0);
            while (timed_deadline) {
                ;
            }
        }
        expired = s->timer_expirations[PV_CLOCK_WALL] - expired;
        if (timed_latency_min < TIMER_UPCALL_FAST) {
            break;
        }
    }
    if (timed_latency_min < TIMER_UPCALL_FAST && timed_count == TIMED && expired == TIMED) {
        tp_printf("one-shot timer upcall: served in the trap table, expirations counted\n");
    } else {
        tp_printf("one-shot timer upcall: %u ns at least, %u upcalls, %u expirations: "
                  "NOT THE FAST PATH\n",
                  timed_latency_min, timed_count, expired);
    }
}

/* 200 upcalls of a periodic wall-clock timer (the RTEMS tick's case): of
 * 5,000 ns (200 ticks), served in the trap table from the second on within
 * each window (timer_entry.S, timer_fast: the record moves on a period per
 * tick); of 5,024 ns, which no whole number of 25 ns ticks makes, by the
 * full entry. Neither has an upcall before the deadline the kernel counted,
 * nor leaves a deadline uncounted. */
static void periodic_run(uint64_t period, int full_entries)
{
    volatile struct pv_shared *s = pv_shared();
    uint64_t tm;

    periodic_n = periodic_fast = periodic_early = periodic_behind = periodic_past_end = 0;
    periodic_period = period;
    periodic_first = pv_clock_ns() + 10 * US;
    periodic_e0 = s->timer_expirations[PV_CLOCK_WALL];
    periodic_on = 1;
    pv_timer_set(PV_CLOCK_WALL, periodic_first, period);
    periodic_overrun = 0;
    while (periodic_n < 200) {
        /* Running past this window's run end (its end less the guard) by
         * more than the timer's rounding: the interrupt that ends the run
         * was armed too late. Only if the window did not change between
         * the reads. */
        uint64_t window = s->window_start_ns, run_end = s->window_end_ns - s->window_guard_ns;
        uint64_t now = pv_clock_ns();

        /* cppcheck-suppress knownConditionTrueFalse ; volatile: the kernel moves it */
        if (now >= run_end + RUN_END_SLACK && s->window_start_ns == window) {
            periodic_overrun++;
        }
        /* A full entry between ticks writes the record again, the same
         * one (timer_fast.c: only the counts from the new reading). */
        if (full_entries) {
            (void)pv_time_get(&tm);
        }
    }
    pv_timer_set(PV_CLOCK_WALL, 0, 0);
    periodic_on = 0;
}

/* A period of 2^32 + 5,000 ns (4.3 s) is no 32-bit number of ns: the fast
 * path's 32-bit tick arithmetic must refuse it, not serve it as its low
 * word (5,000 ns). Its first deadline 10 us ahead: in 30 us exactly
 * one upcall and one expiration. */
static uint32_t long_period_upcalls(void)
{
    volatile struct pv_shared *s = pv_shared();
    uint32_t h0 = ticks, e0 = s->timer_expirations[PV_CLOCK_WALL];
    uint64_t until;

    pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 10 * US, (1ull << 32) + 5 * US);
    until = pv_clock_ns() + 30 * US;
    while (pv_clock_ns() < until) {
        ;
    }
    pv_timer_set(PV_CLOCK_WALL, 0, 0);
    return ticks - h0 == 1 && s->timer_expirations[PV_CLOCK_WALL] - e0 == 1;
}

/* One periodic run's verdict: what (the run), ok (its line when right),
 * at least fast_min upcalls served by the fast path. */
static void periodic_verdict(const char *what, const char *ok, uint32_t fast_min)
{
    if (periodic_early == 0 && periodic_behind == 0 && periodic_past_end == 0 &&
        periodic_overrun == 0 && periodic_fast >= fast_min) {
        tp_printf("%s: %s\n", what, ok);
    } else {
        tp_printf("%s: %u of %u fast, %u early, %u behind, %u past the run's end, %u run past "
                  "it: WRONG\n",
                  what, periodic_fast, periodic_n, periodic_early, periodic_behind,
                  periodic_past_end, periodic_overrun);
    }
}

static void check_timer_periodic(void)
{
    periodic_run(5 * US, 0);
    periodic_verdict("periodic timer upcalls", "served in the trap table, none early or uncounted",
                     100);
    if (long_period_upcalls()) {
        tp_printf("periodic timer of 2^32 + 5,000 ns: one upcall, one expiration\n");
    } else {
        tp_printf("periodic timer of 2^32 + 5,000 ns: WRONG\n");
    }
    periodic_run(5 * US + 24, 0);
    periodic_verdict("periodic timer of 5,024 ns", "none early or uncounted", 0);
    periodic_run(5 * US, 1);
    periodic_verdict("periodic timer beside full entries", "none early or uncounted, some fast",
                     20);
}

/* The recursion again with a one-shot timer that each upcall arms: the
 * timer fast path's upcalls at every depth. Not in windows(), whose frame
 * would move check_flush_fast()'s save areas (they must not cross a page). */
__attribute__((noinline)) static void recursion_under_oneshot(void)
{
    uint32_t bad = 0, runs = 0;
    uint64_t start;

    ticks = 0;
    oneshot_ns = 7 * US;
    pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 10 * US, 0);
    start = pv_clock_ns();
    while (pv_clock_ns() < start + 30000 * US && (runs < 10 || pv_clock_ns() < start + 1000 * US)) {
        if (deep(DEPTH) != expected(DEPTH)) {
            bad++;
        }
        runs++;
    }
    oneshot_ns = 0;
    pv_timer_set(PV_CLOCK_WALL, 0, 0);
    tp_printf("recursion under one-shot timer upcalls: %s, upcalls: %s\n", bad ? "WRONG" : "ok",
              ticks > 10 && runs > 5 ? "many" : "FEW");
}

/* Runs check with its frames well inside one page: the trap-table fast
 * paths it checks serve only save areas and upcall frames whose span lies
 * in one page (trap_fast.S), and where windows()'s frame falls moves with
 * the image's data size (the stack follows .bss: partition.ld). The stack
 * moves down to about 0xf00 into a page, so that nearly a page lies below,
 * whatever the layout. */
static void __attribute__((noinline)) on_roomy_page(void (*check)(void))
{
    uintptr_t off = (uintptr_t)__builtin_frame_address(0) & 0xfffu;
    volatile char *pad = __builtin_alloca(((off + 0x100u) & 0xfffu) + 8u);

    pad[0] = 0;
    check();
}

static void windows(uint32_t id)
{
    uint32_t bad = 0, runs = 0, entries = kernel_entries();
    uint64_t start, until;

    if (deep(DEPTH) != expected(DEPTH)) {
        bad++;
    }
    /* Nearly every level overflows once on the way down and underflows
     * once on the way back: kernel entries (well over DEPTH of them),
     * however the kernel serves them (docs/pv-api.md). */
    entries = kernel_entries() - entries;
    tp_printf("recursion %u deep: %s, window traps counted: %s\n", DEPTH, bad ? "WRONG" : "ok",
              entries >= DEPTH ? "yes" : "NO");
    /* Now with upcalls landing at every depth. */
    pv_upcall_set(pv_upcall_entry);
    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 10 * US, 7 * US);
    pv_irq_enable();
    /* At least 3 ms, and at least 20 runs however long they take (each
     * is about 240 window traps), within 30 ms. */
    start = pv_clock_ns();
    until = start + 30000 * US;
    while (pv_clock_ns() < until && (runs < 20 || pv_clock_ns() < start + 3000 * US)) {
        if (deep(DEPTH) != expected(DEPTH)) {
            bad++;
        }
        runs++;
    }
    pv_timer_set(PV_CLOCK_WALL, 0, 0);
    tp_printf("recursion under upcalls: %s, upcalls: %s\n", bad ? "WRONG" : "ok",
              ticks > 10 && runs > 10 ? "many" : "FEW");
    check_clock_trap();
    check_pv_clock_trap();
    on_roomy_page(check_flush_fast);
    on_roomy_page(check_upcall_return_fast);
    recursion_under_oneshot();
    on_roomy_page(check_timer_upcall_fast);
    on_roomy_page(check_timer_periodic);
    tp_printf("sparc-traps %u done\n", id);
}

void pv_main(uint32_t id)
{
    uint32_t n = id - 201;

    if (id == 200) {
        windows(id);
        return;
    }
    if (n >= sparc_traps_num_actions) {
        tp_printf("no action %u\n", n);
        return;
    }
    tp_printf("action %u: %s\n", n, sparc_traps_actions[n].what);
    if (sparc_traps_actions[n].ret) {
        tp_printf("action %u returned %d\n", n, (int)sparc_traps_actions[n].ret());
        return;
    }
    sparc_traps_actions[n].fn();
    tp_printf("action %u SURVIVED\n", n);
}
