/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * SPARC: every kind of kernel entry made with the CPU in a hostile state
 * (tests/system/test_sparc_hostile.py). hostile_run() below fills 1 to 7
 * register windows with known patterns (the caller's windows flushed
 * first, so the number of valid windows is exact, from 1 to all 7), sets
 * the innermost window's %sp and %fp to the values asked for (odd, in the
 * kernel, at the control page, one past an area, ...), the globals and
 * outs to garbage, and then enters the kernel one way: a hypercall, a spin
 * that interrupts (and, if enabled, upcalls) land in, a window flush, or
 * seven saves and restores that spill the innermost window to its %sp and
 * fill it back. It then dumps every register and every window; the C code
 * checks that the kernel changed nothing but what the entry defines.
 *
 * Partition id 300 (H, a system partition) must survive all of it; it
 * runs the hypercalls that copy in or out with buffers at the exact first
 * and last bytes of its areas (done) and one byte or word past them
 * (PV_EFAULT, nothing written), and checks its areas' bytes around every
 * call. It then spins until its first window at 250 ms or later and halts the victim V
 * (fuzzvictim.c), whose output must be that of a run beside id 301, which
 * only spins. Ids 310 and up each do one refused thing in a hostile state
 * and must be stopped for it, with their own error.
 */
#include <stddef.h>
#include "sparc_hostile.h"

/* The hostile stack and frame pointers. */
static const uint32_t hostile[] = {
    0x40100001u,  /* odd, in the data area */
    0x40100004u,  /* 4- but not 8-aligned */
    0x50000000u,  /* no area */
    0xf0010000u,  /* the kernel's map of RAM */
    PV_SHARED_VA, /* the control page */
    DATA_END,     /* one past the data area */
    0xffffffffu,  0,
};
#define NHOSTILE (sizeof(hostile) / sizeof(hostile[0]))

/* ---- H: every entry in every hostile state ---- */

static volatile uint32_t ticks;
static int32_t qs, qd, hm_count;
static uint64_t spill_stack[128] __attribute__((aligned(8)));
static uint8_t big[4096];

/* Non-zero: the timer is one-shot, armed again this far ahead by every
 * upcall - so that the record the kernel's timer fast path reads
 * (timer_entry.S, timer_fast) is written anew for every upcall, where a
 * periodic one moves on in the fast path itself. */
static uint32_t oneshot_ns;

void pv_upcall_handler(struct pv_upcall_frame *frame)
{
    if (frame->lines & (1u << PV_IRQ_TIMER)) {
        ticks++;
        if (oneshot_ns) {
            pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + oneshot_ns, 0);
        }
    }
}

/* A and B (12 KiB, two areas) hold a pattern; after a call only the words
 * of [from, from + len) may differ. */
static uint32_t ab_word(uint32_t i)
{
    return 0xa5a5a5a5u ^ (i * 2654435761u);
}

static void fill_ab(void)
{
    volatile uint32_t *w = (volatile uint32_t *)A_VA;

    for (uint32_t i = 0; i < (B_END - A_VA) / 4; i++) {
        w[i] = ab_word(i);
    }
}

static void check_ab(uint32_t from, uint32_t len)
{
    const volatile uint32_t *w = (const volatile uint32_t *)A_VA;
    uint32_t bad = 0, first = 0;

    for (uint32_t i = 0; i < (B_END - A_VA) / 4; i++) {
        uint32_t va = A_VA + 4 * i;

        if (va + 4 > from && va < from + len) {
            continue;
        }
        if (w[i] != ab_word(i) && !bad++) {
            first = va;
        }
    }
    if (bad) {
        fail("%u words changed outside the call's bytes from %08x, the first at %08x", bad, from,
             first);
    }
}

static int same(uint32_t va, const void *buf, uint32_t len)
{
    const volatile uint8_t *a = (const volatile uint8_t *)va;
    const uint8_t *b = buf;

    for (uint32_t i = 0; i < len; i++) {
        if (a[i] != b[i]) {
            return 0;
        }
    }
    return 1;
}

/* One hypercall, made in every hostile state at every window depth. */
struct hcall_case {
    const char *name;
    uint32_t nr, a[5];
    int32_t want;
    uint32_t from, len;   /* the bytes of A and B it may change */
    void (*before)(void); /* after A and B are filled */
    void (*after)(void);
};

static void hcall_everywhere(const struct hcall_case *c)
{
    hostile_what = c->name;
    for (uint32_t depth = 0; depth < 7; depth++) {
        for (uint32_t h = 0; h < NHOSTILE; h++) {
            fill_ab();
            if (c->before) {
                c->before();
            }
            prepare(HCALL, depth, hostile[h], hostile[(h + 3) % NHOSTILE]);
            hs.g[1] = c->nr;
            for (int i = 0; i < 5; i++) {
                hs.o[i] = c->a[i];
            }
            hostile_run();
            check_registers((uint32_t)c->want);
            check_ab(c->from, c->len);
            if (c->after) {
                c->after();
            }
        }
    }
    report(c->name);
}

static void time_written(void)
{
    uint64_t now;

    pv_time_get(&now);
    if (*(volatile uint64_t *)(B_END - 8) == 0 || *(volatile uint64_t *)(B_END - 8) > now) {
        fail("time %08x%08x", (uint32_t)(*(volatile uint64_t *)(B_END - 8) >> 32),
             (uint32_t) * (volatile uint64_t *)(B_END - 8), 0);
    }
}

static void crs_at_end(void)
{
    for (uint32_t i = 1; i <= 6; i++) {
        *(volatile char *)(B_END - i) = '\r';
    }
}

static void name_at_end(void)
{
    *(volatile char *)(B_END - 3) = 'H';
    *(volatile char *)(B_END - 2) = 'Q';
    *(volatile char *)(B_END - 1) = 'S';
}

/* The message written from the end of B arrives intact. */
static void message_sent(void)
{
    uint8_t buf[16];

    if (pv_port_read(qd, buf, sizeof buf, NULL) != 16 || !same(B_END - 16, buf, 16)) {
        fail("message from %08x lost or changed", B_END - 16, 0, 0);
    }
}

static void big_sent(void)
{
    if (pv_port_read(qd, big, sizeof big, NULL) != 4096 || !same(B_END - 4096, big, 4096)) {
        fail("4096-byte message from %08x lost or changed", B_END - 4096, 0, 0);
    }
}

static void nothing_sent(void)
{
    uint8_t buf[16];
    int32_t r = pv_port_read(qd, buf, sizeof buf, NULL);

    if (r != PV_EAGAIN) {
        fail("a refused write queued something: read %d", (uint32_t)r, 0, 0);
    }
}

static const char msg[16] = "0123456789abcdef";

static void queue_message(void)
{
    pv_port_write(qs, msg, sizeof msg);
}

static void message_read(void)
{
    if (!same(B_END - 16, msg, 16)) {
        fail("message read to %08x changed", B_END - 16, 0, 0);
    }
}

static void message_kept(void)
{
    uint8_t buf[16];

    if (pv_port_read(qd, buf, sizeof buf, NULL) != 16 || !same((uint32_t)(uintptr_t)msg, buf, 16)) {
        fail("a refused read lost the message", 0, 0, 0);
    }
}

static void queue_big(void)
{
    for (uint32_t i = 0; i < sizeof big; i++) {
        big[i] = (uint8_t)(i * 7 + 3);
    }
    pv_port_write(qs, big, sizeof big);
}

static void big_read(void)
{
    if (!same(B_END - 4096, big, 4096)) {
        fail("4096-byte message read to %08x changed", B_END - 4096, 0, 0);
    }
}

#define INFO   sizeof(struct pv_port_message_info)
#define STATUS sizeof(struct pv_partition_status)
#define ENTRY  sizeof(struct pv_hm_entry)

static void hypercalls(void)
{
    const struct hcall_case cases[] = {
        {"time_get to the last 8 bytes of B",
         PV_HC_TIME_GET,
         {B_END - 8},
         0,
         B_END - 8,
         8,
         NULL,
         time_written},
        {"time_get to the first 8 bytes of B", PV_HC_TIME_GET, {B_VA}, 0, B_VA, 8, NULL, NULL},
        {"time_get one word past B", PV_HC_TIME_GET, {B_END - 4}, PV_EFAULT, 0, 0, NULL, NULL},
        {"time_get across the end of A into B",
         PV_HC_TIME_GET,
         {B_VA - 4},
         PV_EFAULT,
         0,
         0,
         NULL,
         NULL},
        {"time_get to the read-only area", PV_HC_TIME_GET, {R_VA}, PV_EFAULT, 0, 0, NULL, NULL},
        {"console_write of the last 6 bytes of B",
         PV_HC_CONSOLE_WRITE,
         {B_END - 6, 6},
         6,
         B_END - 8,
         8,
         crs_at_end,
         NULL},
        {"console_write one byte past B",
         PV_HC_CONSOLE_WRITE,
         {B_END - 5, 6},
         PV_EFAULT,
         B_END - 8,
         8,
         crs_at_end,
         NULL},
        {"port_open of a name at the end of B",
         PV_HC_PORT_OPEN,
         {B_END - 3, 3},
         0,
         B_END - 4,
         4,
         name_at_end,
         NULL},
        {"port_open of a name one byte past B",
         PV_HC_PORT_OPEN,
         {B_END - 2, 3},
         PV_EFAULT,
         0,
         0,
         NULL,
         NULL},
        {"port_write of the last 16 bytes of B",
         PV_HC_PORT_WRITE,
         {0, B_END - 16, 16},
         0,
         0,
         0,
         NULL,
         message_sent},
        {"port_write of the last 4096 bytes of B (restarted)",
         PV_HC_PORT_WRITE,
         {0, B_END - 4096, 4096},
         0,
         0,
         0,
         NULL,
         big_sent},
        {"port_write one byte past B",
         PV_HC_PORT_WRITE,
         {0, B_END - 15, 16},
         PV_EFAULT,
         0,
         0,
         NULL,
         nothing_sent},
        {"port_read to the last bytes of B",
         PV_HC_PORT_READ,
         {1, B_END - 16, 16, B_END - 16 - INFO},
         16,
         B_END - 16 - INFO,
         16 + INFO,
         queue_message,
         message_read},
        {"port_read to the last 4096 bytes of B (restarted)",
         PV_HC_PORT_READ,
         {1, B_END - 4096, 4096},
         4096,
         B_END - 4096,
         4096,
         queue_big,
         big_read},
        {"port_read one byte past B",
         PV_HC_PORT_READ,
         {1, B_END - 15, 16},
         PV_EFAULT,
         0,
         0,
         queue_message,
         message_kept},
        {"port_read with info one word past B",
         PV_HC_PORT_READ,
         {1, A_VA, 16, B_END - INFO + 4},
         PV_EFAULT,
         0,
         0,
         queue_message,
         message_kept},
        {"partition_status to the end of B",
         PV_HC_PART_STATUS,
         {PV_PART_SELF, B_END - STATUS},
         0,
         B_END - STATUS,
         STATUS,
         NULL,
         NULL},
        {"partition_status one word past B",
         PV_HC_PART_STATUS,
         {PV_PART_SELF, B_END - STATUS + 4},
         PV_EFAULT,
         0,
         0,
         NULL,
         NULL},
        {"hm_log_read to the end of B",
         PV_HC_HM_LOG_READ,
         {0, B_END - ENTRY, 1},
         0,
         B_END - ENTRY,
         ENTRY,
         NULL,
         NULL},
        {"hm_log_read one word past B",
         PV_HC_HM_LOG_READ,
         {0, B_END - ENTRY + 4, 1},
         PV_EFAULT,
         0,
         0,
         NULL,
         NULL},
        {"upcall_return of a frame across the end of A",
         PV_HC_UPCALL_RETURN,
         {B_VA + PV_UPCALL_STACK_FRAME - 8},
         PV_EFAULT,
         0,
         0,
         NULL,
         NULL},
        {"upcall_return of a frame 8 bytes past B",
         PV_HC_UPCALL_RETURN,
         {B_END - sizeof(struct pv_upcall_frame) + 8},
         PV_EFAULT,
         0,
         0,
         NULL,
         NULL},
    };

    for (uint32_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct hcall_case c = cases[i];

        /* Handles and counts known only now. */
        if (c.nr == PV_HC_PORT_OPEN && c.want == 0) {
            c.want = qs;
        }
        if (c.nr == PV_HC_PORT_WRITE) {
            c.a[0] = (uint32_t)qs;
        }
        if (c.nr == PV_HC_PORT_READ) {
            c.a[0] = (uint32_t)qd;
        }
        if (c.nr == PV_HC_HM_LOG_READ && c.want == 0) {
            c.want = hm_count;
        }
        hcall_everywhere(&c);
    }
}

/* Interrupts (the partition's 5 us timer) land in a spin of about 30 us,
 * as kernel entries only (virtual interrupts disabled) or, with upcall
 * set, as upcalls whose frame lies at the exact edge of an area and which
 * return through PV_HC_UPCALL_RETURN. */
static void spin_in(uint32_t depth, uint32_t sp, uint32_t fp)
{
    uint32_t entries = pv_shared()->kernel_entries;

    prepare(SPIN, depth, sp, fp);
    hs.o[0] = 10000;
    hostile_run();
    check_registers(0);
    if (pv_shared()->kernel_entries - entries < 3) {
        fail("no interrupt in the spin: %u kernel entries", pv_shared()->kernel_entries - entries,
             0, 0);
    }
}

static void interrupts(void)
{
    uint32_t before;

    pv_irq_mask_line(PV_IRQ_TIMER);
    pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 5000, 5000);
    hostile_what = "interrupts";
    for (uint32_t depth = 0; depth < 7; depth++) {
        for (uint32_t h = 0; h < NHOSTILE; h++) {
            spin_in(depth, hostile[h], hostile[(h + 3) % NHOSTILE]);
        }
    }
    report("interrupts in every hostile state");
    /* Upcalls: the frame and the save area below it exactly at the start
     * of B ([sp - 176, sp), sp odd or not), or at its very end; from the
     * periodic timer (the full entry) and from a one-shot one (the fast
     * path, each upcall arming the next). */
    const uint32_t edges[] = {B_VA + 176, B_VA + 179, B_VA + 183, B_END, B_END + 7};
    pv_upcall_set(pv_upcall_entry);
    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_irq_enable();
    for (int oneshot = 0; oneshot < 2; oneshot++) {
        hostile_what = oneshot ? "one-shot upcalls" : "upcalls";
        oneshot_ns = oneshot ? 5000 : 0;
        pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 5000, oneshot ? 0 : 5000);
        for (uint32_t depth = 0; depth < 7; depth++) {
            for (uint32_t e = 0; e < sizeof edges / sizeof edges[0]; e++) {
                fill_ab();
                before = ticks;
                spin_in(depth, edges[e], 1);
                if (ticks - before < 2) {
                    fail("%u upcalls with sp %08x", ticks - before, edges[e], 0);
                }
                check_ab(e < 3 ? A_VA : B_VA, e < 3 ? 4096 + 176 : 8192);
            }
        }
        oneshot_ns = 0;
        pv_timer_set(PV_CLOCK_WALL, 0, 0);
    }
    pv_irq_disable();
    report("upcalls with their frame at the edges of B");
}

/* ta 3 with a hostile %sp (the current window is not flushed) and, with
 * only the one window valid, a hostile %fp too. */
static void flushes(void)
{
    hostile_what = "flush";
    for (uint32_t depth = 0; depth < 7; depth++) {
        for (uint32_t h = 0; h < NHOSTILE; h++) {
            prepare(FLUSH, depth, hostile[h], depth ? 1 : hostile[(h + 3) % NHOSTILE]);
            hostile_run();
            check_registers(hs.o[0]);
        }
    }
    report("window flushes with a hostile sp");
}

/* The innermost window spilled to and filled from the exact edges of A
 * and B: the fast path (one page) or window.c (across a page of B). */
static void spills(void)
{
    const uint32_t edges[] = {A_VA, A_VA + 0xfc0, B_VA, B_VA + 0xfc0, B_VA + 0xfe0, B_END - 64};

    hostile_what = "spill";
    for (uint32_t depth = 0; depth < 7; depth++) {
        for (uint32_t e = 0; e < sizeof edges / sizeof edges[0]; e++) {
            fill_ab();
            prepare(SPILL, depth, edges[e], 1);
            hs.g[1] = (uint32_t)(uintptr_t)&spill_stack[128];
            hostile_run();
            check_registers(hs.o[0]);
            check_ab(edges[e], 64);
            if (*(volatile uint32_t *)edges[e] != PATTERN(depth)) {
                fail("window %u not spilled to %08x: %08x", depth, edges[e],
                     *(volatile uint32_t *)edges[e]);
            }
        }
    }
    report("window spills and fills at the edges of A and B");
}

/* Spins until a window that starts at HALT_AT_NS or later: H and the
 * reference halt the victim at the same point of the schedule. */
static void wait_for_halt_time(void)
{
    volatile struct pv_shared *s = pv_shared();

    if (s->window_start_ns >= HALT_AT_NS) {
        tp_printf("LATE: past %u ms\n", (unsigned)(HALT_AT_NS / 1000000));
    }
    while (s->window_start_ns < HALT_AT_NS) {
        ;
    }
}

static void survivor(void)
{
    struct pv_hm_entry e;

    pv_irq_disable();
    qs = pv_port_open("HQS", 3);
    qd = pv_port_open("HQD", 3);
    hm_count = pv_hm_log_read(0, &e, 1, NULL);
    tp_printf("ports %d %d, hm log %d\n", (int)qs, (int)qd, (int)hm_count);
    hypercalls();
    interrupts();
    flushes();
    spills();
    tp_printf("hostile done at %u ms\n", (unsigned)(pv_clock_ns() / 1000000));
}

/* ---- one refused thing each (ids 310 and up) ---- */

static void jump(uint32_t va)
{
    __asm__ volatile("jmpl %0, %%o7\n\tnop" : : "r"(va) : "o7", "memory");
}

static void refused(uint32_t n)
{
    /* The sp of cases 3-6 when the upcall comes. */
    static const uint32_t upcall_sp[] = {B_VA + 175, PV_SHARED_VA + 0x800, 0, B_END};
    static const char *const what[] = {
        "spill one word past the end of B",
        "spill across the end of A into B",
        "flush with fp one word past the end of B",
        "upcall frame across the end of A into B",
        "upcall frame at the control page",
        "upcall with sp 0",
        "upcall with a hostile fp",
        "illegal instruction with 7 windows and sp in the kernel",
        "load through sp in the kernel",
        "load through an odd sp",
        "execute the last word of X",
        "execute the first word of the area after X",
        "execute the control page",
    };

    if (n >= sizeof what / sizeof what[0]) {
        tp_printf("no case %u\n", (unsigned)n);
        return;
    }
    tp_printf("case %u: %s\n", (unsigned)n, what[n]);
    hostile_what = what[n];
    switch (n) {
    case 0:
    case 1:
        prepare(SPILL, 3, n == 0 ? B_END - 56 : B_VA - 32, 1);
        hs.g[1] = (uint32_t)(uintptr_t)&spill_stack[128];
        hostile_run();
        break;
    case 2:
        prepare(FLUSH, 1, 0x40100001u, B_END - 56);
        hostile_run();
        break;
    case 3:
    case 4:
    case 5:
    case 6:
        /* One-shot: refused by the timer fast path's frame check first,
         * then by the full entry (the periodic timer's way). */
        pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + 5000, 0);
        pv_upcall_set(pv_upcall_entry);
        pv_irq_unmask_line(PV_IRQ_TIMER);
        pv_irq_enable();
        spin_in(6, upcall_sp[n - 3], n == 6 ? 0xf0010000u : 1);
        break;
    case 7:
        prepare(FAULT, 6, 0xf0010000u, 0x40100001u);
        hostile_run();
        break;
    case 8:
    case 9:
        prepare(LOAD, 6, n == 8 ? 0xf0010000u : 0x40100001u, PV_SHARED_VA);
        hostile_run();
        break;
    case 10:
        jump(X_VA + 0xffc);
        break;
    case 11:
        jump(XW_VA);
        break;
    default:
        jump(PV_SHARED_VA);
        break;
    }
    tp_printf("case %u SURVIVED\n", (unsigned)n);
}

void pv_main(uint32_t id)
{
    if (id == 300) {
        survivor();
    }
    if (id == 300 || id == 301) {
        wait_for_halt_time();
        pv_partition_control(VICTIM_ID, PV_PART_HALT);
        tp_printf("victim halted\n");
        return;
    }
    if (id >= 310) {
        refused(id - 310);
    }
}
