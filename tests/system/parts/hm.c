/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Health-monitor test partition. Its role is its configured id:
 *   1..13   causes error id-1 (PV_HM_*) once, then says whether it carried on;
 *   21..28  raises an error whose configured action is under test;
 *   30      raises application-error once per boot until a module reset;
 *   40      floods the HM log: application-error (action log) in a loop;
 *   41      logs two application errors next to the flooder;
 *   50      system partition: after a while, prints the HM log;
 *   60      observer: prints what the schedule showed it, frame by frame.
 * id + 100 is the same role that does not cause its error (the quiet run
 * the observer's output is compared with).
 */
#include <stddef.h>
#include "tp.h"

#define OBSERVED_FRAMES 24
#define LOG_READ_FRAME  16  /* frame in which the system partition reads */
#define FLOOD_ERRORS    500 /* role 40: ~8 x the log, done well before LOG_READ_FRAME */

static volatile uint32_t sink;
static volatile uint32_t zero;
#if !defined(__riscv)
static volatile double fsink;
#endif
static uint32_t boots = 0; /* in .data: reset by a cold restart only */

static volatile uint32_t handled_seq;

#if defined(__riscv)
/* 64-bit: a fault address and a guest's detail above 4 GiB arrive whole in
 * the control page and the log (hm_detail is 64-bit on every arch). The
 * address is canonical Sv39 and mapped by no one. */
#define BAD_VA      0x150000000ul
#define WIDE_DETAIL 0xabc00001234ul
#else
#define BAD_VA      0x50000000u
#define WIDE_DETAIL 0x1234u
#endif

void pv_upcall_handler(struct pv_upcall_frame *f)
{
    volatile struct pv_shared *s = pv_shared();

    if (!(f->lines & (1u << PV_IRQ_HM))) {
        return;
    }
    handled_seq = s->hm_seq;
    tp_printf("handler: error=%u detail=%llx sync=%u pc=%s\n", s->hm_error,
              (unsigned long long)s->hm_detail, s->hm_flags & PV_HM_FLAG_SYNC,
              s->hm_pc ? "set" : "0");
    /* A synchronous error cannot be resumed: this partition gives up. */
    if (s->hm_flags & PV_HM_FLAG_SYNC) {
        tp_printf("handler: halting\n");
        pv_halt_self();
    }
}

static void enable_hm_upcalls(void)
{
    pv_upcall_set(pv_upcall_entry);
    pv_shared()->irq_mask &= ~(1u << PV_IRQ_HM);
    pv_irq_enable();
}

static void privileged(void)
{
#if defined(__i386__)
    __asm__ volatile("cli");
#elif defined(__sparc__)
    __asm__ volatile("wr %%g0, %%psr" ::: "memory");
#elif defined(__riscv)
    uint64_t v;

    __asm__ volatile("csrr %0, sstatus" : "=r"(v));
    sink = (uint32_t)v;
#endif
}

static void misaligned(void)
{
#if defined(__sparc__)
    uint32_t v;

    /* In asm: the compiler would split a load it can see is misaligned. */
    __asm__ volatile("ld [%1], %0" : "=r"(v) : "r"((uintptr_t)&boots + 1));
    sink = v;
#elif defined(__riscv)
    uint32_t v;

    /* QEMU does plain misaligned loads itself; an atomic traps. */
    __asm__ volatile("amoadd.w %0, zero, (%1)" : "=r"(v) : "r"((uintptr_t)&boots + 1) : "memory");
    sink = v;
#else
    tp_printf("no misaligned-access trap on this arch\n");
#endif
}

static void overflow_port(void)
{
    int32_t port = pv_port_open("OUT", 3);
    uint32_t msg = 0;

    for (int i = 0; i < 3; i++) {
        tp_printf("port write %d: %d\n", i, pv_port_write(port, &msg, sizeof(msg)));
    }
}

/* Role 1..13: one error of each id. */
static void cause(uint32_t error)
{
    tp_printf("causing %u\n", error);
    switch (error) {
    case PV_HM_MEMORY_VIOLATION:
        *(volatile uint32_t *)BAD_VA = 1;
        break;
    case PV_HM_PRIVILEGED_INSTRUCTION:
        privileged();
        break;
    case PV_HM_ILLEGAL_INSTRUCTION:
        __builtin_trap();
        break;
    case PV_HM_DIVIDE_ERROR:
        sink = 10 / zero;
        break;
    case PV_HM_FPU_ERROR: /* this partition has no FPU right */
#if defined(__riscv)
        /* Partitions are built without F/D: the compiler would call libgcc. */
        __asm__ volatile(".4byte 0x02007053"); /* fadd.d f0, f0, f0 */
#else
        fsink = fsink * 3.0;
#endif
        break;
    case PV_HM_MISALIGNED_ACCESS:
        misaligned();
        break;
    case PV_HM_HYPERCALL_MISUSE:
        tp_printf("bad hypercall: %d\n", pv_hcall0(999));
        break;
    case PV_HM_PORT_OVERFLOW:
        overflow_port();
        break;
    case PV_HM_RESTART_LOOP: /* application-error is set to cold-restart, limit 1 */
        tp_printf("boot, restarts=%u\n", pv_shared()->restarts);
        pv_hm_raise(PV_HM_APPLICATION_ERROR, 13);
        break;
    default:
        tp_printf("raise: %d\n", pv_hm_raise(error, 0x100 + error));
        break;
    }
    tp_printf("carried on after %u\n", error);
}

/* Role 21..28: application-error under each partition-level action. */
static void action(uint32_t role)
{
    volatile struct pv_shared *s = pv_shared();

    boots++;
    tp_printf("boot: restarts=%u start=%u boots=%u\n", s->restarts, s->start_condition, boots);
    switch (role) {
    case 21: /* ignore */
        pv_hm_raise(PV_HM_APPLICATION_ERROR, 21);
        pv_hm_raise(PV_HM_APPLICATION_ERROR, 21);
        tp_printf("ignored=%u\n", s->hm_ignored);
        break;
    case 25: /* warm-restart: only after the cold start is over */
        pv_mode_set(PV_MODE_NORMAL);
        pv_hm_raise(PV_HM_APPLICATION_ERROR, role);
        break;
    case 26: /* propagate, asynchronous */
        enable_hm_upcalls();
        pv_hm_raise(PV_HM_APPLICATION_ERROR, WIDE_DETAIL);
        tp_printf("handled=%u\n", handled_seq);
        break;
    case 27: /* propagate, synchronous */
        enable_hm_upcalls();
        *(volatile uint32_t *)BAD_VA = 1;
        break;
    case 28: /* propagate, synchronous, without a handler */
        *(volatile uint32_t *)BAD_VA = 1;
        break;
    case 22: /* log; and the log itself is for system partitions only */
        tp_printf("log read: %d\n", pv_hm_log_read(0, NULL, 0, NULL));
        pv_hm_raise(PV_HM_APPLICATION_ERROR, role);
        break;
    default: /* 23 halt, 24 cold-restart */
        pv_hm_raise(PV_HM_APPLICATION_ERROR, role);
        break;
    }
    tp_printf("carried on\n");
}

/* Role 30: reset the module once. */
static void reset_module(void)
{
    uint32_t start = pv_shared()->start_condition;

    tp_printf("boot: start=%u\n", start);
    if (start != PV_START_HM_MODULE_RESTART) {
        pv_hm_raise(PV_HM_APPLICATION_ERROR, 30);
    }
    tp_printf("carried on\n");
}

/* Role 40: raises far more errors than the whole log holds; the kernel
 * must drop only its own records. */
static void flood(void)
{
    struct pv_partition_status st = {0};
    uint32_t n = FLOOD_ERRORS;

    for (uint32_t i = 0; i < n; i++) {
        pv_hm_raise(PV_HM_APPLICATION_ERROR, i);
    }
    pv_partition_status(PV_PART_SELF, &st);
    tp_printf("flooded: raised=%u hm_errors=%u lost=%u\n", n, st.hm_errors, st.hm_log_lost);
}

/* Role 41: two records of its own, before the flood. */
static void log_two(void)
{
    struct pv_partition_status st = {0};

    pv_hm_raise(PV_HM_APPLICATION_ERROR, 0x41);
    pv_hm_raise(PV_HM_APPLICATION_ERROR, 0x42);
    pv_partition_status(PV_PART_SELF, &st);
    tp_printf("logged two: lost=%u\n", st.hm_log_lost);
}

static uint64_t frame_number(void)
{
    volatile struct pv_shared *s = pv_shared();

    return s->frame_start_ns / s->major_frame_ns;
}

static void print_log(void)
{
    struct pv_hm_entry e[16];
    struct pv_hm_log_status st;
    uint32_t next = 0;
    int32_t n;

    while (frame_number() < LOG_READ_FRAME) {
        pv_idle();
    }
    do {
        n = pv_hm_log_read(next, e, 16, &st);
        for (int32_t i = 0; i < n; i++) {
            tp_printf("log %u: partition=%u error=%u action=%u detail=%llx pc=%s\n", e[i].seq,
                      e[i].partition_id, e[i].error, e[i].action, (unsigned long long)e[i].detail,
                      e[i].pc ? "set" : "0");
            if (e[i].error == PV_HM_HYPERCALL_MISUSE) {
                tp_printf("log %u: misuse of call %u, error %d\n", e[i].seq,
                          PV_HM_MISUSE_NR(e[i].detail), (int)PV_HM_MISUSE_ERR(e[i].detail));
            }
            next = e[i].seq + 1;
        }
    } while (n > 0);
    tp_printf("log status: next=%u first=%u overwritten=%u capacity=%u ignored=%u share=%u\n",
              st.next_seq, st.first_seq, st.overwritten, st.capacity, st.ignored, st.share);
    tp_printf("partition line pending: %u\n", (pv_shared()->irq_pending >> PV_IRQ_PARTITION) & 1u);
}

static void observe(void)
{
    volatile struct pv_shared *s = pv_shared();

    tp_printf("observer: start=%u\n", s->start_condition);
    for (uint32_t k = 0; k < OBSERVED_FRAMES; k++) {
        pv_idle(); /* to the next window */
        tp_printf("observer: window %u at %llu, plan %u\n", s->window_index,
                  (unsigned long long)s->window_start_ns, s->plan_id);
    }
    /* Not a system partition: never told of the others' state changes. */
    tp_printf("observer: partition line pending: %u\n", (s->irq_pending >> PV_IRQ_PARTITION) & 1u);
}

void pv_main(uint32_t id)
{
    uint32_t role = id % 100, quiet = id >= 100;

    if (role >= 1 && role <= 13) {
        quiet ? (void)tp_printf("quiet\n") : cause(role - 1);
    } else if (role >= 21 && role <= 28) {
        quiet ? (void)tp_printf("quiet\n") : action(role);
    } else if (role == 30) {
        quiet ? (void)tp_printf("quiet\n") : reset_module();
    } else if (role == 40) {
        quiet ? (void)tp_printf("quiet\n") : flood();
    } else if (role == 41) {
        quiet ? (void)tp_printf("quiet\n") : log_two();
    } else if (role == 50) {
        print_log();
    } else if (role == 60) {
        observe();
    }
}
