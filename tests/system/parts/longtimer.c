/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * One-shot timers seconds away, in a window long enough that no window
 * boundary re-arms the hardware timer before them (tests/system/
 * test_long_timer.py). A deadline beyond what one hardware count can
 * reach (x86: 2^32 local APIC ticks, about 4.3 s at QEMU's 1 GHz) is
 * served by waking up early and re-arming; one within it must come by one
 * count, at the deadline. Each must fire once, at its deadline.
 */
#include "tp.h"

#define MS        1000000ull
#define LATE_MAX  (1 * MS) /* generous: a wrong count is off by seconds */
#define SETTLE_NS (100 * MS)

static volatile uint32_t hits;
static volatile uint64_t hit_ns;

void pv_upcall_handler(struct pv_upcall_frame *f)
{
    (void)f;
    hit_ns = pv_clock_ns();
    hits++;
}

/* The deadline delta_ms from now; idle until the upcall, then idle on to
 * SETTLE_NS after it (one upcall only). */
static void one_shot(uint32_t delta_ms)
{
    uint32_t h0 = hits;
    uint64_t dl = pv_clock_ns() + delta_ms * MS, settle;

    pv_timer_set(PV_CLOCK_WALL, dl, 0);
    while (hits == h0) {
        pv_idle();
    }
    settle = pv_clock_ns() + SETTLE_NS;
    while (pv_clock_ns() < settle) {
        ;
    }
    if (hits == h0 + 1 && hit_ns >= dl && hit_ns - dl < LATE_MAX) {
        tp_printf("check %u ms: ok\n", delta_ms);
    } else {
        tp_printf("check %u ms: FAIL: %u upcalls, the last at %llu ns, deadline %llu\n", delta_ms,
                  hits - h0, (unsigned long long)hit_ns, (unsigned long long)dl);
    }
}

void pv_main(uint32_t id)
{
    (void)id;
    pv_upcall_set(pv_upcall_entry);
    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_irq_enable();
    one_shot(3000); /* within one count, past half of it */
    one_shot(4200); /* just within one count */
    one_shot(6500); /* one early wake-up, then a re-arm */
    one_shot(9000); /* two */
    tp_printf("done\n");
}
