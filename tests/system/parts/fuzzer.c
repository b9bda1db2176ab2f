/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hypercall fuzzer (make fuzz-hypercalls, docs/testing.md). Configured
 * id FUZZ_ID: issues FUZZ_CALLS hypercalls whose numbers, arguments and
 * pointers come from a generator seeded with FUZZ_SEED, interleaved with
 * faults of every class, writes to its control page, upcalls and restarts
 * of itself; then halts the victim next to it and itself. Id SPIN_ID: the
 * quiet neighbour of the reference run, which only spins.
 *
 * Design: everything the run depends on - generator state, counters, the
 * last calls - lives in the area "keep" (shared="yes", so no restart clears
 * it). A fault is propagated by the health monitor (action "propagate"),
 * and the handler resumes the loop at fault_resume() on a fresh stack; a
 * cold or warm restart enters pv_main, which finds the state in "keep" and
 * carries on. Either way the n-th call is the same for a given seed, with
 * or without -icount: the handler and the restart path never draw from the
 * generator. This file issues, records and checks the calls and runs the
 * loop; fuzz_gen.c draws them, fuzz_faults.c causes the faults and restarts.
 */
#include "fuzzer.h"
#include <stddef.h>
#include "tp.h"

#ifndef FUZZ_SEED
#error "FUZZ_SEED, FUZZ_CALLS and FUZZ_TRACE_FROM come from the build (tests/tests.mk)"
#endif

#define MAGIC 0xf022c0deu

#ifndef FUZZ_PROGRESS
#define FUZZ_PROGRESS 65536u /* calls between progress lines */
#endif

/* ---- issuing, recording, checking ---- */

/* Register words in hex, as wide as the arch's (8 or 16 digits). */
#define WORD_DIGITS (PV_WORD_BITS / 4)

static void print_rec(const volatile struct rec *r)
{
    tp_printf("  call %u: nr=%llu args=%0*llx %0*llx %0*llx %0*llx %0*llx -> %d\n", (unsigned)r->n,
              (unsigned long long)r->nr, WORD_DIGITS, (unsigned long long)r->a[0], WORD_DIGITS,
              (unsigned long long)r->a[1], WORD_DIGITS, (unsigned long long)r->a[2], WORD_DIGITS,
              (unsigned long long)r->a[3], WORD_DIGITS, (unsigned long long)r->a[4], (int)r->ret);
}

static void report_finding(const char *what)
{
    K->findings++;
    tp_printf("\nFINDING seed=%u call=%u: %s; the last calls:\n", (unsigned)K->seed,
              (unsigned)K->calls, what);
    for (uint32_t i = 0; i < RING; i++) {
        const volatile struct rec *r = &K->ring[(K->ring_pos + i) % RING];

        if (r->n || r->nr) {
            print_rec(r);
        }
    }
}

static int32_t trap(const struct call *c)
{
#if defined(__i386__)
    if (c->hostile) {
        int32_t ret;

        /* Entered with DF set and null data segments; upcalls held off,
         * for the handler needs the segments back (user %ds = %ss). */
        pv_shared()->irq_level = 1;
        __asm__ volatile("push %%ebp\n\t"
                         "xor %%ebp, %%ebp\n\t"
                         "mov %%ebp, %%ds\n\t"
                         "mov %%ebp, %%es\n\t"
                         "pop %%ebp\n\t"
                         "std\n\t"
                         "int $0x80\n\t"
                         "cld\n\t"
                         "push %%ss\n\t"
                         "pop %%ds\n\t"
                         "push %%ss\n\t"
                         "pop %%es"
                         : "=a"(ret)
                         : "a"(c->nr), "b"(c->a[0]), "c"(c->a[1]), "d"(c->a[2]), "S"(c->a[3]),
                           "D"(c->a[4])
                         : "memory", "cc");
        pv_shared()->irq_level = 0;
        return ret;
    }
#endif
    return pv_hcall5(c->nr, c->a[0], c->a[1], c->a[2], c->a[3], c->a[4]);
}

static void check(const struct call *c, int32_t ret)
{
    int ok = 1;

    for (uint32_t i = 0; i < c->np; i++) {
        ok &= range_ok(c->p[i], c->len[i], c->rights[i]);
    }
    if (!ok && ret >= 0) {
        report_finding("a call with a bad pointer succeeded");
    } else if (c->oracle_exact && ok && ret == PV_EFAULT) {
        report_finding("a valid pointer was refused");
    } else if (c->oracle_exact && !ok && ret != PV_EFAULT) {
        report_finding("a bad pointer was not refused with PV_EFAULT");
    }
    if (c->nr == PV_HC_PORT_READ && ret > 0 && !range_ok(c->a[1], (pv_word_t)ret, FZ_W)) {
        report_finding("a port read wrote a message where the caller may not write");
    }
    if (c->nr >= PV_HC_COUNT && ret != PV_ENOSYS) {
        report_finding("an unknown hypercall number did not return PV_ENOSYS");
    }
}

/* The period timer_set is asked for: PV_U64_WORDS words, low first. */
static uint64_t timer_period(const struct call *c)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < PV_U64_WORDS; i++) {
        v |= (uint64_t)c->a[PV_TIMER_SET_ARG_PERIOD + i] << (i * 32u);
    }
    return v;
}

void issue(struct call *c)
{
    volatile struct rec *r = &K->ring[K->ring_pos % RING];
    int short_timer;
    int32_t ret;

    r->n = K->calls;
    r->nr = c->nr;
    for (int i = 0; i < 5; i++) {
        r->a[i] = c->a[i];
    }
    r->ret = 0x7eadbeef; /* did not return (yet) */
    K->ring_pos++;
    K->calls++;
    if (K->calls > FUZZ_TRACE_FROM) {
        print_rec(r);
    }
    if (c->nr == PV_HC_UPCALL_RETURN) {
        craft_frame(c->a[0]);
        K->expect_fault = 1;
    }
    /* No upcall until the entry is back; none from a short-period timer,
     * which would leave no time for anything but upcalls, until it is
     * disarmed again. */
    short_timer = c->nr == PV_HC_TIMER_SET && timer_period(c) && timer_period(c) < 50000;
    if (c->nr == PV_HC_UPCALL_SET || short_timer) {
        pv_shared()->irq_level = 1;
    }
    ret = trap(c);
    if (short_timer) {
        pv_timer_set((uint32_t)c->a[0], 0, 0);
        pv_shared()->irq_pending = 0;
        pv_shared()->irq_level = 0;
    }
    r->ret = ret;
    if (c->nr == PV_HC_UPCALL_SET) {
        pv_upcall_set(pv_upcall_entry);
        pv_shared()->irq_level = 0;
    }
    if (c->nr == PV_HC_UPCALL_RETURN) {
        K->expect_fault = 0;
    }
    if (K->calls > FUZZ_TRACE_FROM) {
        tp_printf("  -> %d\n", (int)ret);
    }
    check(c, ret);
}

/* ---- the loop ---- */

void pv_upcall_handler(struct pv_upcall_frame *f)
{
    volatile struct pv_shared *s = pv_shared();

    K->upcalls++;
    if (!(f->lines & (1u << PV_IRQ_HM))) {
        return;
    }
    /* The line alone proves nothing: the fuzzer sets pending bits itself. */
    if (s->hm_seq == K->hm_seen) {
        return;
    }
    K->hm_seen = s->hm_seq;
    if (!(s->hm_flags & PV_HM_FLAG_SYNC)) {
        K->hm_async++;
        return;
    }
    /* A fault: resume the loop on a fresh stack. */
    K->caught++;
    K->last_error = s->hm_error;
    if (!K->expect_fault) {
        K->unexpected++;
        tp_printf("unexpected fault: error %u detail %llx pc %llx\n", (unsigned)s->hm_error,
                  (unsigned long long)s->hm_detail, (unsigned long long)s->hm_pc);
        report_finding("a fault the fuzzer did not cause on purpose");
    }
    K->expect_fault = 0;
#if defined(__i386__)
    f->eip = (uint32_t)(uintptr_t)fault_resume;
    f->esp = ((uint32_t)(uintptr_t)__stack_top & ~15u) - 16;
#elif defined(__riscv)
    f->pc = (uintptr_t)fault_resume;
    f->x[1] = ((uintptr_t)__stack_top & ~15ul) - 16; /* x2, sp */
#else
    f->pc = (uint32_t)(uintptr_t)fault_resume;
    f->npc = f->pc + 4;
    f->o[6] = ((uint32_t)(uintptr_t)__stack_top & ~7u) - 96;
#endif
}

static void finish(void)
{
    tp_printf("\nfuzz done: seed=%u calls=%u faults=%u caught=%u upcalls=%u hm_async=%u "
              "restarts=%u findings=%u unexpected=%u\n",
              (unsigned)K->seed, (unsigned)K->calls, (unsigned)K->faults, (unsigned)K->caught,
              (unsigned)K->upcalls, (unsigned)K->hm_async, (unsigned)K->restarts_asked,
              (unsigned)K->findings, (unsigned)K->unexpected);
    pv_partition_control(VICTIM_ID, PV_PART_HALT);
    pv_halt_self();
}

static __attribute__((noreturn)) void loop(void)
{
    volatile struct pv_shared *s = pv_shared();

    for (;;) {
        struct call c = {0};
        uint32_t r;

        s->irq_mask = K->mask;
        s->irq_level = 0;
        if (K->calls >= FUZZ_CALLS) {
            finish();
        }
        if (K->calls % FUZZ_PROGRESS == 0 && K->calls) {
            tp_printf("\nprogress calls=%u window=%u\n", (unsigned)K->calls,
                      (unsigned)(pv_clock_ns() / 300000));
        }
        r = below(8192);
        if (r < 128) {
            fault();
        } else if (r < 192) {
            scribble();
        } else if (r < 194) {
            restart();
        } else {
            build(&c);
            issue(&c);
        }
    }
}

__attribute__((noreturn, used)) void fault_resume(void)
{
#if defined(__i386__)
    __asm__ volatile("cld"); /* a crafted frame may have set DF */
#endif
    loop();
}

static void spin(void)
{
    volatile struct pv_shared *s = pv_shared();
    uint64_t seen = s->window_start_ns;
    uint32_t windows = 0;

    tp_printf("spinner: %u windows\n", SPIN_WINDOWS);
    while (windows < SPIN_WINDOWS) {
        if (s->window_start_ns != seen) {
            seen = s->window_start_ns;
            windows++;
        }
    }
    pv_partition_control(VICTIM_ID, PV_PART_HALT);
}

void pv_main(uint32_t id)
{
    static const char *const names[4] = {"QS", "QD", "SS", "SD"};

    if (id != FUZZ_ID) {
        spin();
        return;
    }
    if (K->magic != MAGIC) {
        K->magic = MAGIC;
        K->seed = FUZZ_SEED;
        seed_rng(FUZZ_SEED);
        K->mask = ~((1u << PV_IRQ_HM) | (1u << PV_IRQ_TIMER) | (1u << PV_IRQ_EXEC_TIMER));
        tp_printf("fuzz start: seed=%u calls=%u\n", (unsigned)FUZZ_SEED, (unsigned)FUZZ_CALLS);
    } else {
        K->boots++;
        K->expect_fault = 0;
        if (K->calls > FUZZ_TRACE_FROM) {
            tp_printf("restarted (%u) at call %u\n", (unsigned)K->boots, (unsigned)K->calls);
        }
    }
    for (int i = 0; i < 4; i++) {
        K->ports[i] = pv_port_open(names[i], 2);
    }
    K->ports[4] = -1;
    pv_upcall_set(pv_upcall_entry);
    loop();
}
