/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A hostile neighbour: in its windows it does one thing without end, chosen
 * by its partition id (id - 200 indexes the kinds below), so that the
 * window end finds the kernel busy on its behalf. A pseudo-random pause
 * between rounds moves the point of the round each window end falls on.
 * The victim (victim.c) records its window starts after each of them; with
 * the guard band they must be the same as after the quiet spinner (kind 0).
 * The faulting kinds need the health-monitor action "log" (or "ignore") for
 * their error in the XML: the faulting instruction is then simply executed
 * again, a fault loop.
 */
#include "tp.h"

enum kind {
    SPIN,       /* the quiet reference */
    HYPERCALLS, /* every hypercall but console output, worst arguments */
    CONSOLE,    /* console output: 4096 '\r' per call */
    MEMORY,     /* the fault classes, in a loop */
    PRIVILEGED,
    ILLEGAL,
    DIVIDE,
    FPU,
    MISALIGNED,
    RESTART, /* restarts itself (cold) again and again */
};

#define BAD_PTR 0x00100000u /* the kernel's memory: never the caller's */
#define BIG     0x10000u

static char crs[4096];
static uint32_t seed = 12345;
static volatile uint32_t sink;

static void pause_a_little(void)
{
    seed = seed * 1103515245u + 12345u;
    for (uint32_t i = (seed >> 16) & 63; i; i--)
        __asm__ volatile("");
}

static void hypercalls(void)
{
    struct pv_partition_status st;
    uint64_t t;

    pv_hcall2(PV_HC_TIME_GET, BAD_PTR, 0);
    pv_time_get(&t);
    pv_hcall0(PV_HC_IRQ_SYNC);
    pv_upcall_set(0);
    /* A period of 1 ns: every entry finds expirations to count. */
    pv_timer_set(PV_CLOCK_WALL, t, 1);
    pv_timer_set(PV_CLOCK_EXEC, 1, 1);
    pv_hcall2(PV_HC_PART_STATUS, PV_PART_SELF, BAD_PTR);
    pv_partition_status(PV_PART_SELF, &st);
    pv_partition_status(1, &st);              /* not a system partition: EPERM */
    pv_partition_control(1, PV_PART_RESTART); /* EPERM */
    pv_hcall2(PV_HC_CONSOLE_READ, BAD_PTR, BIG);
    pv_console_read(crs, sizeof crs);
    pv_hcall2(PV_HC_CONSOLE_WRITE, BAD_PTR, BIG);
    pv_port_open(crs, sizeof crs); /* no such port, longest name */
    pv_hcall2(PV_HC_PORT_OPEN, BAD_PTR, BIG);
    pv_hcall3(PV_HC_PORT_WRITE, 0, BAD_PTR, BIG);
    pv_hcall5(PV_HC_PORT_READ, 0, BAD_PTR, BIG, BAD_PTR, 0);
    pv_hcall2(PV_HC_PORT_STATUS, 0, BAD_PTR);
    pv_port_clear(0);
    pv_plan_switch(0); /* EPERM */
    pv_mode_set(PV_MODE_NORMAL);
    pv_hcall5(PV_HC_HM_LOG_READ, 0, BAD_PTR, BIG, BAD_PTR, 0);
    pv_hcall0(PV_HC_COUNT + 100); /* ENOSYS */
    pv_hcall1(PV_HC_UPCALL_RETURN, BAD_PTR);
}

/* One faulting instruction each; the "log" action resumes at it. */
static void fault(enum kind k)
{
    switch (k) {
#if defined(__sparc__)
    case MEMORY:
        __asm__ volatile("st %%g0, [%0]" : : "r"(BAD_PTR) : "memory");
        break;
    case PRIVILEGED:
        __asm__ volatile("rd %%psr, %0" : "=r"(sink));
        break;
    case ILLEGAL:
        __asm__ volatile("unimp 0");
        break;
    case DIVIDE:
        __asm__ volatile("wr %%g0, %%y\n\tnop\n\tnop\n\tnop\n\tudiv %1, %%g0, %0"
                         : "=r"(sink)
                         : "r"(1u));
        break;
    case FPU:
        __asm__ volatile("fmovs %%f0, %%f1" ::: "memory");
        break;
    case MISALIGNED:
        __asm__ volatile("ld [%1], %0" : "=r"(sink) : "r"((uintptr_t)crs + 1));
        break;
#else
    case MEMORY:
        *(volatile uint32_t *)BAD_PTR = 0;
        break;
    case PRIVILEGED:
        __asm__ volatile("cli");
        break;
    case ILLEGAL:
        __asm__ volatile("ud2");
        break;
    case DIVIDE: {
        uint32_t q, r;

        __asm__ volatile("divl %2" : "=a"(q), "=d"(r) : "r"(0u), "0"(1u), "1"(0u));
        sink = q + r;
        break;
    }
    case FPU:
        __asm__ volatile("fld1\n\tfstp %%st(0)" ::: "memory");
        break;
    case MISALIGNED:
        /* x86 traps a misaligned access only with EFLAGS.AC and CR0.AM:
         * set AC; where the kernel leaves AM clear this is a plain load. */
        __asm__ volatile("pushf\n\torl $0x40000, (%%esp)\n\tpopf\n\tmovl 1(%1), %0"
                         : "=r"(sink)
                         : "r"(crs)
                         : "cc", "memory");
        break;
#endif
    default:
        break;
    }
}

void pv_main(uint32_t id)
{
    enum kind k = (enum kind)(id - 200);

    if (pv_shared()->restarts == 0)
        tp_printf("hostile %u: kind %u\n", id, k);
    for (uint32_t i = 0; i < sizeof crs; i++)
        crs[i] = '\r';
    for (;;) {
        switch (k) {
        case HYPERCALLS:
            hypercalls();
            break;
        case CONSOLE:
            pv_console_write(crs, sizeof crs);
            break;
        case RESTART:
            pause_a_little();
            pv_restart_self();
        case SPIN:
            break;
        default:
            fault(k);
        }
        pause_a_little();
    }
}
