/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A hostile neighbour: in its windows it does one thing without end, chosen
 * by its partition id (id - 200 indexes the kinds below; ids from 250 on
 * are extra spinners), so that the window end finds the kernel busy on
 * its behalf. A pseudo-random pause between rounds moves the point of the
 * round each window end falls on. The victim (victim.c) records its window
 * starts after each of them; with the guard band they must be the same as
 * after the quiet spinner (kind 0). bench/gen_hostile.py writes the systems
 * (the largest configuration) and names each kind's row. The faulting kinds
 * need the health-monitor action "log" (or "ignore") for their error: the
 * faulting instruction is then simply executed again, a fault loop.
 */
#include <stddef.h>
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
    RESTART,      /* restarts itself (cold) again and again */
    WARM_RESTART, /* the same, warm */
    FETCH,        /* memory violation by instruction fetch */
    ARCH_FAULT1,  /* faults through arch-specific paths (fault_arch) */
    ARCH_FAULT2,
    ARCH_FAULT3,
    /* One hypercall each, looped with its worst arguments. */
    HC_TIME_GET,
    HC_IDLE,
    HC_HALT_SELF, /* restarted by HC_PART_CONTROL */
    HC_UPCALL_SET,
    HC_UPCALL_RETURN,
    HC_IRQ_SYNC,
    HC_TIMER_SET,
    HC_PART_STATUS,
    HC_PART_CONTROL, /* a system partition */
    HC_CONSOLE_READ, /* the console input partition */
    HC_PORT_OPEN,
    HC_PORT_WRITE,
    HC_PORT_READ,
    HC_PORT_STATUS,
    HC_PORT_CLEAR,
    HC_PLAN_SWITCH, /* a system partition */
    HC_MODE_SET,
    HC_HM_RAISE,
    HC_HM_LOG_READ, /* a system partition */
    HC_ENOSYS,
};

#define BAD_PTR 0x00100000u /* the kernel's memory: never the caller's */
#define BIG     0x10000u
/* The end of the data area of bench/gen_hostile.py's systems: the kernel's
 * copies of the largest sizes end there (the image and its stack are far
 * below it). */
#define AREA_END  0x40140000u
#define AT_END(n) (AREA_END - (uint32_t)(n))
#define LAST_PLAN 63u /* gen_hostile.py: 64 plans */
#define LONGEST   "hostile_port_name_31_characters"
#define NAME_LEN  31u
#define PERIOD_NS PV_TIMER_MIN_PERIOD_NS
#define HALTER_ID (200u + HC_HALT_SELF)
#define NOT_AN_ID 0x7fffffffu

static char crs[4096];
static uint32_t seed = 12345;
static volatile uint32_t sink, upcalls;

void pv_upcall_handler(struct pv_upcall_frame *frame)
{
    (void)frame;
    upcalls++;
}

static void pause_a_little(void)
{
    seed = seed * 1103515245u + 12345u;
    for (uint32_t i = (seed >> 16) & 63; i; i--) {
        __asm__ volatile("");
    }
}

static void hypercalls(void)
{
    struct pv_partition_status st;
    uint64_t t;

    pv_hcall2(PV_HC_TIME_GET, BAD_PTR, 0);
    pv_time_get(&t);
    pv_hcall0(PV_HC_IRQ_SYNC);
    pv_upcall_set(NULL);
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
    pv_trace_event(PV_TRACE_USER, 0, 0);                      /* untraced system: ENOENT */
    pv_hcall5(PV_HC_TRACE_READ, 0, BAD_PTR, BIG, BAD_PTR, 0); /* not a system partition */
    pv_hcall0(PV_HC_COUNT + 100);                             /* ENOSYS */
    pv_hcall1(PV_HC_UPCALL_RETURN, BAD_PTR);
}
/* One faulting instruction each; the "log" action resumes at it. */
static void fault(enum kind k)
{
    switch (k) {
    case FETCH:
        ((void (*)(void))(uintptr_t)BAD_PTR)();
        break;
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
    /* The register-window paths: a spill or fill onto unmapped memory
     * (kernel/arch/sparc/window.c) is a memory violation, and the window
     * instruction faults again when resumed. */
    case ARCH_FAULT1: /* window overflow: this window's %sp is unmapped */
        __asm__ volatile("set 0x50000000, %%sp\n"
                         "1: save %%sp, -96, %%sp\n\t"
                         "b 1b\n\t"
                         " nop" ::
                             : "memory");
        break;
    case ARCH_FAULT2: /* window underflow: the caller's %fp is unmapped */
        __asm__ volatile("ta 3\n\t"
                         "set 0x50000000, %%fp\n\t"
                         "restore\n\t"
                         "nop" ::
                             : "memory");
        break;
    case ARCH_FAULT3: /* ta 3 spills a window whose %sp is unmapped */
        __asm__ volatile("set 0x50000000, %%sp\n\t"
                         "save %%sp, -96, %%sp\n\t"
                         "ta 3\n\t"
                         "restore" ::
                             : "memory");
        break;
#elif defined(__riscv)
    case MEMORY:
        *(volatile uint32_t *)(uintptr_t)BAD_PTR = 0;
        break;
    case PRIVILEGED:
        __asm__ volatile("csrr %0, sstatus" : "=r"(sink));
        break;
    case ILLEGAL:
        __asm__ volatile(".4byte 0"); /* all zeros: illegal by definition */
        break;
    case DIVIDE: /* RISC-V does not trap a division by zero: a plain loop */
        __asm__ volatile("divu %0, %1, zero" : "=r"(sink) : "r"(1u));
        break;
    case FPU:                                  /* the FPU is off (partitions without the right) */
        __asm__ volatile(".4byte 0x02007053"); /* fadd.d f0, f0, f0 */
        break;
    case MISALIGNED: /* QEMU does plain misaligned loads itself; an atomic traps */
        __asm__ volatile("amoadd.w %0, zero, (%1)"
                         : "=r"(sink)
                         : "r"((uintptr_t)crs + 1)
                         : "memory");
        break;
    case ARCH_FAULT1: /* ebreak: resumed at itself */
        __asm__ volatile("ebreak");
        break;
    case ARCH_FAULT2: /* a store through an unmapped stack pointer */
        __asm__ volatile("mv sp, %0\n\tsd zero, -8(sp)" : : "r"(BAD_PTR) : "memory");
        break;
    case ARCH_FAULT3: /* a privileged instruction outside the CSRs */
        __asm__ volatile("sfence.vma" ::: "memory");
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
    case ARCH_FAULT1: /* #BP: a trap, resumed after the int3 */
        __asm__ volatile("int3");
        break;
    case ARCH_FAULT2: /* #PF on a push: the stack pointer is unmapped */
        __asm__ volatile("mov %0, %%esp\n\tpush %%eax" : : "r"(BAD_PTR) : "memory");
        break;
    case ARCH_FAULT3: /* #GP with an error code: a selector beyond the GDT */
        __asm__ volatile("mov %0, %%ds" : : "r"(0xfff8u) : "memory");
        break;
#endif
    default:
        break;
    }
}

/* Upcalls on: a 1 us periodic timer on each clock whose line is unmasked,
 * so that nearly every kernel entry has one to deliver. */
static void timer_upcalls(int exec_too)
{
    uint64_t now;

    pv_upcall_set(pv_upcall_entry);
    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_time_get(&now);
    pv_timer_set(PV_CLOCK_WALL, now + PERIOD_NS, PERIOD_NS);
    if (exec_too) {
        pv_irq_unmask_line(PV_IRQ_EXEC_TIMER);
        pv_timer_set(PV_CLOCK_EXEC, 1, PERIOD_NS);
    }
    pv_irq_enable();
}

/* Port handles a kind uses (bench/gen_hostile.py's channels); a missing
 * port leaves a handle the kernel refuses. */
static int32_t open_port(const char *name)
{
    uint32_t n = 0;

    while (name[n]) {
        n++;
    }
    return pv_port_open(name, n);
}

static int32_t wide, bigs, bigq, clrq, longest;

static void setup(enum kind k)
{
    switch (k) {
    case HC_IDLE:
    case HC_UPCALL_RETURN:
        timer_upcalls(0);
        break;
    case HC_IRQ_SYNC:
        timer_upcalls(1);
        break;
    case HC_TIMER_SET:
        pv_upcall_set(pv_upcall_entry);
        pv_irq_unmask_line(PV_IRQ_TIMER);
        pv_irq_unmask_line(PV_IRQ_EXEC_TIMER);
        pv_irq_enable();
        break;
    case HC_PORT_WRITE:
        wide = open_port("wide");
        clrq = open_port("clrq");
        /* fall through */
    case HC_PORT_READ:
        bigs = open_port("bigs");
        bigq = open_port("bigq");
        break;
    case HC_PORT_CLEAR:
        clrq = open_port("clrq");
        break;
    case HC_PORT_STATUS:
        longest = open_port(LONGEST);
        break;
    default:
        break;
    }
}

/* One round of kind k's hypercall: the worst valid arguments (pointers into
 * the last of the caller's 256 areas, ending at its end; the largest
 * sizes) and the worst invalid ones (pointers in no area: every area looked
 * at, then the health monitor logs the misuse). */
static void one_call(enum kind k)
{
    static struct pv_port_message_info info;
    static struct pv_port_status pst;
    static struct pv_hm_log_status hst;
    struct pv_partition_status st;

    switch (k) {
    case HC_TIME_GET:
        pv_time_get((uint64_t *)AT_END(sizeof(uint64_t)));
        pv_hcall1(PV_HC_TIME_GET, BAD_PTR);
        break;
    case HC_IDLE:
        pv_idle();
        break;
    case HC_HALT_SELF:
        pause_a_little();
        pv_halt_self();
    case HC_UPCALL_SET:
        pv_upcall_set(pv_upcall_entry);
        pv_hcall1(PV_HC_UPCALL_SET, BAD_PTR);
        pv_hcall1(PV_HC_UPCALL_SET, (uint32_t)(uintptr_t)pv_upcall_entry + 1);
        break;
    case HC_UPCALL_RETURN:
        /* In no area, and crossing the area's end. */
        pv_hcall1(PV_HC_UPCALL_RETURN, BAD_PTR);
        pv_hcall1(PV_HC_UPCALL_RETURN, AT_END(4));
        break;
    case HC_IRQ_SYNC:
        pv_hcall0(PV_HC_IRQ_SYNC);
        break;
    case HC_TIMER_SET:
        /* A deadline long past and the shortest period: expirations to
         * count, a line to deliver. */
        pv_timer_set(PV_CLOCK_WALL, 1, PERIOD_NS);
        pv_timer_set(PV_CLOCK_EXEC, 1, PERIOD_NS);
        pv_timer_set(PV_CLOCK_EXEC + 1, 1, PERIOD_NS); /* EINVAL */
        break;
    case HC_PART_STATUS:
        pv_partition_status(
            PV_PART_SELF, (struct pv_partition_status *)AT_END(sizeof(struct pv_partition_status)));
        pv_hcall2(PV_HC_PART_STATUS, PV_PART_SELF, BAD_PTR);
        pv_partition_status(1, &st);         /* not a system partition: EPERM */
        pv_partition_status(NOT_AN_ID, &st); /* every partition looked at */
        break;
    case HC_PART_CONTROL:
        pv_partition_control(HALTER_ID, PV_PART_RESTART);
        pv_partition_control(NOT_AN_ID, PV_PART_HALT);
        pv_partition_control(HALTER_ID, 7); /* EINVAL */
        break;
    case HC_CONSOLE_READ:
        pv_console_read((char *)AT_END(PV_CONSOLE_WRITE_MAX), PV_CONSOLE_WRITE_MAX);
        pv_hcall2(PV_HC_CONSOLE_READ, BAD_PTR, PV_CONSOLE_WRITE_MAX);
        break;
    case HC_PORT_OPEN:
        pv_port_open(LONGEST, NAME_LEN);
        pv_port_open("hostile_port_name_31_characterX", NAME_LEN); /* no such port */
        pv_hcall2(PV_HC_PORT_OPEN, BAD_PTR, NAME_LEN);
        break;
    case HC_PORT_WRITE:
        pv_port_write(wide, crs, 8); /* 63 destinations */
        pv_port_write(bigs, (const void *)AT_END(BIG), BIG);
        pv_port_write(bigq, (const void *)AT_END(BIG), BIG); /* full: refused, logged */
        pv_port_write(clrq, crs, 8);
        pv_hcall3(PV_HC_PORT_WRITE, (uint32_t)bigs, BAD_PTR, BIG);
        break;
    case HC_PORT_READ:
        pv_port_read(bigs, (void *)AT_END(BIG), BIG, &info);
        pv_port_read(bigq, (void *)AT_END(BIG), BIG, &info);
        pv_hcall5(PV_HC_PORT_READ, (uint32_t)bigq, BAD_PTR, BIG, 0, 0);
        break;
    case HC_PORT_STATUS:
        pv_port_status(longest, (struct pv_port_status *)AT_END(sizeof pst));
        pv_hcall2(PV_HC_PORT_STATUS, (uint32_t)longest, BAD_PTR);
        pv_port_status(NOT_AN_ID, &pst);
        break;
    case HC_PORT_CLEAR:
        pv_port_clear(clrq);
        pv_port_clear(NOT_AN_ID);
        break;
    case HC_PLAN_SWITCH:
        /* Every plan alike (gen_hostile.py): the last one, then back. */
        pv_plan_switch(LAST_PLAN);
        pv_plan_switch(0);
        pv_plan_switch(NOT_AN_ID);
        break;
    case HC_MODE_SET:
        pv_mode_set(PV_MODE_NORMAL); /* ESTATE after the first */
        pv_mode_set(77);             /* EINVAL */
        break;
    case HC_HM_RAISE:
        pv_hm_raise(PV_HM_APPLICATION_ERROR, seed);
        pv_hm_raise(PV_HM_MEMORY_VIOLATION, 0); /* not a guest's to raise */
        break;
    case HC_HM_LOG_READ:
        pv_hm_log_read(0, (struct pv_hm_entry *)AT_END(BIG), BIG / sizeof(struct pv_hm_entry),
                       &hst);
        pv_hcall5(PV_HC_HM_LOG_READ, 0, BAD_PTR, BIG / sizeof(struct pv_hm_entry), BAD_PTR, 0);
        break;
    case HC_ENOSYS:
        pv_hcall0(PV_HC_COUNT);
        pv_hcall0(0xffffffffu);
        break;
    default:
        break;
    }
}

void pv_main(uint32_t id)
{
    enum kind k = id >= 250 ? SPIN : (enum kind)(id - 200);

    if (pv_shared()->restarts == 0) {
        tp_printf("hostile %u: kind %u\n", id, k);
    }
    for (uint32_t i = 0; i < sizeof crs; i++) {
        crs[i] = '\r';
    }
    setup(k);
    for (;;) {
        switch (k) {
        case SPIN:
            break;
        case HYPERCALLS:
            hypercalls();
            break;
        case CONSOLE:
            pv_console_write(crs, sizeof crs);
            break;
        case RESTART:
            pause_a_little();
            pv_restart_self();
        case WARM_RESTART:
            /* A partition in its cold start may not warm start. */
            pause_a_little();
            pv_mode_set(PV_MODE_NORMAL);
            pv_mode_set(PV_MODE_WARM_START);
            break;
        case MEMORY:
        case PRIVILEGED:
        case ILLEGAL:
        case DIVIDE:
        case FPU:
        case MISALIGNED:
        case FETCH:
        case ARCH_FAULT1:
        case ARCH_FAULT2:
        case ARCH_FAULT3:
            fault(k);
            break;
        default:
            one_call(k);
        }
        pause_a_little();
    }
}
