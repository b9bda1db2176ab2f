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
 */
#include <stddef.h>
#include "tp.h"

#define DEPTH 120 /* x 96 bytes: within the 16 KiB stack (partition.ld) */
#define US    1000u

static volatile uint32_t ticks;

/* The clock (ta 0x42) as the handler of an execution-time upcall ends. */
static volatile uint32_t handler_end;
static uint32_t clock_trap(void);

/* Non-zero: the wall-clock timer is one-shot and every upcall arms it
 * again this far ahead (the timer fast path's case, trap_fast.S). */
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
 * served in the trap table (trap_fast.S, timer_fast): from the deadline to
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
 * each window (trap_fast.S, timer_fast: the record moves on a period per
 * tick); of 5,024 ns, which no whole number of 25 ns ticks makes, by the
 * full entry. Neither has an upcall before the deadline the kernel counted,
 * nor leaves a deadline uncounted. */
static void periodic_run(uint64_t period)
{
    volatile struct pv_shared *s = pv_shared();

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

        if (now >= run_end + RUN_END_SLACK && s->window_start_ns == window) {
            periodic_overrun++;
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

static void check_timer_periodic(void)
{
    periodic_run(5 * US);
    if (periodic_early == 0 && periodic_behind == 0 && periodic_past_end == 0 &&
        periodic_overrun == 0 && periodic_fast >= 100) {
        tp_printf("periodic timer upcalls: served in the trap table, none early or uncounted\n");
    } else {
        tp_printf("periodic timer upcalls: %u of %u fast, %u early, %u behind, %u past the run's "
                  "end, %u run past it: WRONG\n",
                  periodic_fast, periodic_n, periodic_early, periodic_behind, periodic_past_end,
                  periodic_overrun);
    }
    if (long_period_upcalls()) {
        tp_printf("periodic timer of 2^32 + 5,000 ns: one upcall, one expiration\n");
    } else {
        tp_printf("periodic timer of 2^32 + 5,000 ns: WRONG\n");
    }
    periodic_run(5 * US + 24);
    if (periodic_early == 0 && periodic_behind == 0 && periodic_past_end == 0 &&
        periodic_overrun == 0) {
        tp_printf("periodic timer of 5,024 ns: none early or uncounted\n");
    } else {
        tp_printf("periodic timer of 5,024 ns: %u of %u fast, %u early, %u behind, %u past the "
                  "run's end, %u run past it: WRONG\n",
                  periodic_fast, periodic_n, periodic_early, periodic_behind, periodic_past_end,
                  periodic_overrun);
    }
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

/* The current window's %sp aimed at unmapped memory, then calls deeper:
 * the window overflow must spill this window there. */
static void overflow_bad_sp(void)
{
    __asm__ volatile("set 0x50000000, %%sp\n"
                     "1: save %%sp, -96, %%sp\n\t"
                     "b 1b\n\t"
                     " nop" ::
                         : "memory");
}

/* All windows flushed, then %fp aimed at unmapped memory: the restore must
 * fill the caller's window from there. */
static void underflow_bad_fp(void)
{
    __asm__ volatile("ta 3\n\t"
                     "set 0x50000000, %%fp\n\t"
                     "restore\n\t"
                     "nop" ::
                         : "memory");
}

/* A window whose %sp is unmapped, flushed with ta 3. */
static void flush_bad_sp(void)
{
    __asm__ volatile("set 0x50000000, %%sp\n\t"
                     "save %%sp, -96, %%sp\n\t"
                     "ta 3\n\t"
                     "restore" ::
                         : "memory");
}

/* A stack pointer that is not 8-byte aligned (the spill uses std). */
static void misaligned_sp(void)
{
    __asm__ volatile("add %%sp, 4, %%sp\n"
                     "1: save %%sp, -96, %%sp\n\t"
                     "b 1b\n\t"
                     " nop" ::
                         : "memory");
}

/* Bad save areas the window trap fast path (trap_fast.S) must refuse, leaving
 * them to window.c, which stops the partition. Each spills (or fills) the
 * window whose %sp (or the caller's whose %fp) is the address. */
#define OVERFLOW_AT(addr)                                                                          \
    __asm__ volatile("set " #addr ", %%sp\n"                                                       \
                     "1: save %%sp, -96, %%sp\n\t"                                                 \
                     "b 1b\n\t"                                                                    \
                     " nop" ::                                                                     \
                         : "memory")
#define UNDERFLOW_AT(addr)                                                                         \
    __asm__ volatile("ta 3\n\t"                                                                    \
                     "set " #addr ", %%fp\n\t"                                                     \
                     "restore\n\t"                                                                 \
                     "nop" ::                                                                      \
                         : "memory")

/* The kernel's map of RAM (partition F's memory, as below). */
static void overflow_kernel_map(void)
{
    OVERFLOW_AT(0xf1100000);
}

static void underflow_kernel_map(void)
{
    UNDERFLOW_AT(0xf1100000);
}

/* The control page: user read-write, but no area of the partition. */
static void overflow_control_page(void)
{
    OVERFLOW_AT(0xef000800);
}

static void underflow_control_page(void)
{
    UNDERFLOW_AT(0xef000800);
}

/* The partition's own code: readable, not writable. */
static void overflow_read_only(void)
{
    OVERFLOW_AT(0x40008000);
}

/* The last 32 bytes of the data area: the save area crosses into the
 * unmapped page after it. */
static void overflow_crossing(void)
{
    OVERFLOW_AT(0x4010ffe0);
}

/* 4-byte aligned, not 8. */
static void underflow_misaligned(void)
{
    UNDERFLOW_AT(0x40100004);
}

/* A flush that must write nothing (issue 17): the windows the flush would
 * spill first have good save areas in a page shared with an observer (T21),
 * an older one's is unmapped. The trap table's walk checks every save area
 * before it stores one, window.c's flush too: the good areas must keep the
 * pattern written into them. */
#define SHARE_VA     0x40200000u
#define SHARE_READY  0                         /* word: set just before the flush */
#define SAVE_AREA(k) (SHARE_VA + 0x100u * (k)) /* k = 1, 2, 3 */
#define SAVE_WORDS   16u                       /* a 64-byte save area */
#define SAVE_PATTERN 0x5a5a5a5au

static void flush_partly_bad(void)
{
    volatile uint32_t *share = (volatile uint32_t *)SHARE_VA;

    for (uint32_t k = 1; k <= 3; k++) {
        for (uint32_t w = 0; w < SAVE_WORDS; w++) {
            share[(SAVE_AREA(k) - SHARE_VA) / 4 + w] = SAVE_PATTERN;
        }
    }
    share[SHARE_READY] = 1;
    /* Only the current window valid; it gets the bad %sp and becomes the
     * oldest of four: save areas bad, area 1, area 2, then the current
     * window's (area 3: it stays in the registers). Locals and ins differ
     * from the pattern (%i6 is the older window's %sp). */
    __asm__ volatile("ta 3\n\t"
                     "mov %0, %%g2\n\t"
                     "mov %1, %%g3\n\t"
                     "mov %2, %%g4\n\t"
                     "set 0x50000000, %%sp\n\t"
                     "save %%g2, 0, %%sp\n\t"
                     "save %%g3, 0, %%sp\n\t"
                     "save %%g4, 0, %%sp\n\t"
                     "ta 3\n\t"
                     "nop"
                     :
                     : "r"(SAVE_AREA(1)), "r"(SAVE_AREA(2)), "r"(SAVE_AREA(3))
                     : "g2", "g3", "g4", "memory");
}

/* T21 (the share read-only): once T20 has tried its flush, the bytes of
 * the two good save areas that no longer hold the pattern (0 = nothing
 * written). */
static int32_t flush_partly_bad_observed(void)
{
    const volatile uint32_t *share = (const volatile uint32_t *)SHARE_VA;
    int32_t changed = 0;

    for (uint32_t tries = 0; !share[SHARE_READY]; tries++) {
        if (tries == 1000) {
            return -1;
        } else {
            pv_idle();
        }
    }
    pv_idle(); /* T20's window, where it flushed, has ended */
    for (uint32_t k = 1; k <= 2; k++) {
        for (uint32_t w = 0; w < SAVE_WORDS; w++) {
            changed += 4 * (share[(SAVE_AREA(k) - SHARE_VA) / 4 + w] != SAVE_PATTERN);
        }
    }
    return changed;
}

/* Partition F's first area through the kernel's map of RAM (0xf0000000 +
 * its offset in RAM): supervisor-only pages. */
static void store_other_kernel_map(void)
{
    *(volatile uint32_t *)0xf1100000 = 0xdeadbeef;
}

/* The same memory by its physical address: not mapped for a partition. */
static void store_other_physical(void)
{
    *(volatile uint32_t *)0x41100000 = 0xdeadbeef;
}

/* The UART through the kernel's MMIO window. */
static void store_kernel_mmio(void)
{
    *(volatile uint32_t *)0xff000100 = 'X';
}

static void do_ta_7f(void)
{
    __asm__ volatile("ta 0x7f");
}

static void store_control_page_of_kernel(void)
{
    /* The page after the control page belongs to the kernel's map. */
    *(volatile uint32_t *)(PV_SHARED_VA + 0x1000) = 1;
}

/* An upcall entry that is not 4-byte aligned: the kernel must refuse it,
 * since the upcall would resume the partition with `jmp; rett` to it, and
 * a misaligned jmp with traps off stops the CPU. If it is accepted, an
 * upcall is made to come. */
static int32_t upcall_entry_misaligned(void)
{
    int32_t r = pv_upcall_set((void (*)(void))((uintptr_t)pv_upcall_entry + 2));
    uint64_t until;

    if (r) {
        return r;
    }
    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 5 * US, 0);
    pv_irq_enable();
    until = pv_clock_ns() + 50 * US;
    while (pv_clock_ns() < until) {
        ;
    }
    return 0;
}

/* An upcall frame whose pc and npc are aligned when upcall_return checks
 * them, but which the flush that upcall_return does first overwrites: the
 * caller's older window is made to spill onto the frame (its save area is
 * the current window's %fp), with %l1/%l2 - pc/npc there - misaligned. The
 * kernel must take pc/npc from the frame as it is after the flush. */
static uint64_t fake_stack[32] __attribute__((aligned(8)));

static int32_t upcall_return_flush_overwrites(void)
{
    /* The frame 96 bytes up: the interrupted window's save area below it. */
    struct pv_upcall_frame *frame = (struct pv_upcall_frame *)&fake_stack[12];
    uint32_t bad = 0x40000002;
    int32_t r;

    frame->pc = (uint32_t)(uintptr_t)pv_upcall_entry;
    frame->npc = frame->pc + 4;
    frame->o[6] = (uint32_t)(uintptr_t)&fake_stack[0];
    __asm__ volatile("mov %1, %%l1\n\t"
                     "mov %1, %%l2\n\t"
                     "mov %2, %%g2\n\t"
                     "save %%sp, -96, %%sp\n\t"
                     "mov %%g2, %%fp\n\t" /* the older window spills onto the frame */
                     "mov %%g2, %%o0\n\t"
                     "mov 5, %%g1\n\t" /* PV_HC_UPCALL_RETURN */
                     "ta 0x40\n\t"
                     "restore %%o0, %%g0, %%g3\n\t" /* refilled from the frame */
                     "mov %%g3, %0"
                     : "=r"(r)
                     : "r"(bad), "r"(frame)
                     : "g1", "g2", "g3", "l1", "l2", "memory");
    return r;
}

/* With the division-by-zero trap enabled in %fsr, divide by zero: the FPU
 * raises an IEEE exception (%fsr.ftt = 1) and the partition is stopped. */
static void fp_exception(void)
{
    static const uint32_t fsr_dzm = 1u << 24, one = 0x3f800000u, zero = 0;

    __asm__ volatile("ld [%0], %%fsr\n\t"
                     "ld [%1], %%f0\n\t"
                     "ld [%2], %%f1\n\t"
                     "fdivs %%f0, %%f1, %%f2\n\t"
                     "fmovs %%f2, %%f2" ::"r"(&fsr_dzm),
                     "r"(&one), "r"(&zero)
                     : "memory");
}

/* The first FPU instruction of a partition reads %fsr: all of it must be
 * its own (zero), nothing left by the previous owner - such as the trap
 * type of its last exception. The version field (19:17) is the FPU's. */
static int32_t fsr_first_use(void)
{
    static uint32_t fsr;

    __asm__ volatile("st %%fsr, [%0]" ::"r"(&fsr) : "memory");
    return (int32_t)(fsr & ~0x000e0000u);
}

/* Either fn, which must not return (the kernel stops the partition), or
 * ret, whose result the partition prints before it halts. */
struct action {
    const char *what;
    void (*fn)(void);
    int32_t (*ret)(void);
};

static const struct action actions[] = {
    {"overflow with a bad stack pointer", overflow_bad_sp, NULL},
    {"underflow with a bad frame pointer", underflow_bad_fp, NULL},
    {"flush with a bad stack pointer", flush_bad_sp, NULL},
    {"misaligned stack pointer", misaligned_sp, NULL},
    {"store through the kernel's map of RAM", store_other_kernel_map, NULL},
    {"store to another partition's physical address", store_other_physical, NULL},
    {"store to the kernel's UART mapping", store_kernel_mmio, NULL},
    {"ta 0x7f", do_ta_7f, NULL},
    {"store next to the control page", store_control_page_of_kernel, NULL},
    {"misaligned upcall entry", NULL, upcall_entry_misaligned},
    {"upcall frame overwritten by the return's own flush", NULL, upcall_return_flush_overwrites},
    {"fp exception", fp_exception, NULL},
    {"fsr at first FPU use", NULL, fsr_first_use},
    {"overflow into the kernel's map", overflow_kernel_map, NULL},
    {"underflow from the kernel's map", underflow_kernel_map, NULL},
    {"overflow into the control page", overflow_control_page, NULL},
    {"underflow from the control page", underflow_control_page, NULL},
    {"overflow into read-only code", overflow_read_only, NULL},
    {"overflow crossing into an unmapped page", overflow_crossing, NULL},
    {"underflow from a misaligned frame pointer", underflow_misaligned, NULL},
    {"flush: younger save areas good, the oldest bad", flush_partly_bad, NULL},
    {"save areas of that flush's good windows, bytes written", NULL, flush_partly_bad_observed},
};

void pv_main(uint32_t id)
{
    uint32_t n = id - 201;

    if (id == 200) {
        windows(id);
        return;
    }
    if (n >= sizeof(actions) / sizeof(actions[0])) {
        tp_printf("no action %u\n", n);
        return;
    }
    tp_printf("action %u: %s\n", n, actions[n].what);
    if (actions[n].ret) {
        tp_printf("action %u returned %d\n", n, (int)actions[n].ret());
        return;
    }
    actions[n].fn();
    tp_printf("action %u SURVIVED\n", n);
}
