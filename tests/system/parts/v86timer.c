/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 only: a timer interrupt taken in virtual-8086 mode (kernel/arch/x86/
 * trap.c, v86_trap: the interrupt is then handled as usual, its EOI
 * included). The partition sets a one-shot timer d ns ahead and irets to
 * V86 mode at once (QEMU allows it from ring 3), for every d from 0 to
 * D_MAX: under -icount one of them expires on the iret itself, and the
 * interrupt comes before the first V86 fetch, with a V86 frame. Each try
 * ends in the privileged-instruction error, propagated: its detail is the
 * fetch's fault address (0x1000) when the fetch faulted, 0 when the timer
 * came first. The handler resumes the next try on a fresh stack; after
 * the first timer in V86 mode, a timer must still come.
 */
#include "tp.h"

#define D_MAX 4000u

extern char __stack_top[];
void next_try(void);

static volatile uint32_t d, tries, faults, timer_first, timer_upcalls, hm_seen;

void pv_upcall_handler(struct pv_upcall_frame *f)
{
    volatile struct pv_shared *s = pv_shared();

    if (f->lines & (1u << PV_IRQ_TIMER)) {
        timer_upcalls++;
    }
    if (!(f->lines & (1u << PV_IRQ_HM)) || s->hm_seq == hm_seen) {
        return;
    }
    hm_seen = s->hm_seq;
    if (!(s->hm_flags & PV_HM_FLAG_SYNC)) {
        return;
    }
    faults++;
    if (s->hm_error == PV_HM_PRIVILEGED_INSTRUCTION && s->hm_detail == 0) {
        timer_first++;
    }
    f->eip = (uint32_t)(uintptr_t)next_try;
    f->esp = ((uint32_t)(uintptr_t)__stack_top & ~15u) - 16;
}

/* After the first timer that came in V86 mode (or all tries): the next
 * timer must come too - the local APIC sends no more before the EOI of the
 * one in service. */
__attribute__((noreturn)) static void finish(void)
{
    uint32_t before = timer_upcalls;
    uint64_t dl = pv_clock_ns() + 50000, until = dl + 500000;

    pv_timer_set(PV_CLOCK_WALL, dl, 0);
    while (timer_upcalls == before && pv_clock_ns() < until) {
        ;
    }
    tp_printf("tries %u faults %u timer first %u\n", tries, faults, timer_first);
    tp_printf("a timer after them: %s\n", timer_upcalls == before + 1 ? "ok" : "FAIL");
    tp_printf("done\n");
    pv_halt_self();
}

/* The V86 iret frame: eip 0x1000, cs 0, eflags VM | IF | bit 1, esp, ss,
 * es, ds, fs, gs: the first fetch, at linear 0x1000, is a kernel page. The
 * esp is one in the partition's stack, where the kernel puts the upcall
 * frame once it has made the V86 frame a ring-3 one. */
__attribute__((noreturn, used)) void next_try(void)
{
    uint32_t n = d++;

    if (n > D_MAX || timer_first) {
        finish();
    }
    tries++;
    pv_timer_set(PV_CLOCK_WALL, pv_clock_ns() + n, 0);
    __asm__ volatile("push $0\n\t"
                     "push $0\n\t"
                     "push $0\n\t"
                     "push $0\n\t"
                     "push $0\n\t"
                     "push %0\n\t"
                     "push $0x20202\n\t"
                     "push $0\n\t"
                     "push $0x1000\n\t"
                     "iret"
                     :
                     : "r"(((uint32_t)(uintptr_t)__stack_top & ~15u) - 1024)
                     : "memory");
    __builtin_unreachable();
}

void pv_main(uint32_t id)
{
    (void)id;
    pv_upcall_set(pv_upcall_entry);
    pv_irq_unmask_line(PV_IRQ_TIMER);
    pv_irq_unmask_line(PV_IRQ_HM);
    pv_irq_enable();
    next_try();
}
