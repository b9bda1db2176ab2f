/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Virtual interrupts and timers, checked from inside a partition under
 * -icount: delivery latency, masking by flag and by line, periodic timers
 * without drift, deferral to the next window, execution-time timers, idle
 * until an interrupt, nesting, argument errors, and finally an upcall whose
 * stack is gone (the kernel must stop this partition).
 */
#include "tp.h"

#define US          1000ull
#define LATENCY_MAX (5 * US) /* deadline to handler, generous for -icount */

static volatile uint32_t hits, depth, max_depth, reenable, return_by_hypercall, raise_in_handler;
static volatile uint64_t hit_time[64], hit_exec[64], hit_window[64];
static volatile uint32_t hit_lines[64];

void pv_upcall_handler(struct pv_upcall_frame *f)
{
    uint32_t n = hits;

    if (n < 64) {
        hit_time[n] = pv_clock_ns();
        hit_exec[n] = pv_exec_clock_ns();
        hit_window[n] = pv_shared()->window_start_ns;
        hit_lines[n] = f->lines;
    }
    hits = n + 1;
    if (++depth > max_depth) {
        max_depth = depth;
    }
    if (reenable && depth == 1) {
        uint64_t until = pv_clock_ns() + 50 * US;

        pv_irq_enable(); /* let the next expiry nest on top of this one */
        while (hits < n + 2 && pv_clock_ns() < until) {
            ;
        }
        pv_irq_disable();
    }
    if (raise_in_handler) {
        /* Expired at once: pending, as upcalls are off in a handler. */
        raise_in_handler = 0;
        pv_timer_set(PV_CLOCK_WALL, pv_clock_ns(), 0);
    }
    depth--;
    /* The return the trampoline takes only when it cannot restore the
     * frame itself (x86), and SPARC's own: the kernel resumes the frame. */
    if (return_by_hypercall) {
        pv_upcall_return(f);
    }
}

static void check(const char *name, int ok, const char *fmt, uint64_t a, uint64_t b)
{
    if (ok) {
        tp_printf("check %s: ok\n", name);
    } else {
        tp_printf("check %s: FAIL ", name);
        tp_printf(fmt, (unsigned long long)a, (unsigned long long)b);
        tp_printf("\n");
    }
}

/* Waits for the start of a fresh window (no timer armed; the window-start
 * line stays masked, as every line is at boot). */
static void sync_window(void)
{
    pv_idle();
}

static void spin_until(uint64_t t)
{
    while (pv_clock_ns() < t) {
        ;
    }
}

static void wait_hit(uint32_t n, uint64_t timeout_ns)
{
    uint64_t until = pv_clock_ns() + timeout_ns;

    while (hits < n && pv_clock_ns() < until) {
        ;
    }
}

static void test_clock(uint32_t id)
{
    uint64_t t1, t2, t3;

    check("shared id", pv_shared()->partition_id == id, "%llu %llu", pv_shared()->partition_id, id);
    t1 = pv_clock_ns();
    pv_time_get(&t2);
    t3 = pv_clock_ns();
    check("clock agrees with the kernel", t1 <= t2 && t2 <= t3 && t3 - t1 < 20 * US, "%llu..%llu",
          t1, t3);
    /* The TSC; on RISC-V mtime through rdtime; on SPARC the tick count of
     * the pv clock trap (ta 0x43). */
    uint32_t want = 1;
    /* The clock's conversion, (a * b) >> 32 in 64-bit pieces, with high
     * halves that a short test's counter deltas never reach (expected
     * values: exact products, worked out with Python's integers). */
    static const uint64_t mul[][3] = {
        {0x123456789abcdef0ull, 0x180000000ull, 0x1b4e81b4e81b4e68ull},
        {0xfedcba9876543210ull, 0xffffffffull, 0xfedcba9777777777ull},
        {0x3ffffffffull, 0x500000003ull, 0x1400000006ull},
    };
    int exact = 1;

    for (int i = 0; i < 3; i++) {
        exact &= pv_mul_shr32(mul[i][0], mul[i][1]) == mul[i][2];
    }
    check("clock conversion exact beyond 32 bits", exact, "%llx, want %llx",
          pv_mul_shr32(mul[0][0], mul[0][1]), mul[0][2]);
    /* The ABI's values (docs/pv-api.md), not just zero and non-zero. */
    check("counter_valid as documented", pv_shared()->counter_valid == want, "%llu, want %llu",
          pv_shared()->counter_valid, want);
}

static void test_oneshot(void)
{
    uint32_t h0;
    uint64_t dl;

    sync_window();
    h0 = hits;
    dl = pv_clock_ns() + 50 * US;
    pv_timer_set(PV_CLOCK_WALL, dl, 0);
    wait_hit(h0 + 1, 150 * US);
    check("one-shot fires once", hits == h0 + 1 && hit_lines[h0] == 1u << PV_IRQ_TIMER,
          "hits %llu lines %llx", hits - h0, hit_lines[h0]);
    check("one-shot on time", hit_time[h0] >= dl && hit_time[h0] - dl < LATENCY_MAX,
          "late by %llu ns (deadline %llu)", hit_time[h0] - dl, dl);
}

static void test_masked(int by_line)
{
    const char *name = by_line ? "masked line stays pending" : "disabled stays pending";
    uint32_t h0;
    uint64_t dl;

    sync_window();
    h0 = hits;
    if (by_line) {
        pv_irq_mask_line(PV_IRQ_TIMER);
    } else {
        pv_irq_disable();
    }
    dl = pv_clock_ns() + 20 * US;
    pv_timer_set(PV_CLOCK_WALL, dl, 0);
    spin_until(dl + 40 * US);
    check(name, hits == h0 && (pv_shared()->irq_pending & (1u << PV_IRQ_TIMER)),
          "hits %llu pending %llx", hits - h0, pv_shared()->irq_pending);
    if (by_line) {
        pv_irq_unmask_line(PV_IRQ_TIMER);
    } else {
        pv_irq_enable();
    }
    check(by_line ? "unmasking delivers at once" : "enabling delivers at once",
          hits == h0 + 1 && !(pv_shared()->irq_pending & (1u << PV_IRQ_TIMER)), "hits %llu %llu",
          hits - h0, 0);
}

static void test_periodic(void)
{
    const uint64_t period = 20 * US;
    uint64_t first, worst = 0;
    uint32_t h0, late = 0;

    sync_window();
    h0 = hits;
    first = pv_clock_ns() + 10 * US;
    pv_timer_set(PV_CLOCK_WALL, first, period);
    wait_hit(h0 + 8, 200 * US);
    pv_timer_set(PV_CLOCK_WALL, 0, 0);
    for (uint32_t k = 0; k < 8; k++) {
        uint64_t due = first + k * period;

        if (hit_time[h0 + k] < due || hit_time[h0 + k] - due >= LATENCY_MAX) {
            late++;
        }
        if (hit_time[h0 + k] - due > worst) {
            worst = hit_time[h0 + k] - due;
        }
    }
    check("periodic: 8 expirations", hits - h0 == 8, "%llu %llu", hits - h0, 0);
    check("periodic: each on its own deadline", late == 0, "%llu late, worst %llu ns", late, worst);
    h0 = hits;
    spin_until(pv_clock_ns() + 3 * period);
    check("disarmed timer stays quiet", hits == h0, "%llu %llu", hits - h0, 0);
}

static void test_deferred(void)
{
    volatile struct pv_shared *s = pv_shared();
    uint64_t dl, end;
    uint32_t h0;

    sync_window();
    h0 = hits;
    end = s->window_end_ns;
    dl = end + 30 * US; /* inside the other partition's window */
    pv_timer_set(PV_CLOCK_WALL, dl, 0);
    wait_hit(h0 + 1, 1000 * US);
    check("expiry outside the window waits for the next one",
          hits == h0 + 1 && hit_time[h0] > dl && hit_window[h0] > end,
          "hit at %llu, window began %llu", hit_time[h0], hit_window[h0]);
    check("and comes at that window's start", hit_time[h0] - hit_window[h0] < LATENCY_MAX,
          "%llu ns after the window start (%llu)", hit_time[h0] - hit_window[h0], hit_window[h0]);
}

static void test_counted_while_out(void)
{
    volatile struct pv_shared *s = pv_shared();
    const uint64_t period = 20 * US;
    uint32_t c0, counted;
    uint64_t first, now, want;

    sync_window();
    pv_irq_disable();
    c0 = s->timer_expirations[PV_CLOCK_WALL];
    first = pv_clock_ns() + 10 * US;
    pv_timer_set(PV_CLOCK_WALL, first, period);
    sync_window(); /* out for the other partition's window, back at our next */
    now = pv_clock_ns();
    counted = s->timer_expirations[PV_CLOCK_WALL] - c0;
    pv_timer_set(PV_CLOCK_WALL, 0, 0);
    s->irq_pending = 0; /* guests may only clear lines they own: here, all */
    pv_irq_enable();
    want = (now - first) / period + 1;
    check("missed periods are counted", counted + 1 >= want && counted <= want,
          "counted %llu, elapsed periods %llu", counted, want);
}

/* What the kernel publishes of the execution clock, and seq. */
static void exec_clock_fields(uint64_t f[3])
{
    volatile struct pv_shared *s = pv_shared();

    f[0] = s->seq;
    f[1] = s->exec_base_ns;
    f[2] = s->running_since_ns;
}

/* The execution clock's base (exec_base_ns, running_since_ns) changes only
 * when the partition is switched in: a hypercall that leaves it running
 * must not republish it (nor bump seq, which clock readers spin on). Fresh
 * in a window, so that no switch can fall between the two reads; three
 * tries in case an unforeseen one does. */
static void test_exec_clock_kept(void)
{
    uint64_t before[3], after[3], t;
    int kept = 0;

    sync_window();
    for (int i = 0; i < 3 && !kept; i++) {
        exec_clock_fields(before);
        pv_time_get(&t);
        exec_clock_fields(after);
        kept = before[0] == after[0] && before[1] == after[1] && before[2] == after[2];
    }
    check("a hypercall leaves the execution clock's base alone", kept,
          "running since %llu, now since %llu", before[2], after[2]);
}

static void test_exec_timer(void)
{
    uint64_t exec0, wall0, dl;
    uint32_t h0;

    sync_window();
    h0 = hits;
    exec0 = pv_exec_clock_ns();
    wall0 = pv_clock_ns();
    dl = exec0 + 300 * US; /* more than this window has left */
    pv_timer_set(PV_CLOCK_EXEC, dl, 0);
    wait_hit(h0 + 1, 2000 * US);
    check("execution-time timer fires on execution time",
          hits == h0 + 1 && hit_exec[h0] >= dl && hit_exec[h0] - dl < LATENCY_MAX,
          "exec at hit %llu, deadline %llu", hit_exec[h0], dl);
    check("and not on wall time", hit_time[h0] - wall0 >= 300 * US + 100 * US,
          "wall elapsed %llu, exec elapsed %llu", hit_time[h0] - wall0, hit_exec[h0] - exec0);
}

static void test_idle_wakeup(void)
{
    uint64_t dl, t;
    uint32_t h0;

    sync_window();
    h0 = hits;
    dl = pv_clock_ns() + 40 * US;
    pv_timer_set(PV_CLOCK_WALL, dl, 0);
    pv_idle();
    t = pv_clock_ns();
    check("idle returns at the interrupt", hits == h0 + 1 && t >= dl && t - dl < 2 * LATENCY_MAX,
          "returned %llu ns after the deadline (hits %llu)", t - dl, hits - h0);
}

/* The race a partition can arrange on one CPU: its line is already
 * pending (upcalls disabled) when it idles. The kernel must not let it
 * sleep through it (until its next window): pv_idle returns at once, and
 * enabling then delivers. */
static void test_idle_pending(void)
{
    uint64_t t0, t;
    uint32_t h0;

    sync_window();
    h0 = hits;
    pv_irq_disable();
    pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 2 * US, 0);
    spin_until(pv_clock_ns() + 4 * US); /* expired: pending, not delivered */
    t0 = pv_clock_ns();
    pv_idle();
    t = pv_clock_ns();
    check("idle with a line pending returns at once", hits == h0 && t - t0 < LATENCY_MAX,
          "returned after %llu ns (hits %llu)", t - t0, hits - h0);
    pv_irq_enable();
    check("and enabling then delivers it", hits == h0 + 1, "hits %llu %llu", hits - h0, 0);
}

static void test_nesting(void)
{
    sync_window();
    max_depth = 0;
    reenable = 1;
    pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 10 * US, 15 * US);
    spin_until(pv_clock_ns() + 100 * US);
    pv_timer_set(PV_CLOCK_WALL, 0, 0);
    reenable = 0;
    check("an enabled handler can be interrupted", max_depth == 2, "depth %llu %llu", max_depth, 0);
}

/* A line that became pending in a handler is delivered by the handler's
 * return, before the interrupted code runs on: whatever way each arch
 * returns (x86's restore in the guest, SPARC's and RISC-V's short trap),
 * the loop sees the second upcall's count with the first's. */
static void test_raised_in_handler(void)
{
    volatile uint32_t spins = 0;
    uint32_t h0, seen;

    sync_window();
    h0 = hits;
    raise_in_handler = 1;
    pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 10 * US, 0);
    while (hits == h0 && spins < 1000000) {
        spins++;
    }
    seen = hits;
    raise_in_handler = 0;
    check("a line raised in a handler is delivered at its return", seen == h0 + 2,
          "the interrupted code saw %llu upcalls (spins %llu)", seen - h0, spins);
}

/* The interrupted loop must go on exactly where it was, with its flags
 * (the frame's EFLAGS as the kernel resumes it: a resume in another mode
 * would fault the partition instead). */
static void test_return_by_hypercall(void)
{
    volatile uint32_t spins = 0, sum = 0;
    uint32_t h0;

    sync_window();
    h0 = hits;
    return_by_hypercall = 1;
    pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 10 * US, 0);
    while (hits == h0 && spins < 1000000) {
        spins++;
        sum += spins;
    }
    return_by_hypercall = 0;
    check("a handler's PV_HC_UPCALL_RETURN resumes the interrupted code",
          hits == h0 + 1 && sum == spins * (spins + 1) / 2, "hits %llu spins %llu", hits - h0,
          spins);
}

#if defined(__i386__)
/* The interrupted code's arithmetic flags and DF (the frame's EFLAGS bits
 * a return keeps) come back as they were, set and clear, whichever way the
 * handler returns: the loop runs on `loop`, which changes no flag, while
 * the upcall comes (x86: the kernel's resume of a frame once forced a bit
 * of its own into them). */
#define KEPT_FLAGS 0x0cd5u /* CF PF AF ZF SF DF OF */

static uint32_t spin_with_flags(uint32_t flags, uint32_t count)
{
    uint32_t out;

    __asm__ volatile("pushl %[f]\n\tpopfl\n"
                     "1:\n\tloop 1b\n\t"
                     "pushfl\n\tpopl %[o]\n\tcld"
                     : [o] "=&r"(out), "+c"(count)
                     : [f] "r"(flags)
                     : "cc", "memory");
    return out;
}

static void test_flags_kept(uint32_t by_hypercall)
{
    static const uint32_t patterns[] = {0, KEPT_FLAGS};
    uint32_t ok = 1, got = 0, want = 0;

    for (uint32_t i = 0; i < 2; i++) {
        uint32_t h0;

        sync_window();
        h0 = hits;
        return_by_hypercall = by_hypercall;
        pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 10 * US, 0);
        got = spin_with_flags(patterns[i], 50000) & KEPT_FLAGS; /* 50 us */
        return_by_hypercall = 0;
        want = patterns[i];
        if (got != want || hits != h0 + 1) {
            ok = 0;
            break;
        }
    }
    check(by_hypercall ? "flags kept by PV_HC_UPCALL_RETURN" : "flags kept by the upcall return",
          ok, "flags %llx, wanted %llx", got, want);
}
#endif

static void report(const char *what, int32_t got)
{
    tp_printf("%s -> %d\n", what, got);
}

static void test_bad_arguments(void)
{
    struct pv_partition_status st;
    uint64_t now = pv_clock_ns();

    report("timer unknown clock", pv_timer_set(2, now + US, 0));
    report("timer period too short", pv_timer_set(PV_CLOCK_WALL, now + US, 999));
    report("timer period without deadline", pv_timer_set(PV_CLOCK_WALL, 0, 20 * US));
    report("timer deadline too far", pv_timer_set(PV_CLOCK_WALL, ~0ull, 0));
    report("timer disarm", pv_timer_set(PV_CLOCK_EXEC, 0, 0));
    report("upcall into data", pv_hcall1(PV_HC_UPCALL_SET, (uint32_t)(uintptr_t)&hits));
    report("upcall into kernel", pv_hcall1(PV_HC_UPCALL_SET, 0x00100000));
    report("upcall return bad frame", pv_upcall_return((struct pv_upcall_frame *)0x50000000));
    /* The data area (virq.xml) ends at 0x40110000: a frame across its end. */
    report("upcall return frame across its area's end",
           pv_upcall_return((struct pv_upcall_frame *)(0x40110000 - 8)));
    report("status self", pv_partition_status(PV_PART_SELF, &st));
    tp_printf("status: id %u state %u restarts %u flags %u\n", st.id, st.state, st.restarts,
              st.flags);
    report("status other (application)", pv_partition_status(11, &st));
    report("status unknown", pv_partition_status(999, &st));
    report("status to kernel", pv_partition_status(PV_PART_SELF, (void *)0x00100000));
    report("control (application)", pv_partition_control(11, PV_PART_HALT));
}

/* The upcall frame must go on the partition's own stack; with the stack
 * pointer aimed at unmapped memory there is nowhere to put it. */
static void lose_the_stack(void)
{
    tp_printf("losing the stack\n");
    pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 20 * US, 0);
#if defined(__sparc__)
    __asm__ volatile("set 0x50000000, %%sp\n1: b 1b\n nop" ::: "memory");
#elif defined(__riscv)
    __asm__ volatile("li sp, 0x50000000\n1: j 1b" ::: "memory");
#else
    __asm__ volatile("mov $0x50000000, %%esp\n1: jmp 1b" ::: "memory");
#endif
}

void pv_main(uint32_t id)
{
    tp_printf("virq %u start\n", id);
    pv_upcall_set(pv_upcall_entry);
    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_irq_unmask_line(PV_IRQ_EXEC_TIMER);
    pv_irq_enable();
    test_clock(id);
    test_oneshot();
    test_masked(0);
    test_masked(1);
    test_periodic();
    test_deferred();
    test_counted_while_out();
    test_exec_clock_kept();
    test_exec_timer();
    test_idle_wakeup();
    test_idle_pending();
    test_nesting();
    test_return_by_hypercall();
#if defined(__i386__)
    test_flags_kept(0);
    test_flags_kept(1);
#endif
    test_raised_in_handler();
    test_bad_arguments();
    lose_the_stack();
}
